import { ValidationError, type Contact } from '@rectify/core';
import { datesIn } from './dates.js';
import { checkNumbering, checkPunctuation, checkShares, documentsIn, findingHeading, resultsIn, splitMeasures, stripRepeatedStatus } from './findings.js';
import { isTitleLike, paragraphsOf, type Paragraph } from './paragraphs.js';
import { CATEGORY, FEEDBACK_ITEM, isHeading, ITEM, MEASURE_START, MEASURES_LABEL, numeral, PROBLEM, SECTION, STATUS_LABEL } from './patterns.js';
import { readTotals } from './totals.js';
import type { Located, NoticeWarning, ParsedCategory, ParsedFinding, ParsedInspection, ParsedNotice, ParsedSection } from './types.js';
import { statusOfWording } from './wording.js';

const located = <T>(value: T, line: number, confidence = 1): Located<T> => ({ value, line, confidence });

/**
 * Reads a published rectification progress notice (整改进展情况通报) into data: who
 * inspected whom and when, the numbered sections, the categories （一）…, each finding
 * (1、针对“…”问题, 关于“…”的问题, 在…方面, 问题：…) with its measures (一是…), the
 * documents it cites, its quantified results and its status line mapped to a status
 * (the wording kept), the totals of aggregate notices (checked), contacts, signer and
 * date. Every value carries the line it came from.
 *
 * Real pages are noisy; the parser never throws on what it finds in the text: it reads
 * what it can and adds a warning, with the line, for each oddity (front matter and
 * navigation, sentences cut by line breaks, unbalanced quotes, numbering gaps, a status
 * repeated in the narrative, dates that lost characters, shares that do not add up,
 * half-width punctuation in Chinese text, a text that stops mid-sentence, control
 * characters and broken surrogate pairs, which are dropped).
 *
 * @throws `ValidationError` (from `@rectify/core`) only when `text` is not a string.
 *
 * @example
 * ```ts
 * const notice = parseNotice(readFileSync('通报.txt', 'utf8'));
 * notice.findings.map((f) => `${f.categoryOrdinal}.${f.ordinal} ${f.title}: ${f.status?.wording}`);
 * ```
 */
export function parseNotice(text: string): ParsedNotice {
  if (typeof text !== 'string') throw new ValidationError('notice text', [{ path: '(root)', message: `Expected the notice as a string, got ${typeof text}`, code: 'invalid_type' }]);
  const warnings: NoticeWarning[] = [];
  const { paragraphs, frontMatter } = paragraphsOf(text, warnings);
  const inspection: ParsedInspection = {
    title: undefined, issuer: undefined, inspectors: [], inspected: [], kind: undefined, onSite: undefined, feedbackDate: undefined,
    publishedOn: undefined, signer: undefined, contacts: [], preamble: undefined, closing: undefined,
  };
  const sections: ParsedSection[] = [];
  const categories: ParsedCategory[] = [];
  const findings: ParsedFinding[] = [];
  let body = paragraphs;

  // The title: the first paragraph if it reads like one, or the first that does after
  // a site's menu (首页, 政务公开, 互动交流…: short lines, no sentence), else the page's
  // front matter.
  const titleAt = body.slice(0, MENU_LINES + 1).findIndex((p) => isTitleLike(p.text));
  if (titleAt >= 0 && body.slice(0, titleAt).every((p) => isMenuItem(p.text))) {
    if (titleAt > 0) warnings.push({ code: 'navigation_skipped', line: body[0]!.line, message: `Skipped ${titleAt} line(s) of the site's menu before the title` });
    // A site's column tag before the title (【巡察整改】) is the page's, not the title's.
    inspection.title = located(body[titleAt]!.text.replace(/^【[^】]{1,12}】\s*/, ''), body[titleAt]!.line);
    body = body.slice(titleAt + 1);
  } else if (frontMatter.title) {
    const title = frontMatter.title.text.replace(/\s*[|｜].*$/, '').replace(/^.*?->/, '').trim();
    inspection.title = located(title, frontMatter.title.line, 0.7);
  }
  if (inspection.title) {
    const issuer = /^(.+?)关于/.exec(inspection.title.value);
    if (issuer) inspection.issuer = located(issuer[1]!, inspection.title.line, inspection.title.confidence);
  }

  const signature = readSignature(body, inspection, warnings);
  body = body.slice(0, body.length - signature);
  if (!inspection.publishedOn && frontMatter.date) {
    const d = datesIn(frontMatter.date.text.slice(0, 10), frontMatter.date.line, warnings)[0];
    if (d) inspection.publishedOn = located(d.day, frontMatter.date.line, 0.6);
  }

  let section: ParsedSection | undefined;
  let category: ParsedCategory | undefined;
  let finding: ParsedFinding | undefined;
  // A count inside a finding's measures (累计交办问题37个) is the finding's, not the notice's total.
  const findingLines = new Set<number>();
  // Where each category stands, so that one heading no finding (a point of 下一步工作打算) goes back to its section's text.
  const pointsOf = new Map<ParsedCategory, { section: ParsedSection; paragraph: Paragraph }>();
  for (const [index, p] of body.entries()) {
    const previous = body[index - 1];
    checkPunctuation(p.text, p.line, warnings);
    readContacts(p, inspection);
    if (inspection.preamble === undefined && section === undefined && /巡视|巡察|审计|检查|督查/.test(p.text)) {
      inspection.preamble = located(p.text, p.line);
      readPreamble(p, inspection, warnings);
      continue;
    }
    if (/欢迎|监督|反映/.test(p.text) && /电话|邮箱|信箱|来信|来访/.test(p.text)) {
      inspection.closing = located(p.text, p.line);
      finding = undefined;
      continue;
    }
    const sectionHead = SECTION.exec(p.text);
    if (sectionHead && isHeading(sectionHead[2]!, 80)) {
      section = { ordinal: numeral(sectionHead[1]!), title: sectionHead[2]!.trim(), line: p.line, kind: 'text', paragraphs: [] };
      sections.push(section);
      category = undefined;
      finding = undefined;
      continue;
    }
    const categoryHead = CATEGORY.exec(p.text);
    const categoryTitle = categoryHead?.[2]!.trim().replace(/[。：:]$/, '').trim() ?? '';
    if (categoryHead && isHeading(categoryHead[2]!) && categoryTitle !== '') {
      category = { ordinal: numeral(categoryHead[1]!), title: categoryTitle, line: p.line };
      categories.push(category);
      if (section) pointsOf.set(category, { section, paragraph: p });
      finding = undefined;
      continue;
    }
    const fed = FEEDBACK_ITEM.exec(p.text);
    const item = fed ?? ITEM.exec(p.text) ?? PROBLEM.exec(p.text);
    const heading = !item ? undefined
      : fed ? (findingHeading(fed[2]!, p.line, warnings) ?? { title: fed[2]!.trim().replace(/[。：:]$/, ''), opening: 'problem' as const, confidence: 0.8 })
      : PROBLEM.test(p.text) ? { title: item[2]!.trim().replace(/[。；;]$/, ''), opening: 'problem' as const, confidence: 1 }
      : findingHeading(item[2]!, p.line, warnings);
    if (item && heading) {
      const written = fed ? (/^\d+$/.test(fed[1]!) ? Number(fed[1]) : numeral(fed[1]!)) : item[1] ? Number(item[1]) : undefined;
      // Numbering that starts again after an unnumbered paragraph (以下问题在全面从严治党方面。
      // 1、…): that paragraph heads a group of its own, as a category would.
      const lead = finding?.narrative.at(-1);
      if (written === 1 && finding && finding.categoryOrdinal === (category?.ordinal ?? null) && lead !== undefined && previous?.text === lead && isHeading(lead, 40)) {
        finding.narrative.pop();
        findingLines.delete(previous.line);
        category = { ordinal: Math.max(0, ...categories.map((c) => c.ordinal)) + 1, title: lead.replace(/[，,]?(?:反馈)?(?:的)?问题如下|[。：:]$/g, '').trim(), line: previous.line };
        categories.push(category);
        warnings.push({ code: 'numbering_restart', line: p.line, message: `The numbering starts again after “${lead}” (line ${previous.line}): read as a group of its own` });
      }
      const ordinal = written ?? (findings.filter((f) => f.categoryOrdinal === (category?.ordinal ?? null)).at(-1)?.ordinal ?? 0) + 1;
      finding = {
        ordinal, title: heading.title, line: p.line, categoryOrdinal: category?.ordinal ?? null, sectionOrdinal: section?.ordinal ?? null, opening: heading.opening,
        measures: [], status: undefined, narrative: [], documents: [], results: [],
      };
      findings.push(finding);
      if (section) section.kind = 'findings';
      continue;
    }
    if (finding) {
      readFindingParagraph(finding, p, warnings);
      findingLines.add(p.line);
      continue;
    }
    if (section) section.paragraphs.push({ text: p.text, line: p.line });
    // Before the first section: more of the opening (aggregate notices give their totals
    // here, and some give the feedback its own paragraph: 2022年8月16日，区委4个巡察组向…反馈).
    else if (inspection.preamble === undefined) inspection.preamble = located(p.text, p.line, 0.5);
    else {
      inspection.preamble.value += `\n${p.text}`;
      readPreamble(p, inspection, warnings);
    }
  }

  // （一）持续推进长期任务。: a numbered point of a narrative section (a sentence, with its
  // full stop), not a category of findings (a heading: 关于…方面).
  const grouping = new Set(findings.map((f) => f.categoryOrdinal));
  for (const [c, { section: s, paragraph }] of pointsOf) {
    if (grouping.has(c.ordinal) || !/[。；;]$/.test(paragraph.text)) continue;
    categories.splice(categories.indexOf(c), 1);
    s.paragraphs.push({ text: paragraph.text, line: paragraph.line });
    s.paragraphs.sort((a, b) => a.line - b.line);
  }
  for (const f of findings) checkNumbering(f.measures, `A measure of finding ${f.ordinal} (line ${f.line}) is`, warnings);
  for (const ordinal of [...new Set(findings.map((f) => f.categoryOrdinal))]) {
    checkNumbering(findings.filter((f) => f.categoryOrdinal === ordinal), 'A finding is', warnings);
  }
  checkNumbering(categories, 'A category is', warnings);
  checkNumbering(sections, 'A section is', warnings);
  const last = body.at(-1);
  if (signature === 0 && last !== undefined && !/[。！？）)”」…]$/.test(last.text)) {
    warnings.push({ code: 'truncated', line: last.line, message: `The text stops mid-sentence: “…${last.text.slice(-16)}”` });
  }
  warnings.sort((a, b) => a.line - b.line);
  return { inspection, sections, categories, findings, totals: readTotals(paragraphs.filter((p) => !findingLines.has(p.line)), warnings), warnings };
}

function readFindingParagraph(finding: ParsedFinding, p: Paragraph, warnings: NoticeWarning[]): void {
  finding.documents.push(...documentsIn(p.text, p.line, warnings));
  finding.results.push(...resultsIn(p.text, p.line));
  checkShares(p.text, p.line, warnings);
  const status = STATUS_LABEL.exec(p.text);
  if (status) {
    const wording = status[1]!.trim().replace(/[。；;]$/, '');
    const read = statusOfWording(wording);
    if (read) finding.status = { value: read.status, wording, line: p.line, confidence: read.confidence };
    else warnings.push({ code: 'unknown_status', line: p.line, message: `“${wording}” is not a status this parser knows` });
    return;
  }
  const measures = MEASURES_LABEL.exec(p.text);
  if (measures || MEASURE_START.test(p.text)) {
    const text = measures ? stripRepeatedStatus(measures[1]!, p.line, warnings) : p.text;
    for (const m of splitMeasures(text, p.line)) {
      if (m.ordinal === 0) finding.narrative.push(m.text);
      else finding.measures.push(m);
    }
    return;
  }
  finding.narrative.push(p.text);
}

/**
 * An inspection team as notices name it: 中央第十巡视组, 区委第二巡察组, 市委巡察六组,
 * 七届市委第十二轮巡察一组, 十一届省委第三轮巡视第九巡视组, 市委深化“最多跑一次”改革、
 * 优化营商环境专项巡察组, and several at once: 区委第一至第四巡察组, 市委第四、五巡察组,
 * 区委(组建)4个巡察组.
 * A name without a number or 专项 (区委巡察组, a later mention) is not taken for a team.
 */
const NUMBER = '[一二三四五六七八九十\\d]';
const INSPECTOR = new RegExp(
  `(?:${NUMBER}{1,3}届)?(?:中央|省委|市委|区委|县委|州委|旗委|盟委|自治区党委|市委市政府)?(?:组建|派出)?(?:[^，。；,;\\s]{0,30}?专项)?`
  + `(?:第${NUMBER}+轮(?:巡视|巡察)?)?(?:第${NUMBER}+(?:至|到|—|-)第?${NUMBER}+|第${NUMBER}+(?:[、和及]第?${NUMBER}+)*|\\d{1,2}个)?(?:巡视|巡察)${NUMBER}*组`, 'g');
const HAS_NUMBER = new RegExp(NUMBER);
const TERM = new RegExp(`^${NUMBER}{1,3}届`);
const numberedOrSpecial = (team: string) => HAS_NUMBER.test(team.replace(TERM, '')) || /专项/.test(team);
const TEAM_NUMBER = new RegExp(`第(${NUMBER}+)(巡视|巡察)组$|(巡视|巡察)(${NUMBER}+)组$|(\\d+)个(巡视|巡察)组$`);

/** Which team a name is (第九巡视组 and 省委第九巡视组 are one): its kind and number, or the name itself. */
function teamKey(team: string): string {
  const m = TEAM_NUMBER.exec(team);
  return m ? `${m[2] ?? m[3] ?? m[6]}${m[1] ?? m[4] ?? `×${m[5]}`}` : team;
}

function readInspectors(p: Paragraph, inspection: ParsedInspection): void {
  for (const m of p.text.matchAll(INSPECTOR)) {
    const team = m[0].replace(/^(?:统一部署|部署|安排)/, '').replace(/组建|派出/, '');
    if (!numberedOrSpecial(team)) continue;
    // A later mention of a team already read: 省委第九巡视组 after 十一届省委第三轮巡视第九巡视组;
    // 专项巡察组 after the special team's whole name.
    const known = inspection.inspectors.find((i) => teamKey(i.value) === teamKey(team) || (!HAS_NUMBER.test(team) && i.value.endsWith(team)));
    if (!known) inspection.inspectors.push(located(team, p.line));
    // …or a fuller name of one read bare: 市委5个巡察组 after 派出5个巡察组.
    else if (team.length > known.value.length && team.endsWith(known.value)) known.value = team;
  }
}

/** An on-site period given only to the month or the ten days (4月上旬至6月上旬, 2023年3月至5月). */
const IMPRECISE_PERIOD = /(?:\d{4}年)?\d{1,2}月(?:上旬|中旬|下旬|初|中|底|末)?(?:至|到|—|-)(?:\d{4}年)?\d{1,2}月(?:上旬|中旬|下旬|初|中|底|末)?(?!\d|\s*\d{1,2}日)/;

/**
 * Who inspected whom and when, from the opening paragraph, and from those after it
 * before the first section (which fill in only what is still missing).
 */
function readPreamble(p: Paragraph, inspection: ParsedInspection, warnings: NoticeWarning[]): void {
  // 今年1月6日 is in the notice's own year.
  const thisYear = inspection.publishedOn ? Number(inspection.publishedOn.value.slice(0, 4)) : undefined;
  const dates = datesIn(p.text, p.line, warnings, thisYear);
  readInspectors(p, inspection);
  if (inspection.kind === undefined || inspection.kind.confidence < 1) {
    inspection.kind = located(/巡视/.test(p.text) ? 'xunshi' : 'xuncha', p.line, /巡视|巡察/.test(p.text) ? 1 : 0.3);
  }
  // 常规巡察, 专项巡视, 提级交叉巡察, 机动巡察…: the kind words may come in twos.
  if (inspection.inspected.length === 0) {
    for (const m of p.text.matchAll(/对([^，。；,;]{2,60}?)(?:进行了|开展了|进行|开展)(?:了)?(?:常规|专项|机动|提级|交叉|联动|延伸)*(?:巡视|巡察)/g)) {
      inspection.inspected.push(inspectedBody(m[1]!.trim(), p.line, inspection, warnings));
    }
  }
  const range = /至|到|—|~/;
  for (let i = 0; inspection.onSite === undefined && i + 1 < dates.length; i++) {
    const between = p.text.slice(dates[i]!.index + dates[i]!.length, dates[i + 1]!.index);
    if (range.test(between) && between.length <= 3) {
      inspection.onSite = located({ start: dates[i]!.day, end: dates[i + 1]!.day }, p.line, Math.min(dates[i]!.confidence, dates[i + 1]!.confidence));
    }
  }
  const vague = inspection.onSite === undefined && !warnings.some((w) => w.code === 'imprecise_period') ? IMPRECISE_PERIOD.exec(p.text) : null;
  if (vague) {
    // Null is better than a guess: a month or a ten-day is no day.
    warnings.push({ code: 'imprecise_period', line: p.line, message: `The on-site period “${vague[0]}” is given only to the month or the ten days; not read as days` });
  }
  if (inspection.feedbackDate === undefined) {
    const feedback = dates.find((d) => /反馈/.test(p.text.slice(d.index, p.text.indexOf('。', d.index) + 1 || undefined)) && d.day !== inspection.onSite?.value.start && d.day !== inspection.onSite?.value.end);
    if (feedback) inspection.feedbackDate = located(feedback.day, p.line, feedback.confidence);
  }
}

/**
 * 我院党组, 我校党委, 我局, 我单位: the body that writes the notice speaks of itself. Not
 * 我区, 我市 (a place: 对我区12个单位进行了巡察 is an office's digest of many bodies).
 */
const SELF_REFERENCE = /^(?:我|本)(?:院|校|局|委|厅|办|处|室|部|所|站|中心|公司|集团|行|社|馆|会|单位|机关)/;

/**
 * The inspected body as the preamble names it, or, for a self-reference (对我院党组进行
 * 了巡察), the issuer the title names (中共荆州市沙市区人民法院党组), with a confidence
 * below 1 and a warning: a notice's reader, and a ledger's organisation, need the name.
 */
function inspectedBody(named: string, line: number, inspection: ParsedInspection, warnings: NoticeWarning[]): Located<string> {
  if (!SELF_REFERENCE.test(named)) return located(named, line);
  const issuer = inspection.issuer?.value;
  if (issuer === undefined) {
    warnings.push({ code: 'self_reference', line, message: `The inspected body is named "${named}" and the notice has no title to say who that is` });
    return located(named, line, 0.5);
  }
  warnings.push({ code: 'self_reference_resolved', line, message: `"${named}" read as the issuer named in the title, ${issuer}` });
  return located(issuer, line, 0.8);
}

function readContacts(p: Paragraph, inspection: ParsedInspection): void {
  const add = (contact: Contact) => {
    if (!inspection.contacts.some((c) => c.value.kind === contact.kind && c.value.value === contact.value)) inspection.contacts.push(located(contact, p.line));
  };
  for (const m of p.text.matchAll(/(?:电话|热线|联系电话)\s*[:：]?\s*((?:\d{3,4}\s*[-－—]\s*)?\d{7,8}|1\d{10}|12388)/g)) add({ kind: 'phone', value: m[1]!.replace(/\s/g, '').replace(/[－—]/g, '-') });
  for (const m of p.text.matchAll(/([A-Za-z0-9._%+-]+\s*@\s*[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)+)/g)) add({ kind: 'email', value: m[1]!.replace(/\s/g, '') });
  for (const m of p.text.matchAll(/((?:[\u4e00-\u9fff]{2,20})?(?:邮政)?信箱)\s*[:：]\s*([^，。；）)]{2,60})/g)) {
    if (!/电子/.test(m[1]!)) add({ kind: 'postbox', value: m[2]!.trim(), label: m[1]! });
  }
}

/**
 * The signature at the end: an organisation on one line (中共…党组（代章）) above the
 * date. Answers how many paragraphs it took from the end (0 when there is none).
 */
function readSignature(body: readonly Paragraph[], inspection: ParsedInspection, warnings: NoticeWarning[]): number {
  const last = body.at(-1);
  if (last === undefined) return 0;
  const date = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^\d{4}\d{1,3}日$/.test(last.text.replace(/\s/g, '')) ? datesIn(last.text.replace(/\s/g, ''), last.line, warnings)[0] : undefined;
  if (date === undefined) return 0;
  inspection.publishedOn = located(date.day, last.line, date.confidence);
  const signer = body.at(-2);
  if (signer && signer.text.length <= 40 && !/[。；]/.test(signer.text)) {
    inspection.signer = located(signer.text, signer.line);
    if (!inspection.issuer) inspection.issuer = located(signer.text.replace(/[（(]代章[)）]$/, ''), signer.line, 0.8);
    return 2;
  }
  return 1;
}

/** How many lines of a site's menu may stand before the title. */
const MENU_LINES = 12;

/** A line of a site's menu: a few words, no sentence, no number (政务公开, 互动交流, 机构概况). */
function isMenuItem(text: string): boolean {
  return text.length <= 12 && !/[。，,；;：:！？!?、\d]/.test(text);
}

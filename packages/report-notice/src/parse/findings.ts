import type { FindingOpening, NoticeWarning, ParsedDocument, ParsedMeasure, ParsedResult } from './types.js';
import { datesIn } from './dates.js';
import { numeral } from './patterns.js';
import { statusOfWording } from './wording.js';

/** The problem a finding heading names, and how the heading opens; undefined when it is not a finding. */
export function findingHeading(text: string, line: number, warnings: NoticeWarning[]): { title: string; opening: FindingOpening; confidence: number } | undefined {
  const t = text.trim().replace(/[。：:]$/, '');
  let m = /^针对\s*(.+?)\s*(?:的)?问题$/.exec(t);
  if (m) return { ...quoted(m[1]!, line, warnings), opening: 'targeting' };
  m = /^关于\s*(.+?)\s*(?:的)?问题(?:的整改(?:情况)?)?$/.exec(t);
  if (m) return { ...quoted(m[1]!, line, warnings), opening: 'about' };
  m = /^(在.+方面)(?:存在的?问题)?$/.exec(t);
  if (m && t.length <= 60) return { title: m[1]!, opening: 'aspect', confidence: 1 };
  return undefined;
}

const OPEN = /[“"「『]/g;
const CLOSE = /[”"」』]/g;

/**
 * The text between the outer quotes of 针对“…”问题. Quotes inside are kept
 * (针对““一村一法律顾问”工作存在短板”问题). When they do not balance — the seed has
 * 针对“一村一法律顾问”工作存在短板”问题, one opening quote short — the missing quote is
 * restored where it must have been, with a warning and less confidence.
 */
function quoted(inner: string, line: number, warnings: NoticeWarning[]): { title: string; confidence: number } {
  let title = inner;
  if (/^[“"「『]/.test(title) && /[”"」』]$/.test(title)) title = title.slice(1, -1);
  const opens = (title.match(OPEN) ?? []).length;
  const closes = (title.match(CLOSE) ?? []).length;
  if (opens === closes) return { title, confidence: 1 };
  warnings.push({ code: 'unbalanced_quotes', line, message: `The quotes in “${inner}” do not balance (${opens} opening, ${closes} closing)` });
  // 针对“村级组织“三会一课”记录不规范问题: the outer closing quote is missing.
  if (opens === closes + 1 && /^[“"「『]/.test(title)) return { title: title.slice(1), confidence: 0.7 };
  if (closes === opens + 1 && title.search(CLOSE) < (title.search(OPEN) === -1 ? Infinity : title.search(OPEN))) return { title: `“${title}`, confidence: 0.7 };
  if (opens === closes + 1 && title.lastIndexOf('“') > title.lastIndexOf('”')) return { title: `${title}”`, confidence: 0.7 };
  return { title, confidence: 0.5 };
}

/**
 * The measures of 整改情况：一是…；二是…。 — split at each 一是, 二是 … (or, in a notice
 * that numbers them so, （1）… 1.…) that opens the text or follows a ；or 。, each
 * without its number and closing punctuation. Text without numbers is one measure.
 */
export function splitMeasures(text: string, line: number): ParsedMeasure[] {
  const named = [...text.matchAll(/(^|[；;。])\s*([一二三四五六七八九十]+)是/g)];
  // Without 一是, a numbered list: （1）… （2）… or 1.… 2.…
  const marks = named.length > 0 ? named : [...text.matchAll(/(^|[；;。])\s*(?:[（(](\d{1,2})[)）]|(\d{1,2})[.．、])/g)].map((m) => Object.assign(m, { 2: m[2] ?? m[3] }));
  const clean = (s: string) => s.trim().replace(/[；;。，,\s]+$/, '');
  if (marks.length === 0) return clean(text) === '' ? [] : [{ ordinal: 1, text: clean(text), line }];
  const out: ParsedMeasure[] = [];
  const before = clean(text.slice(0, marks[0]!.index));
  if (before !== '') out.push({ ordinal: 0, text: before, line });
  marks.forEach((m, i) => {
    const start = m.index + m[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    const body = clean(text.slice(start, end));
    out.push({ ordinal: /^\d+$/.test(m[2]!) ? Number(m[2]) : numeral(m[2]!), text: body, line });
  });
  return out;
}

/** Warns where numbers skip or repeat (一是, 二是, 四是; 1、2、4、). */
export function checkNumbering(ordinals: readonly { ordinal: number; line: number }[], what: string, warnings: NoticeWarning[]): void {
  ordinals.forEach((o, i) => {
    const expected = i === 0 ? 1 : ordinals[i - 1]!.ordinal + 1;
    if (o.ordinal !== expected) warnings.push({ code: 'numbering_gap', line: o.line, message: `${what} numbered ${o.ordinal} where ${expected} was expected` });
  });
}

/**
 * A status wording at the very start of 整改情况 (整改情况：阶段性完成并需长期坚持。一是…):
 * the status repeated inside the narrative. Returns the text without it.
 */
export function stripRepeatedStatus(text: string, line: number, warnings: NoticeWarning[]): string {
  const m = /^([^。；，,]{2,14})[。；]/.exec(text);
  if (m && statusOfWording(m[1]!)?.words === m[1]) {
    warnings.push({ code: 'status_in_narrative', line, message: `The status “${m[1]}” is repeated inside the measures` });
    return text.slice(m[0].length);
  }
  return text;
}

/** Documents the text says were issued (印发《…》), with their day when the sentence gives one. */
export function documentsIn(text: string, line: number, warnings: NoticeWarning[]): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  for (const m of text.matchAll(/(?:印发|出台|制定|修订|下发|发布|制定出台|修订完善)了?《([^》]{1,200})》/g)) {
    const sentenceStart = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index)) + 1;
    const dates = datesIn(text.slice(sentenceStart, m.index), line, []);
    out.push({ title: m[1]!, issuedOn: dates.at(-1)?.day, line });
  }
  for (const m of text.matchAll(/《([^》]{1,200})》/g)) {
    // A year wedged inside a word (《潮2023年州市…》): a typo worth a look.
    if (/^[\u4e00-\u9fff]\d{4}年[\u4e00-\u9fff]/.test(m[1]!) && !/^[\u4e00-\u9fff]{0,1}(?:省|市|区|县)\d/.test(m[1]!)) {
      warnings.push({ code: 'suspicious_document_title', line, message: `The document title 《${m[1]}》 has a year inside a word` });
    }
  }
  return out;
}

/** Quantified results: 比整改前增加6名, 提高4.1%, 由18人增加到24人. */
export function resultsIn(text: string, line: number): ParsedResult[] {
  const out: ParsedResult[] = [];
  const direction = (w: string) => (/增加|提高|上升|增长/.test(w) ? 'increase' : 'decrease') as ParsedResult['direction'];
  for (const m of text.matchAll(/比整改前(增加|提高|上升|增长|减少|下降|降低)了?(\d+(?:\.\d+)?)\s*(个百分点|%|名|人|个|项|万元|元|件|次)?/g)) {
    out.push({ text: m[0], direction: direction(m[1]!), value: Number(m[2]), unit: m[3] ?? '', line });
  }
  for (const m of text.matchAll(/由(\d+(?:\.\d+)?)\s*(名|人|个|项|%)?(增加|提高|上升|减少|下降|降低)(?:到|至)(\d+(?:\.\d+)?)\s*(名|人|个|项|%)?/g)) {
    out.push({ text: m[0], direction: direction(m[3]!), value: Number(m[4]), unit: m[5] ?? m[2] ?? '', line });
  }
  return out;
}

/**
 * 在职干部35名，其中…15人占43%: checks each share against the count it is a share of
 * (the nearest count before it that is not itself a share), and warns when the stated
 * percentage is off by more than rounding.
 */
export function checkShares(text: string, line: number, warnings: NoticeWarning[]): void {
  const counts: { value: number; index: number; part: boolean }[] = [];
  for (const m of text.matchAll(/(\d+)\s*(?:名|人|个|项)/g)) counts.push({ value: Number(m[1]), index: m.index, part: false });
  for (const m of text.matchAll(/(\d+)\s*(?:名|人|个|项)\s*[，,]?\s*占(?:比)?(\d+(?:\.\d+)?)%/g)) {
    const part = counts.find((c) => c.index === m.index);
    if (part) part.part = true;
    const base = counts.filter((c) => c.index < m.index && !c.part).at(-1);
    if (base === undefined || base.value === 0) continue;
    const actual = (Number(m[1]) / base.value) * 100;
    if (Math.abs(actual - Number(m[2])) > 1) {
      warnings.push({ code: 'share_mismatch', line, message: `${m[0]}: ${m[1]} of ${base.value} is ${actual.toFixed(1)}%, not ${m[2]}%` });
    }
  }
}

/** Half-width , ; : ( ) between Chinese characters: punctuation typed in the wrong width. */
export function checkPunctuation(text: string, line: number, warnings: NoticeWarning[]): void {
  // One warning a paragraph: a page typed with ASCII commas throughout has one in every clause.
  const found = [...text.matchAll(/[\u4e00-\u9fff]([,;:!?()])[\u4e00-\u9fff]/g)];
  if (found.length === 0) return;
  const first = found[0]!;
  const more = found.length > 1 ? ` and ${found.length - 1} more in this paragraph` : '';
  warnings.push({ code: 'mixed_punctuation', line, message: `A half-width “${first[1]}” in Chinese text: “${first[0]}”${more}` });
}

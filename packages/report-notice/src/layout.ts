import {
  formatDay,
  numberLabel,
  numberLabelEn,
  STATUS_LABELS,
  type Contact,
  type Locale,
  type ReportFinding,
  type ReportModel,
} from '@rectify/core';

/** A section of the notice: the findings, or narrative paragraphs given by the caller. */
export type NoticeSection =
  /** `findingIds`: the findings this section holds (an office's digest gives each unit one); all of them when absent. */
  | { kind: 'findings'; title: string; findingIds?: string[] }
  | { kind: 'text'; title: string; paragraphs: string[] };

/** What the notice says besides the findings; each part has a default built from the model. */
export interface NoticeContent {
  /** E.g. 潮州市湘桥区司法局党组关于巡察集中整改进展情况的通报. */
  title?: string;
  /** The opening paragraph (who inspected whom, when, feedback, why published). */
  preamble?: string;
  /** The numbered sections 一、二、…, in order; one of them is the findings. */
  sections?: NoticeSection[];
  /** The paragraph inviting supervision, with the contacts. */
  closing?: string;
  /**
   * How categories are numbered: `sequential` (default) numbers those that have findings
   * （一）（二）… in order; `ordinal` prints each category's own number, gaps included,
   * as a notice read back with `parseNotice` had them.
   */
  categoryNumbers?: 'sequential' | 'ordinal';
}

/** One block of the laid-out notice; the text and Markdown writers print these. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; label: string; text: string }
  | { kind: 'paragraph'; label?: string; text: string }
  | { kind: 'signature'; lines: string[] };

const T = {
  'zh-CN': {
    title: (org: string) => `${org}关于巡察集中整改进展情况的通报`,
    findings: '整改落实情况',
    measures: '整改情况：',
    progress: '整改进度：',
    item: (title: string) => `针对“${title}”问题`,
    list: '；',
    end: '。',
    phone: '电话', email: '电子邮箱', postbox: '信箱', address: '地址', web: '网址',
  },
  en: {
    title: (org: string) => `${org}: progress notice on the rectification after the inspection`,
    findings: 'Rectification of the findings',
    measures: 'Rectification: ',
    progress: 'Progress: ',
    item: (title: string) => `Finding: “${title}”`,
    list: '; ',
    end: '.',
    phone: 'phone', email: 'e-mail', postbox: 'postbox', address: 'address', web: 'web',
  },
} as const;

function period(start: string, end: string, locale: Locale): string {
  if (locale === 'en') return `${formatDay(start, 'en')} to ${formatDay(end, 'en')}`;
  // 2023年4月12日至6月30日: the year is not repeated within one year.
  const to = start.slice(0, 4) === end.slice(0, 4) ? formatDay(end, 'zh-CN').replace(/^\d{4}年/, '') : formatDay(end, 'zh-CN');
  return `${formatDay(start, 'zh-CN')}至${to}`;
}

/** The default opening paragraph, from the inspection's dates and names. */
export function defaultPreamble(model: ReportModel, locale: Locale): string {
  const ins = model.inspection;
  const org = model.organisation.name;
  const team = ins.inspector.name;
  if (locale === 'en') {
    const parts = [
      ins.onSite ? `From ${period(ins.onSite.start, ins.onSite.end, 'en')}, ${team} inspected ${org}.` : `${team} inspected ${org}.`,
      ins.feedbackDate ? `On ${formatDay(ins.feedbackDate, 'en')}, it fed back its findings.` : '',
      'In line with the rules on the disclosure of party affairs, the progress of the concentrated rectification is made public as follows.',
    ];
    return parts.filter(Boolean).join(' ');
  }
  return [
    ins.onSite ? `${period(ins.onSite.start, ins.onSite.end, 'zh-CN')}，${team}对${org}进行了巡察。` : `${team}对${org}进行了巡察。`,
    ins.feedbackDate ? `${formatDay(ins.feedbackDate, 'zh-CN')}，${team}向${org}反馈了巡察意见。` : '',
    '按照党务公开原则和巡察工作有关要求，现将巡察集中整改进展情况予以公布。',
  ].join('');
}

/** The default closing paragraph, from the disclosed contacts. */
export function defaultClosing(contacts: readonly Contact[], locale: Locale): string {
  const t = T[locale];
  const channel = (c: Contact) => (locale === 'zh-CN' ? `${t[c.kind]}：${c.value}` : `${t[c.kind]}: ${c.value}`);
  const own = contacts.filter((c) => c.label === undefined);
  const others = contacts.filter((c) => c.label !== undefined);
  if (locale === 'en') {
    const parts = ['Cadres and the public are welcome to supervise the rectification.'];
    if (own.length > 0) parts.push(`Please send opinions and suggestions to us (${own.map(channel).join('; ')}).`);
    for (const c of others) parts.push(`You may also write to ${c.label}, ${channel(c)}${c.note ? ` (${c.note})` : ''}.`);
    return parts.join(' ');
  }
  let text = '欢迎广大干部群众对巡察整改落实进行监督。';
  if (own.length > 0) text += `如有意见建议，请及时向我们反映（${own.map(channel).join('；')}）。`;
  for (const c of others) text += `也可径向${c.label}反映，${channel(c)}${c.note ? `（${c.note}）` : ''}。`;
  return text;
}

/** 整改情况：一是…；二是…。 — one measure alone is not numbered. */
function measuresParagraph(f: ReportFinding, locale: Locale): string {
  const t = T[locale];
  const texts = f.measures.map((m) => (f.measures.length === 1 ? m.text : `${locale === 'zh-CN' ? numberLabel('measure', m.ordinal) : `${numberLabelEn('measure', m.ordinal)} `}${m.text}`));
  return texts.length === 0 ? '' : `${texts.join(t.list)}${t.end}`;
}

/**
 * Lays the notice out as blocks: title, preamble, numbered sections (the findings under
 * their categories （一）（二）…, each with 整改情况 and 整改进度), closing, signer and date.
 */
export function layoutNotice(model: ReportModel, locale: Locale, content: NoticeContent = {}): Block[] {
  const t = T[locale];
  const label = (level: 'section' | 'category' | 'item', n: number) => (locale === 'zh-CN' ? numberLabel(level, n) : `${numberLabelEn(level, n)} `);
  const blocks: Block[] = [
    { kind: 'title', text: content.title ?? t.title(model.organisation.name) },
    { kind: 'paragraph', text: content.preamble ?? defaultPreamble(model, locale) },
  ];
  const sections = content.sections ?? [{ kind: 'findings', title: t.findings }];
  sections.forEach((section, i) => {
    blocks.push({ kind: 'heading', level: 1, label: label('section', i + 1), text: section.title });
    if (section.kind === 'text') {
      for (const p of section.paragraphs) blocks.push({ kind: 'paragraph', text: p });
      return;
    }
    let categoryNumber = 0;
    const held = section.findingIds === undefined ? undefined : new Set(section.findingIds);
    // Findings outside any category come before the first category's heading: after it, a
    // reader (and parseNotice) would take them for that category's.
    const grouped = [...model.categories].sort((a, b) => Number(a.title !== null) - Number(b.title !== null));
    for (const category of grouped) {
      const findings = held === undefined ? category.findings : category.findings.filter((f) => held.has(f.id));
      if (findings.length === 0) continue;
      if (category.title !== null) categoryNumber++;
      const number = content.categoryNumbers === 'ordinal' ? (category.ordinal ?? categoryNumber) : categoryNumber;
      if (category.title !== null) blocks.push({ kind: 'heading', level: 2, label: label('category', number), text: category.title });
      for (const f of findings) {
        blocks.push({ kind: 'heading', level: 3, label: label('item', f.ordinal), text: t.item(f.title) });
        blocks.push({ kind: 'paragraph', label: t.measures, text: measuresParagraph(f, locale) });
        const wording = locale === 'zh-CN' ? f.statusWording : STATUS_LABELS[f.status].en;
        blocks.push({ kind: 'paragraph', label: t.progress, text: `${wording}${t.end}` });
      }
    }
  });
  blocks.push({ kind: 'paragraph', text: content.closing ?? defaultClosing(model.contacts, locale) });
  const lines = [model.signer, model.publishedOn ? formatDay(model.publishedOn, locale) : undefined].filter((l): l is string => l !== undefined);
  if (lines.length > 0) blocks.push({ kind: 'signature', lines });
  return blocks;
}

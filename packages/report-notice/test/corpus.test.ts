import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotice, type ParsedNotice } from '../src/index.js';
import { corpusFiles, corpusSource, corpusText } from './corpus-files.js';

/**
 * The team's corpus: notices written in the genre (several after a real page, whose
 * address is kept), each with the fields a reader checks by hand, in the form of
 * ../shared/notices/expected.json, and the traits of real notices it carries.
 */
interface Entry {
  file: string;
  source: string;
  modelledOn?: string;
  traits: string[];
  inspector: string | null;
  onSite: { from: string; to: string } | null;
  feedbackDate: string | null;
  totals: Record<string, number | null>;
  perFindingCount: number | null;
  /** False where the notice's own totals do not add up. */
  consistent?: boolean;
  /** Fields read from a damaged or relative date: right, and said to be a guess (confidence below 1). */
  guessed?: string[];
}
const corpus = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus.json'), 'utf8')) as Entry[];

/**
 * The traits of real notices (issue 16's list), each to be found in at least two files;
 * where a trait can be seen in the text, `seen` checks the file really has it, and where
 * the parser must do something with it, `read` checks that it did.
 */
const TRAITS: Record<string, { seen?: RegExp; read?: (n: ParsedNotice) => void }> = {
  // Input as published.
  text: {}, html: { seen: /<(p|div|td)\b/i }, docx: {},
  // Page chrome.
  breadcrumb: { seen: /^(当前位置|您现在的位置|首页\s*>)|当前位置/m },
  'page-meta': { seen: /(发布时间|发表时间|发布日期|更新时间|来源|作者|浏览|访问量|点击数|阅读次数)\s*[:：]/ },
  'share-print': { seen: /分享|打印|朗读|字体|字号/ },
  'site-url': { seen: /https?:\/\/|www\./ },
  'metadata-list': { seen: /索\s*引\s*号[\s\S]*发布机构[\s\S]*成文日期/ },
  'spaced-labels': { seen: /索 引 号|标　　题|文　　号/ },
  'column-tag': { seen: /^【[^】]+】/m, read: (n) => expect(n.inspection.title?.value).not.toMatch(/^【/) },
  'editor-line': { seen: /编辑\s*[:：]/ },
  // Punctuation and spacing.
  'ascii-punctuation': { seen: /[\u4e00-\u9fff][,:;(]|[,:;)][\u4e00-\u9fff]/ },
  'spaced-quotes': { seen: / “|” / },
  'space-lines': { seen: /\n \n|\n\n\n/ },
  'missing-punctuation': {},
  // Dates.
  'date-no-year': { seen: /(?<!年|\d)\d{1,2}月\d{1,2}日/ },
  'date-year-repeated': { seen: /(\d{4})年\d{1,2}月\d{1,2}日至\1年/ },
  'date-year-end': { read: (n) => expect(n.inspection.onSite!.value.end.slice(0, 4)).not.toBe(n.inspection.onSite!.value.start.slice(0, 4)) },
  'date-imprecise': { seen: /\d月(上旬|中旬|下旬)?至\d{1,2}月(上旬|中旬|下旬)?(?!\d)/, read: (n) => expect(n.warnings.map((w) => w.code)).toContain('imprecise_period') },
  'date-lost-characters': { read: (n) => expect(n.warnings.map((w) => w.code)).toContain('garbled_date') },
  'date-relative': { seen: /今年|去年/ },
  'date-decoys': {},
  'published-same-day': { read: (n) => expect(n.inspection.publishedOn?.value.slice(5)).toBe(n.inspection.onSite?.value.start.slice(5)) },
  // Teams and subjects.
  'team-di-n': { seen: /第[一二三四五六七八九十]+巡察组/ },
  'team-xuncha-n': { seen: /巡察[一二三四五六七八九十]+组/ },
  'team-xunshi': { seen: /第[一二三四五六七八九十]+巡视组/, read: (n) => expect(n.inspection.kind?.value).toBe('xunshi') },
  'team-term-round': { seen: /[一二三四五六七八九十]+届[^，。]{0,4}第[一二三四五六七八九十]+轮/ },
  'team-special': { seen: /专项巡察组/ },
  'teams-several': { seen: /第[一二三四五六七八九十]+至第[一二三四五六七八九十]+巡察组|\d+个巡察组/ },
  'cross-level': { seen: /提级交叉巡察/ },
  'round-and-team': { seen: /第[一二三四五六七八九十]+轮/ },
  'self-reference': {
    seen: /对(我|本)(院|校|局|委)/,
    read: (n) => {
      expect(n.inspection.inspected[0]?.value).toBe(n.inspection.issuer?.value);
      expect(n.inspection.inspected[0]?.confidence).toBeLessThan(1);
    },
  },
  'several-bodies': { read: (n) => expect(n.inspection.inspected[0]?.value).toMatch(/、/) },
  // Totals.
  'total-findings': {}, 'total-completed': {}, 'total-in-progress': {}, 'total-not-completed': {}, 'total-long-term': {},
  'total-measures': {}, 'total-tasks': {}, 'total-rate': {},
  'not-totals': { seen: /制度\d+项|\d+(\.\d+)?万元|问责\d+人|\d+个(学科|专科)|交办问题\d+个/ },
  'aspects-problems': { seen: /\d+个方面\d+个问题/ },
  // Shapes.
  'no-title': { read: (n) => expect(n.inspection.title).toBeUndefined() },
  'office-digest': { seen: /^问题：[\s\S]*^整改：/m },
  'feedback-problem-n': { seen: /^反馈问题[一二三四五六七八九十]+：/m },
  'topic-headings': {},
  'numbering-restart': { read: (n) => expect(n.warnings.map((w) => w.code)).toContain('numbering_restart') },
  truncated: { read: (n) => expect(n.warnings.map((w) => w.code)).toContain('truncated') },
};

const TOTALS = ['findings', 'completed', 'inProgress', 'notCompleted', 'longTerm', 'measures', 'completionRate', 'tasks'] as const;

describe('the corpus of notices', () => {
  it('holds at least 30 notices, every file described once, each trait of real notices in at least two', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(corpusFiles()).toEqual(corpus.map((e) => e.file).sort());
    for (const e of corpus) {
      expect(e.source === 'written in the genre' || /^https?:\/\//.test(e.source), e.file).toBe(true);
      for (const t of e.traits) expect(Object.keys(TRAITS), `${e.file}: ${t}`).toContain(t);
    }
    for (const trait of Object.keys(TRAITS)) {
      expect(corpus.filter((e) => e.traits.includes(trait)).map((e) => e.file), trait).toHaveProperty('length', expect.toSatisfy((n: number) => n >= 2));
    }
  });

  it.each(corpus.map((e) => [e.file, e] as const))('%s: every field right, nothing guessed where the notice is silent, each trait there and handled', (file, e) => {
    const text = corpusText(file);
    const n = parseNotice(text);
    const inspectors = n.inspection.inspectors.map((i) => i.value);
    if (e.inspector === null) expect(inspectors).toEqual([]);
    else expect(inspectors[0]).toBe(e.inspector);
    const onSite = n.inspection.onSite;
    expect(onSite && { from: onSite.value.start, to: onSite.value.end }, 'onSite').toEqual(e.onSite ?? undefined);
    expect(n.inspection.feedbackDate?.value ?? null, 'feedbackDate').toBe(e.feedbackDate);
    for (const key of TOTALS) expect(n.totals[key]?.value ?? null, key).toBe(e.totals[key] ?? null);
    // The stated totals agree with each other, except where the notice itself got them wrong.
    expect(n.totals.consistent).toBe(e.consistent ?? true);
    if (e.perFindingCount !== null) expect(n.findings).toHaveLength(e.perFindingCount);
    const guessed = new Set(e.guessed ?? []);
    for (const [field, read] of [['onSite', onSite], ['feedbackDate', n.inspection.feedbackDate]] as const) {
      if (read) expect(read.confidence < 1, `${field} is ${guessed.has(field) ? '' : 'not '}a guess`).toBe(guessed.has(field));
    }
    for (const t of e.traits) {
      const { seen, read } = TRAITS[t]!;
      // The traits of a page are in its markup, those of the text in what a reader sees.
      if (seen) expect(seen.test(`${corpusSource(file)}\n${text}`), `${file} has ${t}`).toBe(true);
      read?.(n);
    }
  });
});

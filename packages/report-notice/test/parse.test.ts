import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_STATUSES } from '@rectify/core';
import { docxToText, DocxReadError, htmlToText, noticeReport, noticeTextRenderer, parseNotice, statusOfWording, type ParsedNotice } from '../src/index.js';
import { CORPUS, corpusFiles, corpusSource, corpusText } from './corpus-files.js';

const read = (file: string) => readFileSync(join(CORPUS, file), 'utf8');

/** The data of a notice without where each piece was read: what a round trip must keep. */
function data(n: ParsedNotice) {
  return {
    title: n.inspection.title?.value,
    dates: [n.inspection.onSite?.value, n.inspection.feedbackDate?.value, n.inspection.publishedOn?.value],
    inspectors: n.inspection.inspectors.map((i) => i.value),
    signer: n.inspection.signer?.value,
    contacts: n.inspection.contacts.map((c) => c.value),
    sections: n.sections.map((s) => [s.ordinal, s.title, s.kind, s.paragraphs.map((p) => p.text)]),
    categories: n.categories.map((c) => [c.ordinal, c.title]),
    findings: n.findings.map((f) => [f.categoryOrdinal, f.ordinal, f.title, f.status?.value ?? 'in_progress', f.measures.map((m) => [m.ordinal, m.text])]),
    totals: Object.fromEntries(Object.entries(n.totals).map(([k, v]) => [k, typeof v === 'object' ? v.value : v])),
  };
}

/** What each notice of the corpus must read as; the files are written in the genre's layouts, noise included. */
const EXPECTED: Record<string, { findings: string[]; categories: number; warnings: string[]; totals?: Record<string, unknown> }> = {
  '01-by-category-guanyu.txt': { findings: ['1.1 completed', '1.2 in_progress', '2.1 in_progress'], categories: 2, warnings: [] },
  '02-no-categories-garbled-date.txt': { findings: ['-.1 completed', '-.2 sustaining', '-.3 in_progress'], categories: 0, warnings: ['garbled_date'] },
  '03-aggregate-only.txt': { findings: [], categories: 0, warnings: [], totals: { consistent: true, findings: 120, completed: 112, sustaining: 5, notCompleted: 3, completionRate: 93.33, regulations: 45, fundsRecovered: 125_000, accountable: 4 } },
  '04-aggregate-inconsistent.txt': { findings: [], categories: 0, warnings: ['imprecise_period', 'totals_mismatch', 'rate_mismatch'], totals: { consistent: false, findings: 48, completed: 40, inProgress: 6, completionRate: 85.4, regulations: 12 } },
  '05-huitoukan-aspects.txt': { findings: ['-.1 completed', '-.2 in_progress', '-.3 completed'], categories: 0, warnings: [] },
  '06-central-xunshi-problem-items.txt': { findings: ['1.1 completed', '1.2 in_progress', '2.1 completed'], categories: 2, warnings: [], totals: { consistent: true, tasks: 96, completed: 90, longTerm: 6 } },
  '07-web-page-noise.html.txt': { findings: ['1.1 completed', '1.2 in_progress'], categories: 1, warnings: ['navigation_skipped', 'unbalanced_quotes', 'broken_line'] },
  '08-numbering-gaps.txt': { findings: ['1.1 completed', '1.2 completed', '1.4 in_progress', '3.1 in_progress'], categories: 2, warnings: ['numbering_gap', 'numbering_gap', 'numbering_gap', 'numbering_gap'] },
  '09-status-in-narrative-punctuation.txt': { findings: ['1.1 completed', '1.2 sustaining'], categories: 1, warnings: ['mixed_punctuation', 'status_in_narrative', 'mixed_punctuation'] },
  '10-truncated-excerpt.txt': { findings: ['-.1 completed', '-.2 -'], categories: 0, warnings: ['truncated'] },
  '11-markdown-front-matter.md.txt': { findings: ['1.1 sustaining', '1.2 in_progress'], categories: 1, warnings: ['front_matter_skipped'] },
  '12-numbered-measure-lists.txt': { findings: ['1.1 completed', '1.2 in_progress', '2.1 not_started'], categories: 2, warnings: [] },
};

describe('reading notices in other layouts', () => {
  it('has a notice for each layout in the corpus', () => {
    expect(corpusFiles()).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`reads ${file}`, () => {
      const n = parseNotice(read(file));
      expect(n.findings.map((f) => `${f.categoryOrdinal ?? '-'}.${f.ordinal} ${f.status?.value ?? '-'}`)).toEqual(expected.findings);
      expect(n.categories).toHaveLength(expected.categories);
      expect(n.warnings.map((w) => w.code)).toEqual(expected.warnings);
      if (expected.totals) expect(data(n).totals).toEqual(expected.totals);
      // Every notice names its inspection team or organisation, and every finding has a measure.
      expect(n.inspection.title?.value).toMatch(/通报$/);
      for (const f of n.findings) expect(f.measures.length).toBeGreaterThan(0);
      const lines = read(file).split('\n').length;
      for (const w of n.warnings) expect(w.line).toBeGreaterThanOrEqual(1), expect(w.line).toBeLessThanOrEqual(lines);
    });

    it(`round-trips ${file}: notice → data → notice → the same data`, () => {
      const n = parseNotice(read(file));
      const { model, content } = noticeReport(n);
      expect(data(parseNotice(String(noticeTextRenderer.render(model, { locale: 'zh-CN', ...content }).data)))).toEqual(data(n));
    });
  }

  it.each(corpusFiles().filter((f) => !(f in EXPECTED)))('round-trips %s: notice → data → notice → the same data', (file) => {
    const n = parseNotice(corpusText(file));
    const { model, content } = noticeReport(n);
    const again = parseNotice(String(noticeTextRenderer.render(model, { locale: 'zh-CN', ...content }).data));
    expect(data(again).findings).toEqual(data(n).findings);
    expect(data(again).categories).toEqual(data(n).categories);
    expect(again.inspection.inspectors.map((i) => i.value)).toEqual(n.inspection.inspectors.map((i) => i.value));
    expect([again.inspection.onSite?.value, again.inspection.feedbackDate?.value]).toEqual([n.inspection.onSite?.value, n.inspection.feedbackDate?.value]);
  });

  it('reads the particulars the layouts carry', () => {
    const web = parseNotice(read('07-web-page-noise.html.txt'));
    expect(web.findings[0]!.title).toBe('村级组织“三会一课”记录不规范');
    expect(web.findings[0]!.line).toBe(8);
    expect(web.inspection.contacts.map((c) => c.value.value)).toEqual(['0755-22334455', 'mzzf@example.cn']);
    const garbled = parseNotice(read('02-no-categories-garbled-date.txt'));
    expect(garbled.inspection.feedbackDate).toEqual({ value: '2023-06-12', line: 3, confidence: 0.5 });
    expect(garbled.findings[1]!.results.map((r) => [r.direction, r.value, r.unit])).toEqual([['increase', 100, '%']]);
    const markdown = parseNotice(read('11-markdown-front-matter.md.txt'));
    expect(markdown.inspection.title).toEqual({ value: '中共某区住房和城乡建设局党组关于巡察整改进展情况的通报', line: 2, confidence: 0.7 });
    const lists = parseNotice(read('12-numbered-measure-lists.txt'));
    expect(lists.findings[0]!.measures.map((m) => m.text)).toEqual(['制定《大气污染防治攻坚行动方案》', '对重点企业开展执法检查，PM2.5平均浓度比整改前下降4.2%']);
    expect(lists.findings[1]!.status).toMatchObject({ value: 'in_progress', wording: '未完成', confidence: 0.7 });
    const documents = parseNotice(read('01-by-category-guanyu.txt')).findings[1]!.documents;
    expect(documents).toEqual([{ title: '高标准农田建设项目管理办法', issuedOn: '2022-07-05', line: 21 }]);
    const central = parseNotice(read('06-central-xunshi-problem-items.txt'));
    expect(central.inspection.kind?.value).toBe('xunshi');
    expect(central.inspection.contacts.find((c) => c.value.kind === 'postbox')?.value.value).toBe('北京市某区某路1号某大学党委巡视工作办公室');
  });

  it('maps every wording of the genre to a status and keeps unknown words out', () => {
    for (const [wording, status] of [['已完成', 'completed'], ['阶段性完成并需长期坚持', 'sustaining'], ['已完成并长期坚持', 'sustaining'], ['正在推进', 'in_progress'], ['持续整改', 'in_progress'], ['未完成', 'in_progress'], ['尚未启动', 'not_started']] as const) {
      expect(statusOfWording(wording)?.status).toBe(status);
    }
    expect(statusOfWording('研究中的方案')).toBeUndefined();
  });
});

// Fuzzing: random deletions, duplications and punctuation swaps on every notice of the
// corpus and on the seed. Whatever the damage, the parser answers and never throws.
const RUNS = process.env.CI === 'true' ? 10_000 : 500;
const SEED = readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'xiangqiao', 'data', 'seed-notice.txt'), 'utf8');
/** Every notice of the corpus as published (a page's markup, a document's text), and the seed. */
const SOURCES = [...corpusFiles().map((file) => ({ file, text: corpusSource(file) })), { file: 'seed.txt', text: SEED }];
const TEXTS = SOURCES.map((s) => s.text);
const SWAPS: [string, string][] = [['，', ','], ['。', '.'], ['：', ':'], ['“', '"'], ['”', '"'], ['（', '('], ['）', ')'], ['、', '.'], ['年', ''], ['月', ''], ['\n', ''], ['\n', '\n\n'], ['；', ';']];

const damage = fc.record({
  text: fc.constantFrom(...TEXTS),
  edits: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), pair: fc.constantFrom(...SWAPS) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('整改进度：', '一是', '（一）', '1、针对“', '”问题', '2023年', '@', '---', '<p>', '**', '\u0000', '😀', '𠀀') }),
    ),
    { minLength: 1, maxLength: 12 },
  ),
});

/** One change to a text. */
type Edit =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; at: number; pair: [string, string] }
  | { kind: 'insert'; at: number; text: string };

function apply(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % t.length;
    if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
    else if (e.kind === 'duplicate') t = t.slice(0, at) + t.slice(at, at + e.length) + t.slice(at);
    else if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else {
      const i = t.indexOf(e.pair[0], at);
      if (i >= 0) t = t.slice(0, i) + e.pair[1] + t.slice(i + e.pair[0].length);
    }
  }
  return t;
}

describe('damaged notices', () => {
  it(`never throw, and answer well-formed data (${RUNS.toLocaleString('en')} damaged texts)`, () => {
    fc.assert(
      fc.property(damage, ({ text, edits }) => {
        const damaged = apply(text, edits);
        // A page is damaged in its markup, and read as `rectify import` reads it.
        const page = SOURCES.find((s) => s.text === text)!.file.endsWith('.html');
        const n = parseNotice(page ? htmlToText(damaged) : damaged);
        const lines = (page ? htmlToText(damaged) : damaged).split(/\r\n?|\n/).length;
        for (const w of n.warnings) if (w.line < 0 || w.line > lines) return false;
        for (const f of n.findings) {
          if (f.status && !FINDING_STATUSES.includes(f.status.value)) return false;
          if (f.measures.some((m) => m.text.length === 0 && m.ordinal === 0)) return false;
        }
        // What was read can be laid out again; a notice whose dates were damaged away needs the day given.
        const dated = n.inspection.publishedOn !== undefined || n.inspection.feedbackDate !== undefined;
        if (!dated) expect(() => noticeReport(n)).toThrow(/gives no date/);
        const { model, content } = noticeReport(n, dated ? {} : { asOf: '2024-04-17' });
        if (JSON.stringify(model.analysis.totals) !== JSON.stringify(model.totals)) return false;
        return typeof noticeTextRenderer.render(model, { locale: 'zh-CN', ...content }).data === 'string';
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20_240_417) },
    );
  });

  it('drops the characters no text can hold, saying on which line, and the rest still reads', () => {
    const clean = read('01-by-category-guanyu.txt');
    const lines = clean.split('\n');
    const third = lines.findIndex((l) => l.includes('针对') || l.includes('关于'));
    lines[third] = `\u0000${lines[third]}\ud83d`;
    const n = parseNotice(lines.join('\n'));
    expect(n.warnings).toEqual([{ code: 'unholdable_character', line: third + 1, message: expect.stringContaining('U+0000') }]);
    expect(data(n)).toEqual(data(parseNotice(clean)));
    expect(noticeReport(n).model.inspection.title).toBe(n.inspection.title?.value);
  });

  it('asks for the day a notice without any date speaks for, and counts its findings the same in totals and analysis', () => {
    const clean = read('01-by-category-guanyu.txt');
    const n = parseNotice(clean);
    const undated: ParsedNotice = { ...n, inspection: { ...n.inspection, publishedOn: undefined, feedbackDate: undefined } };
    expect(() => noticeReport(undated)).toThrow(/gives no date.*--as-of/);
    const { model } = noticeReport(undated, { asOf: '2024-04-17' });
    expect(model.asOf).toBe('2024-04-17');
    expect(model.totals.total).toBe(n.findings.length);
    expect(model.analysis.totals).toEqual(model.totals);
  });

  it('never throws on text that is not a notice at all', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => Array.isArray(parseNotice(text).warnings)), { numRuns: Math.ceil(RUNS / 5) });
    expect(parseNotice('').findings).toEqual([]);
    expect(() => parseNotice(42 as unknown as string)).toThrow(/Expected the notice as a string/);
  });
});

describe('a real central 巡视 notice, as crawled (front matter and markup included)', () => {
  const text = readFileSync(join(import.meta.dirname, 'real', 'nankai-2022-central-xunshi.txt'), 'utf8');
  const n = parseNotice(text);

  it('reads its particulars past the page material', () => {
    const i = n.inspection;
    expect(i.title).toMatchObject({ value: '中共南开大学委员会关于十九届中央第七轮巡视整改进展情况的通报', confidence: 0.7 });
    expect(i.inspectors.map((x) => x.value)).toEqual(['中央第十巡视组']);
    expect(i.kind?.value).toBe('xunshi');
    expect(i.onSite?.value).toEqual({ start: '2021-05-08', end: '2021-07-05' });
    expect(i.feedbackDate?.value).toBe('2021-09-03');
    expect(i.signer?.value).toBe('中共南开大学委员会');
    expect(i.publishedOn?.value).toBe('2022-04-16');
    expect(i.contacts.map((c) => c.value.kind)).toEqual(['phone', 'email', 'postbox']);
    expect(n.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['front_matter_skipped', 'navigation_skipped']));
  });

  it('reads its three sections, six categories and its count of tasks', () => {
    expect(n.sections.map((s) => s.ordinal)).toEqual([1, 2, 3]);
    expect(n.categories.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    // 177 are tasks (177项任务的整改台账), not problems: the notice states no count of findings.
    expect(n.totals.findings).toBeUndefined();
    expect(n.totals.tasks?.value).toBe(177);
    expect(n.totals.completed?.value).toBe(174);
    expect(n.totals.longTerm?.value).toBe(3);
    expect(n.totals.measures?.value).toBe(543);
  });
});

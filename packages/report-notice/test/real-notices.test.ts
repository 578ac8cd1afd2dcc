import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotice, type ParsedNotice } from '../src/index.js';

// The real notices of ../shared/notices, as found on government sites (page chrome,
// half-width punctuation, lost characters), copied into real/ with their hand-checked
// fields (real/expected.json): every field stated there must be read right.
const REAL = join(import.meta.dirname, 'real');
interface Expected {
  file: string;
  inspector?: string;
  onSite?: { from?: string; to?: string };
  feedbackDate?: string;
  totals?: Record<string, number | null>;
  perFindingCount?: number | null;
}
const expected = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) as Expected[];
const fileOf = (e: Expected) => join(REAL, e.file.startsWith('seed/') ? `seed-${e.file.slice(5)}` : e.file.slice('notices/'.length));

function read(e: Expected): ParsedNotice {
  let text = readFileSync(fileOf(e), 'utf8');
  if (text.startsWith('source:')) text = text.slice(text.indexOf('\n\n') + 2); // our note of where it was found
  return parseNotice(text);
}

describe('real published notices', () => {
  it.each(expected.map((e) => [e.file, e]))('%s: every hand-checked field is read right', (_file, e) => {
    const n = read(e);
    if (e.inspector) expect(n.inspection.inspectors[0]?.value).toContain(e.inspector);
    if (e.onSite?.from) expect(n.inspection.onSite?.value.start).toBe(e.onSite.from);
    if (e.onSite?.to) expect(n.inspection.onSite?.value.end).toBe(e.onSite.to);
    if (e.feedbackDate) expect(n.inspection.feedbackDate?.value).toBe(e.feedbackDate);
    for (const [key, want] of Object.entries(e.totals ?? {})) {
      const got = (n.totals as unknown as Record<string, { value: number } | undefined>)[key]?.value;
      // A total the notice does not state is not guessed: null is better than a wrong number.
      expect(got ?? null, key).toBe(want);
    }
    if (e.perFindingCount) expect(n.findings).toHaveLength(e.perFindingCount);
  });

  it('takes the page\'s 发布时间 for the publication day, never the feedback date, and says what chrome it skipped', () => {
    const n = read(expected.find((e) => e.file.includes('06_'))!);
    expect(n.inspection.publishedOn?.value).toBe('2025-05-28');
    expect(n.inspection.title?.value).toBe('市卫健委党委关于巡察整改进展情况的通报');
    expect(n.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['navigation_skipped', 'garbled_date']));
    const wucheng = read(expected.find((e) => e.file.includes('02_'))!);
    expect(wucheng.inspection.title?.value).toBe('中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报');
    expect(wucheng.totals).toMatchObject({ findings: { value: 25 }, completed: { value: 19 }, inProgress: { value: 6 }, completionRate: { value: 76 }, consistent: true });
  });

  it('reads 对我院党组开展了提级交叉巡察 as the court the title names, and drops a column tag from a title', () => {
    const court = read(expected.find((e) => e.file.includes('10_'))!);
    expect(court.inspection.inspected).toEqual([{ value: '中共荆州市沙市区人民法院党组', line: expect.any(Number), confidence: 0.8 }]);
    expect(court.warnings.map((w) => w.code)).toContain('self_reference_resolved');
    const market = read(expected.find((e) => e.file.includes('15_'))!);
    expect(market.inspection.title?.value).toMatch(/^中共岳阳市市场监督管理局党组关于/);
    expect(market.inspection.issuer?.value).toBe('中共岳阳市市场监督管理局党组');
    // Without a title, a self-reference stays as written, with a low confidence and a warning.
    const untitled = parseNotice('根据区委统一部署，2023年4月10日至5月30日，区委第三巡察组对我局党组进行了巡察。\n一、关于学习贯彻不深入的问题\n已完成整改。');
    expect(untitled.inspection.inspected).toEqual([{ value: '我局党组', line: 1, confidence: 0.5 }]);
    expect(untitled.warnings.map((w) => w.code)).toContain('self_reference');
    // A place is no self-reference: an office's digest of many bodies keeps its words.
    const digest = parseNotice('关于巡察整改情况的通报\n根据区委统一部署，区委第一巡察组对我区12个单位进行了巡察。\n一、关于学习贯彻不深入的问题\n已完成整改。');
    expect(digest.inspection.inspected.map((i) => i.value)).toEqual(['我区12个单位']);
  });
});

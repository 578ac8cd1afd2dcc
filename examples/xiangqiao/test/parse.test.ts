import { describe, expect, it } from 'vitest';
import { noticeReport, noticeTextRenderer, parseNotice, type ParsedNotice } from '@rectify/report-notice';
import { SEED_ODDITIES } from '../src/seed-evidence.js';
import { SEED_FINDINGS } from '../src/seed-findings.js';
import { seed } from './seed-text.js';

/** What the data of a notice is, leaving out where each piece was read. */
function data(n: ParsedNotice) {
  return {
    categories: n.categories.map((c) => [c.ordinal, c.title]),
    sections: n.sections.map((s) => [s.ordinal, s.title, s.kind]),
    findings: n.findings.map((f) => ({ category: f.categoryOrdinal, ordinal: f.ordinal, title: f.title, status: f.status?.value, wording: f.status?.wording, measures: f.measures.map((m) => [m.ordinal, m.text]) })),
    inspection: {
      title: n.inspection.title?.value, inspectors: n.inspection.inspectors.map((i) => i.value), inspected: n.inspection.inspected.map((i) => i.value),
      onSite: n.inspection.onSite?.value, feedbackDate: n.inspection.feedbackDate?.value, publishedOn: n.inspection.publishedOn?.value,
      signer: n.inspection.signer?.value, contacts: n.inspection.contacts.map((c) => c.value),
    },
  };
}

describe('reading the seed notice', () => {
  const notice = parseNotice(seed);

  it('finds the 22 findings in 3 categories with the statuses and measures of the example\'s data', () => {
    expect(notice.categories.map((c) => c.ordinal)).toEqual([1, 2, 3]);
    expect(notice.findings.map((f) => ({ category: f.categoryOrdinal, ordinal: f.ordinal, title: f.title, status: f.status?.value, measures: f.measures.map((m) => ({ ordinal: m.ordinal, text: m.text })) }))).toEqual(
      SEED_FINDINGS.map((f) => ({ category: f.category, ordinal: f.ordinal, title: f.title, status: f.status, measures: f.measures.map((m) => ({ ordinal: m.ordinal, text: m.text })) })),
    );
    expect(notice.findings.every((f) => f.status?.confidence === 1)).toBe(true);
  });

  it('reads who inspected whom and when, the signer, the date and the contacts, each with its line', () => {
    const i = notice.inspection;
    expect(i.title).toEqual({ value: '潮州市湘桥区司法局党组关于巡察集中整改进展情况的通报', line: 1, confidence: 1 });
    expect(i.inspectors.map((x) => x.value)).toEqual(['区委第一巡察组']);
    expect(i.inspected.map((x) => x.value)).toEqual(['湘桥区司法局党组']);
    expect(i.onSite?.value).toEqual({ start: '2023-04-12', end: '2023-06-30' });
    expect(i.feedbackDate?.value).toBe('2023-08-17');
    expect(i.publishedOn).toMatchObject({ value: '2024-04-17', line: 153 });
    expect(i.signer?.value).toBe('中共潮州市湘桥区司法局党组（代章）');
    expect(i.contacts.map((c) => c.value)).toEqual([
      { kind: 'phone', value: '0768-2209224' }, { kind: 'email', value: 'czxqsf@163.com' }, { kind: 'email', value: 'czxqxcb@163.com' },
    ]);
    expect(notice.findings[0]!.line).toBe(18); // 1、针对“学习贯彻习近平法治思想不够深入”问题
  });

  it('warns of exactly the seed\'s known oddities, each at its line', () => {
    expect(notice.warnings.map((w) => [w.code, w.line])).toEqual([
      ['mixed_punctuation', 20],
      ['numbering_gap', 42],
      ['unbalanced_quotes', 46],
      ['suspicious_document_title', 57],
      ['status_in_narrative', 103],
      ['share_mismatch', 113],
      ['broken_line', 150],
    ]);
    // Each is one the example's data lists (the two it cannot see: percentage points and the title's intent).
    expect(SEED_ODDITIES).toHaveLength(8);
  });

  it('round-trips: notice → data → notice → the same data', () => {
    const { model, content } = noticeReport(notice);
    const again = parseNotice(String(noticeTextRenderer.render(model, { locale: 'zh-CN', ...content }).data));
    expect(data(again)).toEqual(data(notice));
    expect(again.findings.flatMap((f) => f.documents.map((d) => d.title))).toEqual(notice.findings.flatMap((f) => f.documents.map((d) => d.title)));
  });
});

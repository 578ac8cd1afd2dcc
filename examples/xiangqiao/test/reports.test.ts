import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, evidenceText, memoryDriver, openStore, parseOrganisation, type Evidence, type ReportModel } from '@rectify/core';
import { officialDocument } from '@rectify/report-docx';
import { dashboardHtml } from '@rectify/report-html';
import { ledgerOf, readLedgerWorkbook, writeLedgerWorkbook } from '@rectify/report-xlsx';
import { docxText } from '@rectify/testing';
import { buildSeedStore, NOTICE_DATE, SEED_INSPECTION, SEED_SCOPE } from '../src/history.js';
import { ORGANISATION } from '../src/seed-inspection.js';
import { SEED_NOTICE_CONTENT } from '../src/seed-notice.js';
import { seedCorrected, squash } from './seed-text.js';

describe('the seed in every report format', () => {
  let model: ReportModel;
  beforeAll(async () => {
    const store = await openStore(memoryDriver());
    await buildSeedStore(store);
    const { events } = await store.exportBundle({ organisationId: SEED_SCOPE.organisationId });
    const people = await store.people(SEED_SCOPE.organisationId);
    model = buildReportModel(await store.findingsAsOf(SEED_SCOPE, NOTICE_DATE), SEED_INSPECTION, parseOrganisation(ORGANISATION), NOTICE_DATE, { events, people });
    await store.close();
  });

  it('writes the published notice as an official document, word for word, numbering its items 1. as GB/T 9704 does', async () => {
    const text = docxText(await officialDocument(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT }));
    expect(squash(text)).toBe(seedCorrected().replace(/(\d+)、针对“/g, '$1.针对“'));
  });

  it('keeps the ledger through Excel and back: 22 findings, 53 measures, every ledger entry, the same bytes', async () => {
    const ledger = ledgerOf(model);
    const first = await writeLedgerWorkbook(ledger, { locale: 'zh-CN' });
    const { source, ...back } = await readLedgerWorkbook(first);
    expect(source?.findings.size).toBe(22);
    // Evidence comes back as the lines people read in 佐证材料, each a note.
    const asRead = (evidence: readonly Evidence[]) => evidence.map((e) => ({ kind: 'note', text: evidenceText(e, 'zh-CN') }));
    expect(back).toEqual({ ...ledger, findings: ledger.findings.map((f) => ({ ...f, measures: f.measures.map((m) => ({ ...m, evidence: asRead(m.evidence) })), progress: f.progress.map((p) => ({ ...p, evidence: asRead(p.evidence) })) })) });
    expect(back.findings).toHaveLength(22);
    expect(back.findings.reduce((n, f) => n + f.measures.length, 0)).toBe(53);
    expect(back.findings.reduce((n, f) => n + f.progress.length, 0)).toBeGreaterThan(100);
    expect(Buffer.from(await writeLedgerWorkbook(back, { locale: 'zh-CN' })).equals(Buffer.from(first))).toBe(true);
  });

  it('shows the dashboard with the notice\'s figures, four charts and every finding', () => {
    const html = dashboardHtml(model, { locale: 'zh-CN' });
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html.match(/<details /g)).toHaveLength(22);
    const figures = html.slice(html.indexOf('class="figures"'), html.indexOf('</section>'));
    expect(figures).toContain('<b>22</b><span>问题总数</span>');
    expect(figures).toContain('<b>5</b><span>已完成</span>');
    expect(figures).toContain('<b>17</b><span>阶段性完成</span>');
    // The burn-down runs over the concentrated period, day by day.
    expect(model.burnDown[0]!.day).toBe(SEED_INSPECTION.concentratedPeriod!.start);
  });
});

/**
 * The seed notice, end to end on SQLite: replays a plausible history of its 22
 * findings into `out/xiangqiao.db` through `@rectify/core` and `@rectify/storage-sqlite`,
 * and writes `out/summary.json` (and the whole history, `out/events.json`) and the
 * public notice (`out/notice.txt`, `out/notice.md`, `out/notice.en.txt`, and as an
 * official document, `out/notice.docx`), the ledger (`out/ledger.xlsx`, `out/ledger.csv`),
 * the dashboard (`out/dashboard.html`, and `out/dashboard.png` where Chromium is
 * installed), the report model as JSON (`out/report.json`), computed by the library
 * as of the notice's date, and a leader's reminders as a calendar feed (`out/reminders.ics`).
 *
 * Run: `pnpm start` in this folder, or `npx -y pnpm@10 example` from the root.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReportModel, formatDay, openStore, STATUS_LABELS } from '@rectify/core';
import { csvLedgerRenderer, jsonReportRenderer } from '@rectify/report-data';
import { docxNoticeRenderer } from '@rectify/report-docx';
import { htmlDashboardRenderer } from '@rectify/report-html';
import { noticeMarkdownRenderer, noticeTextRenderer } from '@rectify/report-notice';
import { xlsxLedgerRenderer } from '@rectify/report-xlsx';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { remindersFor } from './follow-up.js';
import { buildSeedStore, NOTICE_DATE, SEED_SCOPE } from './history.js';
import { SEED_NOTICE_CONTENT } from './seed-notice.js';
import { CHROMIUM, screenshot } from './screenshot.js';
import { summarise } from './summary.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
mkdirSync(outDir, { recursive: true });
const filename = join(outDir, 'xiangqiao.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(filename + suffix, { force: true });

const store = await openStore(sqliteDriver({ filename }));
await buildSeedStore(store);
const inspection = (await store.inspection(SEED_SCOPE))!;
const findings = (await store.findings({ ...SEED_SCOPE, limit: 1000 })).items;
const events = (await store.exportBundle({ organisationId: SEED_SCOPE.organisationId })).events;
const summary = summarise(findings, inspection, NOTICE_DATE, events.length, await store.totals(SEED_SCOPE));
const organisation = (await store.organisation(SEED_SCOPE.organisationId))!;
const asOfNotice = await store.findingsAsOf(SEED_SCOPE, NOTICE_DATE);
// A leader's reminders in the middle of the concentrated period, as a calendar feed.
const { ics } = await remindersFor(store, 'p-fg-fz', '2023-11-10', '2023-11-10T09:00:00+08:00');
// The internal reports (dashboard, ledger) may name people; the public notice names no one.
const internal = buildReportModel(asOfNotice, inspection, organisation, NOTICE_DATE, { events, people: await store.people(SEED_SCOPE.organisationId) });
const model = { ...internal, directory: { ...internal.directory, people: [] } };
await store.close();

// The public notice, from the data: it reproduces the published one (see test/notice.test.ts).
writeFileSync(join(outDir, 'notice.txt'), noticeTextRenderer.render(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT }).data);
writeFileSync(join(outDir, 'notice.md'), noticeMarkdownRenderer.render(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT }).data);
writeFileSync(join(outDir, 'notice.en.txt'), noticeTextRenderer.render(model, { locale: 'en' }).data);
writeFileSync(join(outDir, 'ledger.csv'), csvLedgerRenderer.render(model, { locale: 'zh-CN' }).data);
writeFileSync(join(outDir, 'report.json'), jsonReportRenderer.render(model, { locale: 'zh-CN' }).data);
const dashboard = join(outDir, 'dashboard.html');
writeFileSync(dashboard, htmlDashboardRenderer.render(internal, { locale: 'zh-CN' }).data);
writeFileSync(join(outDir, 'ledger.xlsx'), (await xlsxLedgerRenderer.render(internal, { locale: 'zh-CN' })).data);
writeFileSync(join(outDir, 'notice.docx'), (await docxNoticeRenderer.render(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT })).data);

writeFileSync(join(outDir, 'reminders.ics'), ics);
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(join(outDir, 'events.json'), `${JSON.stringify(events, null, 1)}\n`);

console.log(`${inspection.title} · 截至${formatDay(NOTICE_DATE, 'zh-CN')}`);
console.log(`问题 ${summary.findings} 个，整改措施 ${summary.measures} 项，台账记录 ${summary.events} 条`);
for (const [status, count] of Object.entries(summary.byStatus)) {
  if (count > 0) console.log(`  ${STATUS_LABELS[status as keyof typeof STATUS_LABELS]['zh-CN']}: ${count}`);
}
for (const c of summary.byCategory) console.log(`  （${c.ordinal}）${c.title}: ${c.total}`);
const shot = (await screenshot(dashboard, join(outDir, 'dashboard.png'))) ? 'dashboard.png' : `no dashboard.png: no Chromium at ${CHROMIUM}`;
console.log(`wrote ${outDir}: summary.json, notice.txt/.md/.docx, ledger.csv/.xlsx, dashboard.html, ${shot} (store: ${filename})`);

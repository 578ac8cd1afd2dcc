/**
 * `pnpm bench`: measures the library against the raw driver on this machine, in one run,
 * and writes docs/benchmarks.md. BENCH_FINDINGS sets the data size (default 20,000;
 * the 100,000 takes longer than CI allows, so it is run by hand).
 *
 * Run: `npx -y pnpm@10 bench` from the root (node --expose-gc, for memory figures).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildReportModel, findingRow, memoryDriver, openStore, type ReportRenderer } from '@rectify/core';
import { csvLedgerRenderer, jsonReportRenderer } from '@rectify/report-data';
import { docxNoticeRenderer } from '@rectify/report-docx';
import { htmlDashboardRenderer } from '@rectify/report-html';
import { noticeTextRenderer } from '@rectify/report-notice';
import { xlsxLedgerRenderer } from '@rectify/report-xlsx';
import { migrations } from '@rectify/storage-sql';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { generate } from './generate.js';
import { heapMb, percentile, timeBest, type Result } from './measure.js';

const N = Number(process.env.BENCH_FINDINGS ?? 20_000);
const root = join(import.meta.dirname, '..', '..');
const work = join(root, '.tmp', 'bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const results: Result[] = [];
const ms = (x: number) => `${x.toFixed(0)} ms`;
const log = (r: Result) => { results.push(r); console.log(`${r.case}: ${r.library} vs ${r.baseline} (${r.ratio})`); };

console.log(`generating ${N.toLocaleString('en')} findings…`);
const data = generate(N);
const events = data.bundle.events;
const scope = { organisationId: 'bench-org', inspectionId: data.inspection.id };

// 1. Bulk import on a SQLite file: the library's importBundle (validates, replays every
// history, writes events, command ids and finding rows) against raw prepared inserts of
// the same rows in one transaction.
const libFile = join(work, 'library.db');
const store = await openStore(sqliteDriver({ filename: libFile }));
let start = performance.now();
await store.importBundle(data.bundle);
const libImport = performance.now() - start;

const rawFile = join(work, 'raw.db');
const raw = new Database(rawFile);
raw.pragma('journal_mode = WAL');
for (const sql of migrations((n) => `rectify_${n}`, (n) => `rectify_${n}`)[0]!) raw.exec(sql);
const insertEvent = raw.prepare('INSERT INTO rectify_events (finding_id, version, tenant_id, on_day, body) VALUES (?, ?, ?, ?, ?)');
const insertCommand = raw.prepare('INSERT INTO rectify_commands (command_id, finding_id, version) VALUES (?, ?, ?)');
const insertFinding = raw.prepare('INSERT INTO rectify_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const rows = data.states.map((s) => findingRow('bench-org', s, data.inspection));
start = performance.now();
raw.transaction(() => {
  for (const e of events) {
    insertEvent.run(e.findingId, e.version, 'bench-org', e.on, JSON.stringify(e));
    insertCommand.run(e.commandId, e.findingId, e.version);
  }
  for (const r of rows) insertFinding.run(r.findingId, r.tenantId, r.inspectionId, r.categoryId, r.categoryOrdinal, r.ordinal, r.title, r.status, r.leadUnitId, r.responsiblePersonId, r.deadline, r.lastProgressOn, r.updatedAt, r.version, JSON.stringify(r.state));
})();
const rawImport = performance.now() - start;
const rate = (n: number, t: number) => `${Math.round(n / (t / 1000)).toLocaleString('en')} findings/s`;
log({ case: `1. bulk import, ${N.toLocaleString('en')} findings (${events.length.toLocaleString('en')} events), SQLite file`, library: rate(N, libImport), baseline: rate(N, rawImport), ratio: `${(rawImport / libImport).toFixed(2)} × raw throughput`, goal: '≥ 0.5 × raw' });

// 2. Dashboard totals: the store's SQL GROUP BY against the same query written by hand.
const libTotals = await timeBest(5, () => store.totals(scope));
const byHand = raw.prepare('SELECT category_id, lead_unit_id, status, COUNT(*) AS n FROM rectify_findings WHERE tenant_id = ? AND inspection_id = ? GROUP BY category_id, lead_unit_id, status');
const rawTotals = await timeBest(5, () => byHand.all('bench-org', scope.inspectionId));
log({ case: '2. totals by status, category and unit, SQLite', library: ms(libTotals), baseline: ms(rawTotals), ratio: `${(libTotals / rawTotals).toFixed(2)} × raw time`, goal: '≤ 1.5 × raw' });

// 3. One lifecycle command at a time (validate, permission, rules, append, update) on the WAL file.
const latencies: number[] = [];
const findById = raw.prepare('SELECT version, state FROM rectify_findings WHERE finding_id = ?');
const updateFinding = raw.prepare('UPDATE rectify_findings SET version = ?, state = ? WHERE finding_id = ?');
const rawLatencies: number[] = [];
for (let i = 0; i < 2000; i++) {
  const id = data.states[(i * 7919) % N]!.finding.id;
  let t = performance.now();
  await store.apply({ type: 'record_progress', commandId: `bench-${i}`, findingId: id, actorId: 'p-coord', at: '2023-12-01T10:00:00+08:00', text: '本周继续推进整改' });
  latencies.push(performance.now() - t);
  t = performance.now();
  // The same writes by hand: read the version, append the event and the command id, update the finding row.
  raw.transaction(() => {
    const row = findById.get(id) as { version: number; state: string };
    const v = row.version + 1;
    insertEvent.run(id, v, 'bench-org', '2023-12-01', '{"type":"progress_recorded","text":"本周继续推进整改"}');
    insertCommand.run(`raw-${i}`, id, v);
    updateFinding.run(v, row.state, id);
  })();
  rawLatencies.push(performance.now() - t);
}
log({ case: '3. one command (record_progress), SQLite WAL: p50 / p99', library: `${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 99).toFixed(2)} ms`, baseline: `${percentile(rawLatencies, 50).toFixed(2)} / ${percentile(rawLatencies, 99).toFixed(2)} ms`, ratio: `${(percentile(latencies, 50) / percentile(rawLatencies, 50)).toFixed(1)} × raw p50`, goal: 'report' });

// 4. As-of reconstruction of every finding at a past day.
start = performance.now();
const past = await store.findingsAsOf(scope, '2023-10-15');
const asOf = performance.now() - start;
log({ case: `4. as of 2023-10-15: all ${past.length.toLocaleString('en')} findings rebuilt from events`, library: ms(asOf), baseline: '', ratio: '', goal: 'report' });
await store.close();
raw.close();

// 5. Rendering, at 1,000 and 10,000 findings (and N when larger, DOCX excepted).
const renderers: ReportRenderer[] = [noticeTextRenderer, csvLedgerRenderer, jsonReportRenderer, htmlDashboardRenderer, xlsxLedgerRenderer, docxNoticeRenderer];
for (const size of [1_000, 10_000, N].filter((s, i, all) => s <= N && all.indexOf(s) === i)) {
  const model = buildReportModel(data.states.slice(0, size), data.inspection, { id: 'bench-org', name: '基准测试单位', units: [] }, '2023-12-01');
  for (const r of renderers) {
    if (r === docxNoticeRenderer && size > 10_000) continue;
    const before = heapMb();
    const t = await timeBest(size > 10_000 ? 1 : 2, () => r.render(model, { locale: 'zh-CN' }));
    const peak = process.memoryUsage().heapUsed / 2 ** 20 - before;
    log({ case: `5. render ${r.name}, ${size.toLocaleString('en')} findings`, library: `${ms(t)}, heap +${Math.max(0, peak).toFixed(0)} MB`, baseline: '', ratio: '', goal: 'linear × 1.2 from 10k' });
  }
}

// 6. The in-memory store holding every finding.
const before = heapMb();
const memory = await openStore(memoryDriver());
await memory.importBundle(data.bundle);
log({ case: `6. in-memory store with ${N.toLocaleString('en')} findings`, library: `${(heapMb() - before).toFixed(0)} MB heap`, baseline: '', ratio: '', goal: 'report' });
await memory.close();


const table = [
  '| case | library | baseline (same run) | ratio | goal |',
  '| --- | --- | --- | --- | --- |',
  ...results.map((r) => `| ${r.case} | ${r.library} | ${r.baseline} | ${r.ratio} | ${r.goal} |`),
].join('\n');
writeFileSync(join(root, 'docs', 'benchmarks.md'), `# Benchmarks

Written by \`npx -y pnpm@10 bench\` (BENCH_FINDINGS=${N}). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}.
Each finding has 4 measures, 12 weekly ledger entries and 20 events; text is Chinese of realistic length.
Baselines are measured in the same run on the same machine: raw better-sqlite3 prepared
statements writing the same rows in one transaction, and the same GROUP BY written by hand.

${table}
`);
console.log(`wrote docs/benchmarks.md`);

/**
 * `pnpm bench`: measures the library against the raw drivers (better-sqlite3, pg) on
 * this machine, in one run, and writes docs/benchmarks.md. BENCH_FINDINGS sets the
 * data size (default 100,000, some 11 minutes on 2 cores; not part of CI).
 *
 * Run: `npx -y pnpm@10 bench` from the root (node --expose-gc, for memory figures). It
 * runs the packages' sources through tsx (the root tsconfig's paths), so it needs no build.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildReportModel, isRectifyError, laggingUnits, memoryDriver, openStore, type FindingQueryInput, type FindingState, type ReportRenderer, type Store } from '@rectify/core';
import { csvLedgerRenderer, jsonReportRenderer } from '@rectify/report-data';
import { docxNoticeRenderer } from '@rectify/report-docx';
import { htmlDashboardRenderer } from '@rectify/report-html';
import { noticeTextRenderer } from '@rectify/report-notice';
import { xlsxLedgerRenderer } from '@rectify/report-xlsx';
import { postgresBackend, postgresOffice, sqliteBackend, sqliteOffice } from './backends.js';
import { generate, generateOrganisations } from './generate.js';
import { handRollupSql } from './rollup.js';
import { heapMb, percentile, timeBest, type Result } from './measure.js';

const N = Number(process.env['BENCH_FINDINGS'] ?? 100_000);
const began = performance.now();
/** Commands timed one at a time in case 3, on each database. */
const COMMANDS = 2000;
const root = join(import.meta.dirname, '..', '..');
const work = join(root, '.tmp', 'bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const results: Result[] = [];
const PG_URL = process.env['RECTIFY_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const ms = (x: number) => `${x.toFixed(0)} ms`;
const ratio = (library: number, raw: number) => `${(library / raw).toFixed(2)} × raw time`;
/** Minutes and seconds since the start, to see where a run's time goes. */
const clock = () => {
  const s = Math.round((performance.now() - began) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const log = (r: Result) => { results.push(r); console.log(`[${clock()}] ${r.case}: ${r.library} vs ${r.baseline} (${r.ratio})`); };

// 7. A supervising office's roll-up: every organisation and round, as of a day, against the
// same figures in hand-written GROUP BY statements over the same tables. Run first, with
// its data alone in memory, so that the 100,000-finding data set's heap does not weigh on it.
const OFFICES = Number(process.env['BENCH_ORGANISATIONS'] ?? 1000);
const PER_OFFICE = 100;
{
  const offices = generateOrganisations(OFFICES, PER_OFFICE);
  const officeDay = '2023-12-15';
  for (const open of [() => sqliteOffice(work), () => postgresOffice(PG_URL)]) {
    const office = await open();
    const start = performance.now();
    await office.store.importBundle(offices);
    console.log(`[${clock()}] imported ${OFFICES.toLocaleString('en')} organisations in ${ms(performance.now() - start)}, ${office.name}`);
    await office.tables.settle();
    let ranked = 0;
    const libRollup = await timeBest(5, async () => { ranked = (await office.store.rollup({ asOf: officeDay })).organisations.length; });
    const handRollup = await timeBest(5, async () => { for (const sql of handRollupSql(office.tables.findings, office.tables.days, officeDay)) await office.tables.query(sql); });
    log({ case: `7. roll-up of ${ranked.toLocaleString('en')} organisations × ${PER_OFFICE} findings (by status, 整改率, overdue, due soon, on time, lagging units, 6 months' trend), ${office.name}`, library: ms(libRollup), baseline: `${ms(handRollup)} (GROUP BY by hand)`, ratio: ratio(libRollup, handRollup), goal: '≤ 1.5 × raw, < 500 ms' });
    await office.store.close();
    await office.tables.close();
  }
}

console.log(`generating ${N.toLocaleString('en')} findings…`);
const data = generate(N);
console.log(`[${clock()}] generated`);
const events = data.bundle.events;
const scope = { organisationId: 'bench-org', inspectionId: data.inspection.id };

const libraryPages = async (store: Store, query: Omit<FindingQueryInput, 'limit' | 'cursor'>) => {
  const all: FindingState[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.findings({ ...query, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return all;
};
const cadence = data.inspection.workflow.cadence;

const backends = [
  () => sqliteBackend(work),
  () => postgresBackend(PG_URL),
];
for (const open of backends) {
  const backend = await open();
  const { name, store, raw } = backend;
  // 1. Bulk import: the library's importBundle (validates, replays every history, writes
  // events, command ids and finding rows) against the same rows written by hand.
  let start = performance.now();
  await store.importBundle(data.bundle);
  const libImport = performance.now() - start;
  start = performance.now();
  await raw.importAll(data);
  const rawImport = performance.now() - start;
  const rate = (n: number, t: number) => `${Math.round(n / (t / 1000)).toLocaleString('en')} findings/s`;
  log({ case: `1. bulk import, ${N.toLocaleString('en')} findings (${events.length.toLocaleString('en')} events), ${name}`, library: rate(N, libImport), baseline: rate(N, rawImport), ratio: `${(rawImport / libImport).toFixed(2)} × raw throughput`, goal: '≥ 0.5 × raw' });

  // 2. Dashboard analytics, each against the same SQL written by hand.
  // Best of a few runs; fewer at large sizes, where one run takes seconds (and the
  // lagging-unit ranking, which reads every finding, half a minute: once).
  const runs = N > 20_000 ? 2 : 3;
  const longRuns = N > 20_000 ? 1 : 3;
  const libTotals = await timeBest(runs, () => store.totals(scope));
  const rawTotals = await timeBest(runs, () => raw.totals(scope.inspectionId));
  log({ case: `2. totals by status, category and unit, ${name}`, library: ms(libTotals), baseline: ms(rawTotals), ratio: ratio(libTotals, rawTotals), goal: '≤ 1.5 × raw' });
  const libOverdue = await timeBest(runs, () => libraryPages(store, { ...scope, overdueAsOf: '2023-11-15' }));
  const rawOverdue = await timeBest(runs, () => raw.overdue(scope.inspectionId, '2023-11-15'));
  const overdueCount = (await raw.overdue(scope.inspectionId, '2023-11-15')).length;
  log({ case: `2. overdue as of 2023-11-15 (${overdueCount.toLocaleString('en')} findings, every page), ${name}`, library: ms(libOverdue), baseline: ms(rawOverdue), ratio: ratio(libOverdue, rawOverdue), goal: '≤ 1.5 × raw' });
  // The lagging ranking as the store counts it (the roll-up of the organisation, two GROUP BY
  // statements), against the same statements by hand; then, as before 7 December 2026, over
  // every state read and parsed. As of 1 December: past the data's last event (28
  // November), so the rows are the day's.
  const lagDay = '2023-12-01';
  await backend.libraryTables.settle();
  const libLagging = await timeBest(runs, async () => (await store.rollup({ asOf: lagDay, organisations: [scope.organisationId], laggingTop: 100 })).organisations[0]!.laggingUnits);
  const handLagging = await timeBest(runs, async () => {
    for (const sql of handRollupSql(backend.libraryTables.findings, backend.libraryTables.days, lagDay, scope.organisationId)) await backend.libraryTables.query(sql);
  });
  log({ case: `2. lagging-unit ranking as of ${lagDay} (the organisation's roll-up, in SQL), ${name}`, library: ms(libLagging), baseline: `${ms(handLagging)} (GROUP BY by hand)`, ratio: ratio(libLagging, handLagging), goal: '≤ 1.5 × raw, < 500 ms' });
  const parseLagging = await timeBest(longRuns, async () => laggingUnits(await libraryPages(store, scope), lagDay, cadence));
  const rawLagging = await timeBest(longRuns, async () => laggingUnits(await raw.states(scope.inspectionId), lagDay, cadence));
  log({ case: `2. lagging-unit ranking as of ${lagDay}, every state read and parsed (the way before), ${name}`, library: ms(parseLagging), baseline: ms(rawLagging), ratio: ratio(parseLagging, rawLagging), goal: 'report' });

  // 3. One lifecycle command at a time (validate, permission, rules, append, update).
  const latencies: number[] = [];
  const rawLatencies: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const id = data.states[(i * 7919) % N]!.finding.id;
    let t = performance.now();
    await store.apply({ organisationId: scope.organisationId, type: 'record_progress', commandId: `bench-${i}`, findingId: id, actorId: 'p-coord', at: '2023-12-01T10:00:00+08:00', text: '本周继续推进整改' });
    latencies.push(performance.now() - t);
    t = performance.now();
    await raw.recordProgress(id, `raw-${i}`);
    rawLatencies.push(performance.now() - t);
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / 1000;
  log({
    case: `3. one command (record_progress), ${name}: p50 / p99, commands/s`,
    library: `${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 99).toFixed(2)} ms, ${Math.round(COMMANDS / total(latencies)).toLocaleString('en')}/s`,
    baseline: `${percentile(rawLatencies, 50).toFixed(2)} / ${percentile(rawLatencies, 99).toFixed(2)} ms, ${Math.round(COMMANDS / total(rawLatencies)).toLocaleString('en')}/s`,
    ratio: `${(percentile(latencies, 50) / percentile(rawLatencies, 50)).toFixed(1)} × raw p50`,
    goal: 'report',
  });

  // 4. As-of reconstruction of every finding at a past day.
  start = performance.now();
  const past = await store.findingsAsOf(scope, '2023-10-15');
  log({ case: `4. as of 2023-10-15: all ${past.length.toLocaleString('en')} findings rebuilt from events, ${name}`, library: ms(performance.now() - start), baseline: '', ratio: '', goal: 'report' });
  await store.close();
  await backend.libraryTables.close();

  await raw.close();
}

// 5. Rendering, at 1,000 and 10,000 findings and at N when larger (DOCX up to 10,000).
// Growth past 10,000 is reported against linear: time at N ÷ (time at 10k × N / 10k).
const renderers: ReportRenderer[] = [noticeTextRenderer, csvLedgerRenderer, jsonReportRenderer, htmlDashboardRenderer, xlsxLedgerRenderer, docxNoticeRenderer];
const at10k = new Map<string, number>();
for (const size of [1_000, 10_000, N].filter((s, i, all) => s <= N && all.indexOf(s) === i)) {
  const model = buildReportModel(data.states.slice(0, size), data.inspection, { id: 'bench-org', name: '基准测试单位', units: [] }, '2023-12-01');
  for (const r of renderers) {
    if (r === docxNoticeRenderer && size > 10_000) continue;
    const before = heapMb();
    let bytes = 0;
    let t: number;
    try {
      t = await timeBest(size >= 10_000 && N > 20_000 ? 1 : 2, async () => { bytes = (await r.render(model, { locale: 'zh-CN' })).data.length; });
    } catch (error) {
      // A format may refuse what it cannot hold (a sheet past Excel's 1,048,576 rows).
      if (!isRectifyError(error, 'report.limit')) throw error;
      log({ case: `5. render ${r.name}, ${size.toLocaleString('en')} findings`, library: `refused: ${error.message}`, baseline: '', ratio: '', goal: 'see notes' });
      continue;
    }
    // Heap still held when the render returns (the output and what it keeps), not the peak.
    const held = process.memoryUsage().heapUsed / 2 ** 20 - before;
    if (size === 10_000) at10k.set(r.name, t);
    const linear = size > 10_000 && at10k.has(r.name) ? t / ((at10k.get(r.name)! * size) / 10_000) : undefined;
    log({
      case: `5. render ${r.name}, ${size.toLocaleString('en')} findings`,
      library: `${ms(t)}, ${(bytes / 2 ** 20).toFixed(1)} MB, heap held +${Math.max(0, held).toFixed(0)} MB`,
      baseline: '',
      ratio: linear === undefined ? '' : `${linear.toFixed(2)} × linear from 10k`,
      goal: size > 10_000 ? '≤ 1.2 × linear' : '',
    });
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
Baselines are measured in the same run on the same machine and database, on the same schema:
better-sqlite3 prepared statements and \`pg\` multi-row parameterised inserts writing the same
rows in one transaction; the same GROUP BY, overdue filter and finding scan written by hand
(the lagging ranking and the roll-up of case 7 against the same two GROUP BY statements by
hand over the library's own tables, read by the raw driver; the old lagging ranking, which read every state, is kept
for comparison, running the same \`laggingUnits\` over what each side read); one command
done by hand as read, append event and command id, update row, in one transaction.
PostgreSQL is the local server (RECTIFY_PG_URL, default postgres://postgres@127.0.0.1:5432/test),
in a database \`rectify_bench\` made afresh for the run.

${table}

The whole run took ${((performance.now() - began) / 60_000).toFixed(1)} minutes.

${readFileSync(join(import.meta.dirname, '..', 'notes.md'), 'utf8').trim()}
`);
console.log(`wrote docs/benchmarks.md`);

// What deciding a day's warnings costs (`rectify notify`, issue 18), on SQLite and PostgreSQL, in one run:
// `pnpm --filter @rectify/bench exec node --expose-gc --max-old-space-size=16384 --import tsx src/notify.ts [findings]`.
// The library's `store.warnings` and `store.queueWarnings` against the same candidate rows
// read by the raw driver with one hand-written statement over the library's own table (their
// `warning` column, and for comparison their full states), parsed, and the same pure
// `warningNotices` run over them.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addWorkingDays, DEFAULT_ESCALATION_POLICY, deadlineInForce, OPEN_STATUSES, warningNotices, type WarningView } from '@rectify/core';
import { postgresBackend, sqliteBackend } from './backends.js';
import { generate } from './generate.js';
import { timeBest } from './measure.js';

const N = Number(process.argv[2] ?? 100_000);
const work = join(import.meta.dirname, '..', '..', '.tmp', 'bench-notify');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const PG_URL = process.env['RECTIFY_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const data = generate(N);
const scope = { organisationId: 'bench-org', inspectionId: data.inspection.id };
// After the data's last event (28 November 2023): the daily run, reading the rows.
const asOf = '2023-12-01';
const policy = DEFAULT_ESCALATION_POLICY;
const furthest = Math.max(...policy.tiers.map((t) => t.workingDaysBefore ?? 0));
const open = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

for (const make of [() => sqliteBackend(work), () => postgresBackend(PG_URL)]) {
  const backend = await make();
  const { store, name, libraryTables } = backend;
  let t = performance.now();
  await store.importBundle(data.bundle, { trusted: true });
  console.log(`${name}: imported ${N.toLocaleString('en')} findings in ${Math.round((performance.now() - t) / 1000)} s`);
  await libraryTables.settle();
  const organisation = (await store.organisation(scope.organisationId))!;
  const inspection = (await store.inspection(scope))!;
  const people = await store.people(scope.organisationId);
  let notices = 0;
  let lit = 0;
  const library = await timeBest(3, async () => {
    const d = await store.warnings({ ...scope, asOf, policy });
    notices = d.notices.length;
    lit = d.lights.size;
  });
  // The same candidates by hand: open, with a deadline up to the furthest tier (every day a working day here).
  const last = deadlineInForce(addWorkingDays({ name: 'every-day', isWorkingDay: () => true }, asOf, furthest));
  const candidates = (column: string) =>
    `SELECT ${column} FROM ${libraryTables.findings} WHERE tenant_id = 'bench-org' AND inspection_id = '${scope.inspectionId}' AND status IN (${open}) AND deadline IS NOT NULL AND deadline <= '${last}'`;
  const byHand = (column: string) => async () => {
    const rows = (await libraryTables.query(candidates(column))).map((r) => (typeof r[column] === 'string' ? JSON.parse(r[column] as string) : r[column]) as WarningView);
    return warningNotices(rows, { organisation, inspection, people }, asOf, policy).notices.length;
  };
  // The baseline: the same candidates' warning views (the column the library reads), in one statement.
  let handNotices = 0;
  const hand = await timeBest(3, async () => {
    handNotices = await byHand('warning')();
  });
  // What the same work costs from the full states (how the library decided before schema version 5).
  const fromStates = await timeBest(3, async () => {
    await byHand('state')();
  });
  t = performance.now();
  const queued = await store.queueWarnings({ ...scope, asOf, policy, now: `${asOf}T08:00:00+08:00` });
  const firstQueue = performance.now() - t;
  t = performance.now();
  const again = await store.queueWarnings({ ...scope, asOf, policy, now: `${asOf}T09:00:00+08:00` });
  const secondQueue = performance.now() - t;
  console.log(JSON.stringify({ database: name, findings: N, asOf, lit, notices, handNotices, decideMs: Math.round(library), handMs: Math.round(hand), ratio: +(library / hand).toFixed(2), fromStatesMs: Math.round(fromStates), queueMs: Math.round(firstQueue), queued: queued.queued.length, requeueMs: Math.round(secondQueue), alreadyQueued: again.alreadyQueued }));
  await store.close();
  await backend.raw.close();
  await libraryTables.close();
}

import { beforeAll, expect, it } from 'vitest';
import {
  findingRow,
  FindingQuerySchema,
  encodeCursor,
  isRectifyError,
  memoryDriver,
  openStore,
  replay,
  replayAsOf,
  runQuery,
  rollup,
  rollupCounts,
  rollupQuery,
  totals,
  type Calendar,
  type RollupCount,
  type RollupCounts,
  type RollupMonthCount,
  type RollupInput,
  type FindingQueryInput,
  type FindingsOptions,
  type FindingState,
  type Store,
  type StorageDriver,
} from '@rectify/core';
import { buildWorld, type World } from '../world.js';
import { expectedCounts, expectedIds } from './oracle.js';
import type { SuiteContext } from './context.js';

/** Builds the world once for a group of read-only tests. */
export function withWorld(ctx: SuiteContext): () => { store: Store; driver: StorageDriver; world: World } {
  let built: { store: Store; driver: StorageDriver; world: World } | undefined;
  beforeAll(async () => {
    const { store, driver } = await ctx.open();
    built = { store, driver, world: await buildWorld(store, ctx.options.worldSize) };
  }, 300_000);
  return () => {
    if (!built) throw new Error('world not built');
    return built;
  };
}

/** Every finding of a tenant, read one by one (not through the query under test). */
export async function statesOf(store: Store, organisationId: string, ids: readonly string[]): Promise<FindingState[]> {
  const out: FindingState[] = [];
  for (const id of ids) {
    const s = await store.finding({ organisationId }, id);
    if (s) out.push(s);
  }
  return out;
}

/** Follows every cursor of a query and returns the ids in the order the store gave them. */
export async function allPages(store: Store, query: FindingQueryInput, options?: FindingsOptions): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await store.findings({ ...query, ...(cursor ? { cursor } : {}) }, options);
    ids.push(...page.items.map((s) => s.finding.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('more than 1000 pages: the cursor does not advance');
}

const QUERIES: Omit<FindingQueryInput, 'organisationId'>[] = [
  {},
  { sort: 'ordinal', order: 'desc' },
  { sort: 'deadline' },
  { sort: 'deadline', order: 'desc' },
  { sort: 'updatedAt', order: 'desc' },
  { sort: 'title' },
  { categoryId: 'c1' },
  { unitId: 'u-fin', sort: 'deadline' },
  { personId: 'org-a-resp' },
  { status: ['sustaining', 'signed_off'] },
  { status: [] },
  { overdueAsOf: '2023-11-20' },
  { dueWithin: { asOf: '2023-10-25', days: 30 }, sort: 'deadline' },
  { text: '%' },
  { text: '_' },
  { text: '\\' },
  { text: "'; DROP" },
  { text: 'plain english' },
  { text: '🚩' },
  { text: '一村一法律顾问' },
  { inspectionId: 'ins-a', status: ['not_started', 'in_progress'], sort: 'title', order: 'desc' },
];

/** Queries run in the store give exactly what the core's reference gives, page after page. */
export function queriesSuite(ctx: SuiteContext): void {
  const get = withWorld(ctx);
  it.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('query %s matches the reference, in order, across pages', async (_name, q) => {
    const { store, world } = get();
    const inspection = (await store.inspection({ organisationId: 'org-a', inspectionId: 'ins-a' }))!;
    // The kit's own oracle, not the core's runQuery (which the memory driver itself runs).
    const expected = expectedIds(world.states.a, inspection, FindingQuerySchema.parse({ organisationId: 'org-a', ...q }));
    expect(await allPages(store, { organisationId: 'org-a', ...q, limit: 4 })).toEqual(expected);
    // The core's reference agrees with the oracle too, on the states the store holds.
    const rows = (await statesOf(store, 'org-a', world.a.findingIds)).map((s) => findingRow('org-a', s, inspection));
    expect(runQuery(rows, FindingQuerySchema.parse({ organisationId: 'org-a', ...q, limit: 1000 })).items.map((r) => r.findingId)).toEqual(expected);
  });

  it('refuses a cursor that is not one', async () => {
    const { store } = get();
    await expect(store.findings({ organisationId: 'org-a', cursor: 'garbage' })).rejects.toMatchObject({ code: 'validation' });
    await expect(store.findings({ organisationId: 'org-a', limit: 0 })).rejects.toMatchObject({ code: 'validation' });
    // Well-formed cursors whose positions have the wrong types: a SQL store would
    // compare a number with text, or a driver would throw from deep inside.
    const forged: [FindingQueryInput['sort'], (string | number)[]][] = [
      ['ordinal', ['1', 2, 'f-1']],
      ['ordinal', [1, 2, 3]],
      ['deadline', [20231001, 'f-1']],
      ['title', [{ toString: 'x' } as unknown as string, 'f-1']],
      ['updatedAt', ['2023-10-01T00:00:00Z']],
    ];
    for (const [sort, key] of forged) {
      await expect(store.findings({ organisationId: 'org-a', sort, cursor: encodeCursor(key) }), `${sort} ${JSON.stringify(key)}`).rejects.toMatchObject({ code: 'validation' });
    }
    await expect(store.findings({ organisationId: 'org-a', cursor: 'A'.repeat(100_000) })).rejects.toMatchObject({ code: 'validation' });
  });
}

/** The store's totals equal the core's pure totals. */
export function analyticsSuite(ctx: SuiteContext): void {
  const get = withWorld(ctx);
  it('counts by status, category and unit exactly as the core does', async () => {
    const { store, world } = get();
    const states = await statesOf(store, 'org-a', world.a.findingIds);
    const inspection = (await store.inspection({ organisationId: 'org-a', inspectionId: 'ins-a' }))!;
    const got = await store.totals({ organisationId: 'org-a', inspectionId: 'ins-a' });
    // Against the kit's own count of the world's states (the memory driver counts with the core's totals).
    const expected = expectedCounts(world.states.a);
    expect(got.total).toBe(expected.total);
    expect(Object.fromEntries(Object.entries(got.byStatus).filter(([, n]) => n > 0))).toEqual(expected.byStatus);
    expect(Object.fromEntries(got.byCategory.filter((c) => c.total > 0).map((c) => [c.categoryId ?? '-', c.total]))).toEqual(expected.byCategory);
    expect(Object.fromEntries(got.byUnit.map((u) => [u.unitId ?? '-', u.total]))).toEqual(expected.byUnit);
    expect(got).toEqual(totals(states, inspection));
    expect(await store.totals({ organisationId: 'org-a' })).toEqual(got);
  });

  it('rolls every organisation up as the core does, counted by the store, with any calendar, as of any day', async () => {
    const { store, driver } = await ctx.open();
    const world = await buildWorld(store, 24);
    // Completions the world lacks: late, within an extension, and on a deadline that falls on a Sunday.
    const open = [...world.states.a, ...world.states.b].filter((f) => f.status === 'in_progress');
    let n = 0;
    const envelope = (f: FindingState, day: string) => {
      const organisationId = f.finding.id.startsWith('org-a') ? 'org-a' : 'org-b';
      return { organisationId, findingId: f.finding.id, actorId: `${organisationId}-coord`, at: `${day}T02:00:00Z`, commandId: `r-${++n}` };
    };
    const finish = async (f: FindingState, day: string) => {
      await store.apply({ ...envelope(f, day), type: 'complete_measure', measureId: 'm1', evidence: [{ kind: 'document', title: '制度文件', issuedOn: day }] });
      await store.apply({ ...envelope(f, day), type: 'mark_sustaining' });
    };
    const [extended, late] = open.filter((f) => f.assignment!.deadline < '2023-12-01');
    const sunday = open.find((f) => f.assignment!.deadline === '2023-12-31');
    if (!extended || !late || !sunday) throw new Error('the world has changed: pick other findings');
    await store.apply({ ...envelope(extended, '2023-10-20'), type: 'request_extension', extensionId: 'x1', to: '2024-01-31', reason: '需协调' });
    await store.apply({ ...envelope(extended, '2023-10-21'), actorId: `${envelope(extended, '2023-10-21').organisationId}-principal`, type: 'decide_extension', extensionId: 'x1', approve: true });
    await finish(extended, '2024-01-10');
    await finish(late, '2023-12-20');
    await finish(sunday, '2024-01-02');
    // Weekends and New Year's Day off: the world's 31 December deadline is in force on 2 January.
    const weekdays: Calendar = { name: 'weekdays', isWorkingDay: (d) => d !== '2024-01-01' && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) };
    const organisations = await store.organisations();
    // Past the world's last event the store counts its rows (a GROUP BY in SQL); before, it replays.
    for (const asOf of ['2023-09-05', '2023-10-31', '2023-11-13', '2023-12-29', '2024-01-02', '2024-03-01']) {
      for (const calendar of [undefined, weekdays]) {
        const inputs: RollupInput[] = [];
        for (const organisation of organisations) {
          inputs.push({ organisation, inspections: await store.inspections(organisation.id), findings: await store.findingsAsOf({ organisationId: organisation.id }, asOf) });
        }
        const expected = rollup(inputs, asOf, calendar ? { calendar } : {});
        const label = `${asOf} ${calendar?.name ?? 'every day'}`;
        expect(rounded(await store.rollup({ asOf, ...(calendar ? { calendar } : {}) })), label).toEqual(rounded(expected));
        expect(rounded(await store.rollup({ asOf, organisations: ['org-b'], ...(calendar ? { calendar } : {}) })), label).toEqual(rounded(rollup(inputs.filter((i) => i.organisation.id === 'org-b'), asOf, calendar ? { calendar } : {})));
        // The driver's own counts, where it has them, against the core's reference over the same rows.
        const query = rollupQuery(inputs.flatMap((i) => i.inspections.map((inspection) => ({ tenantId: i.organisation.id, inspection }))), asOf, calendar ? { calendar } : {});
        const counted = await driver.transaction(async (tx) => tx.rollupCounts?.(query), { readOnly: true });
        // The rows are today's: the driver's counts are the day's only past the last event.
        if (counted === undefined || asOf < '2024-01-10') continue;
        const rows = inputs.flatMap((i) => i.findings.map((f) => findingRow(i.organisation.id, f, i.inspections.find((x) => x.id === f.finding.inspectionId)!)));
        expect(sortedCounts(counted), label).toEqual(sortedCounts(rollupCounts(rows, query)));
      }
    }
    // On time under the working-day calendar (in force 2 January), late counting every day.
    const outcomes = async (calendar?: Calendar) => (await store.rollup({ asOf: '2024-03-01', ...(calendar ? { calendar } : {}) })).all.outcomes;
    expect(await outcomes()).toMatchObject({ withinExtension: 1, late: 2 });
    expect(await outcomes(weekdays)).toMatchObject({ withinExtension: 1, late: 1 });
    expect(expectedCounts(await store.findingsAsOf({ organisationId: 'org-a' }, '2030-01-01')).total).toBe((await store.rollup({ asOf: '2030-01-01', organisations: ['org-a'] })).all.total);
  });
}

/** Numbers to nine places: a database sums the lag of many findings in its own order. */
function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)) as T;
}

/** Counts in one order, whatever order the store gave them in. */
function sortedCounts(counts: RollupCounts): RollupCounts {
  const key = (c: RollupCount) => [c.tenantId, c.inspectionId, c.unitId ?? '', c.status].join('\u0000');
  const monthKey = (m: RollupMonthCount) => [m.tenantId, m.inspectionId, m.status, m.createdIn, m.completedIn ?? ''].join('\u0000');
  return rounded({ groups: [...counts.groups].sort((a, b) => key(a).localeCompare(key(b))), months: [...counts.months].sort((a, b) => monthKey(a).localeCompare(monthKey(b))) });
}

/** History is kept whole: replay equals the state, and any past day can be rebuilt. */
export function historySuite(ctx: SuiteContext): void {
  const get = withWorld(ctx);
  it('replays every finding to its stored state', async () => {
    const { store, world } = get();
    for (const id of world.a.findingIds) {
      expect(replay(await store.history({ organisationId: 'org-a' }, id))).toEqual(await store.finding({ organisationId: 'org-a' }, id));
    }
    expect(await store.verify('org-a')).toEqual({ findings: world.a.findingIds.length, events: expect.any(Number), mismatches: [], breaks: [], digest: expect.stringMatching(/^[0-9a-f]{64}$/), files: { stored: 0, bytes: 0, corrupted: [], missing: [] } });
  });

  it('rebuilds the state of every finding as of past days', async () => {
    const { store, world } = get();
    for (const day of ['2023-08-29', '2023-08-31', '2023-09-05', '2023-10-01', '2030-01-01']) {
      const expected: FindingState[] = [];
      for (const id of world.a.findingIds) {
        const s = replayAsOf(await store.history({ organisationId: 'org-a' }, id), day);
        if (s) expected.push(s);
      }
      const got = await store.findingsAsOf({ organisationId: 'org-a', inspectionId: 'ins-a' }, day);
      expect(got.map((s) => s.finding.id).sort()).toEqual(expected.map((s) => s.finding.id).sort());
      expect(got.sort((a, b) => a.finding.id.localeCompare(b.finding.id))).toEqual(expected.sort((a, b) => a.finding.id.localeCompare(b.finding.id)));
    }
  });
}

/** Nothing of one organisation is ever returned to a query of another. */
export function tenancySuite(ctx: SuiteContext): void {
  const get = withWorld(ctx);
  it('keeps every read inside its organisation', async () => {
    const { store, world } = get();
    const b = { organisationId: 'org-b' };
    const ids = await allPages(store, { ...b, limit: 50 });
    expect(ids.sort()).toEqual([...world.b.findingIds].sort());
    const aId = world.a.findingIds[0]!;
    expect(await store.finding(b, aId)).toBeUndefined();
    expect(await store.history(b, aId)).toEqual([]);
    expect(await store.finding({ organisationId: 'org-a', inspectionId: 'ins-b' }, aId)).toBeUndefined();
    expect((await store.totals(b)).total).toBe(world.b.findingIds.length);
    expect((await store.findingsAsOf(b, '2030-01-01')).every((s) => s.finding.id.startsWith('org-b'))).toBe(true);
    expect(await allPages(store, { ...b, inspectionId: 'ins-a' })).toEqual([]);
    const exported = await store.exportBundle(b);
    expect(JSON.stringify(exported)).not.toContain('org-a-f');
  });

  it('answers every command across organisations as a store of that organisation alone would', async () => {
    // One store with both organisations, one with org-b alone (its export imported): every
    // answer must be the same, so that no refusal, id or count tells org-b of org-a.
    const { store: both } = await ctx.open();
    const world = await buildWorld(both, 4);
    const { store: alone } = await ctx.open();
    await alone.importBundle(await both.exportBundle({ organisationId: 'org-b' }));
    const aFinding = world.a.findingIds[0]!;
    const aCommand = world.commands.find((c) => c.organisationId === 'org-a' && c.findingId === aFinding)!.commandId;
    const at = '2030-01-01T00:00:00Z';
    const urge = { type: 'supervise', kind: 'urge', note: '督办', at };
    const tries = [
      // org-b acting on an id only org-a has: no such finding.
      { ...urge, organisationId: 'org-b', commandId: 'x-1', findingId: aFinding, actorId: 'org-b-coord' },
      // org-a's coordinator acting in org-b: no such person there.
      { ...urge, organisationId: 'org-b', commandId: 'x-2', findingId: world.b.findingIds[0], actorId: 'org-a-coord' },
      // An org-a command id used again in org-b: a new command there, not a duplicate.
      { ...urge, organisationId: 'org-b', commandId: aCommand, findingId: world.b.findingIds[1], actorId: 'org-b-coord' },
      // A finding created in org-b with the id and the command id of one of org-a's: a new finding.
      { type: 'create', organisationId: 'org-b', commandId: `${aCommand}-c`, findingId: aFinding, actorId: 'org-b-coord', at, finding: { inspectionId: 'ins-b', ordinal: 99, title: '同号的问题' } },
      // org-a's inspection named in org-b: no such inspection there.
      { type: 'create', organisationId: 'org-b', commandId: 'x-5', findingId: 'x-new', actorId: 'org-b-coord', at, finding: { inspectionId: 'ins-a', ordinal: 1, title: '问题' } },
    ];
    const answer = async (store: Store, command: object) => {
      try {
        const applied = await store.apply(command);
        return { ok: true, duplicate: applied.duplicate, state: applied.state };
      } catch (error) {
        return { ok: false, code: (error as { code?: string }).code, message: (error as Error).message };
      }
    };
    const answers: unknown[] = [];
    for (const command of tries) {
      const got = await answer(both, command);
      expect(got, JSON.stringify(command)).toEqual(await answer(alone, command));
      answers.push(got);
    }
    expect(answers.map((a) => (a as { ok: boolean; code?: string }).ok ? 'ok' : (a as { code: string }).code)).toEqual(['not_found', 'permission.denied', 'ok', 'ok', 'not_found']);
    // (The world's ids contain their tenant's name: what must not appear is org-a as an organisation.)
    for (const a of answers) expect(JSON.stringify(a)).not.toMatch(/organisation org-a\b/);
    // org-a's finding of that id is untouched, and each organisation reads its own.
    expect((await both.finding({ organisationId: 'org-b' }, aFinding))?.finding.title).toBe('同号的问题');
    expect((await both.finding({ organisationId: 'org-a' }, aFinding))?.finding.title).not.toBe('同号的问题');
    expect(await both.verify('org-a')).toMatchObject({ mismatches: [], breaks: [] });
    expect(await both.verify('org-b')).toMatchObject({ mismatches: [], breaks: [] });
    // Ids shared by two organisations cannot go into one bundle: each is exported alone.
    await expect(both.exportBundle()).rejects.toMatchObject({ code: 'bundle.ambiguous' });
  });
}

/** Export, import, export again: nothing lost, nothing changed. */
export function roundTripSuite(ctx: SuiteContext): void {
  it('exports, imports into an empty store and exports the same bundle', async () => {
    const { store } = await ctx.open();
    await buildWorld(store, 8);
    const first = await store.exportBundle();
    const { store: second } = await ctx.open();
    await second.importBundle(first);
    expect(await second.exportBundle()).toEqual(first);
    expect(JSON.stringify(await second.exportBundle())).toBe(JSON.stringify(first));
  });
}

/** A bulk import is one transaction: all of it, or nothing. */
export function bulkImportSuite(ctx: SuiteContext): void {
  let bundle: Awaited<ReturnType<Store['exportBundle']>>;
  beforeAll(async () => {
    // The reference store builds the bundle: what the adapter imports, it must give back.
    const reference = await openStore(memoryDriver());
    await buildWorld(reference, 150);
    bundle = await reference.exportBundle();
  }, 300_000);

  it('imports thousands of events in one go, reporting progress, and gives them back unchanged', async () => {
    const { store, driver } = await ctx.open();
    const progress: number[] = [];
    const report = await store.importBundle(bundle, { onProgress: (p) => progress.push(p.findings) });
    expect(report.findings).toBe(300);
    expect(report.events).toBe(bundle.events.length);
    expect(progress).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await store.exportBundle()).toEqual(bundle);
    expect(await ctx.countEvents(store, driver, 'org-a') + await ctx.countEvents(store, driver, 'org-b')).toBe(bundle.events.length);
  });

  it('writes nothing when any part of the bundle is wrong, and says where', async () => {
    const { store, driver } = await ctx.open();
    const broken = structuredClone(bundle);
    const last = broken.events.length - 1;
    broken.events[last] = { ...broken.events[last]!, version: 99 };
    let error: unknown;
    try {
      await store.importBundle(broken);
    } catch (e) {
      error = e;
    }
    expect(isRectifyError(error, 'validation')).toBe(true);
    expect(JSON.stringify((error as { details: unknown }).details)).toContain(`events[${last}].version`);
    expect(await ctx.countFindings(store, driver, 'org-a')).toBe(0);
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(0);
    expect(await store.organisation('org-a')).toBeUndefined();
  });

  it('adds to the organisation, people and inspections it holds, never replacing or emptying them', async () => {
    const { store } = await ctx.open();
    await store.importBundle(bundle);
    const [org, people, inspection] = [await store.organisation('org-a'), await store.people('org-a'), await store.inspection({ organisationId: 'org-a', inspectionId: 'ins-a' })];
    expect(org!.units.length).toBeGreaterThan(1);
    // What a ledger or notice read later says of the same organisation: a placeholder
    // name, one new unit, the importer as a coordinator under a known id, the inspection bare.
    const person = people.find((p) => p.roles.includes('leader_in_charge'))!;
    await store.importBundle({
      format: 'rectify.bundle', version: 1,
      organisations: [{ id: 'org-a', name: '被巡察单位', units: [{ id: 'u-new', name: '新设股室' }] }],
      people: [{ tenantId: 'org-a', person: { id: person.id, name: '导入人', organisationId: 'org-a', roles: ['coordinator'] } }],
      inspections: [{ ...inspection!, title: '另一标题', categories: [] }],
    });
    const after = await store.organisation('org-a');
    expect(after).toEqual({ ...org, units: [...org!.units, { id: 'u-new', name: '新设股室' }] });
    const kept = (await store.people('org-a')).find((p) => p.id === person.id);
    expect(kept).toEqual({ ...person, roles: [...person.roles, 'coordinator'] });
    expect((await store.people('org-a')).length).toBe(people.length);
    expect(await store.inspection({ organisationId: 'org-a', inspectionId: 'ins-a' })).toEqual(inspection);
  });

  it('changes nothing when the same bundle comes again, and refuses a finding it holds with another history', async () => {
    const { store, driver } = await ctx.open();
    await store.importBundle(bundle);
    const events = await ctx.countEvents(store, driver, 'org-a');
    expect(await store.importBundle(bundle)).toMatchObject({ findings: 0, events: 0, unchanged: 300 });
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(events);
    // One finding's history one event shorter: not the same, so the bundle is refused whole.
    const last = bundle.events.findLastIndex((e) => e.findingId === 'org-a-f000');
    const other = { ...bundle, events: bundle.events.filter((_, i) => i !== last) };
    const error = await store.importBundle(other).then(() => undefined, (e: unknown) => e);
    expect(isRectifyError(error, 'validation')).toBe(true);
    expect((error as Error).message).toContain('Finding org-a-f000 already exists in the store, with another history');
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(events);
  });
}

/** Concurrent writers: no lost update, every loser told with a conflict. */
export function concurrencySuite(ctx: SuiteContext): void {
  it('lets exactly one of many writers with the same expected version win', async () => {
    const { store, driver } = await ctx.open();
    const other = await openStore(await ctx.options.connectAgain!(driver)); // the suite is skipped without it
    await buildWorld(store, 3);
    const id = 'org-a-f000';
    const version = (await store.finding({ organisationId: 'org-a' }, id))!.version;
    const attempts = Array.from({ length: 24 }, (_, i) =>
      (i % 2 ? other : store).apply({ organisationId: 'org-a', type: 'supervise', kind: 'urge', note: `督办${i}`, commandId: `race-${i}`, findingId: id, actorId: 'org-a-coord', at: '2030-01-01T00:00:00Z', expectedVersion: version }),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) expect(r.reason).toMatchObject({ code: 'concurrency.conflict', retryable: true });
    expect((await store.finding({ organisationId: 'org-a' }, id))!.version).toBe(version + 1);
    await other.close();
  });

  it('applies every one of many concurrent writes without an expected version, losing none', async () => {
    const { store, driver } = await ctx.open();
    const other = await openStore(await ctx.options.connectAgain!(driver)); // the suite is skipped without it
    await buildWorld(store, 3);
    const before = await ctx.countEvents(store, driver, 'org-a');
    const ids = ['org-a-f000', 'org-a-f001', 'org-a-f002'];
    const attempts = Array.from({ length: 30 }, (_, i) =>
      (i % 2 ? other : store).apply({ organisationId: 'org-a', type: 'supervise', kind: 'urge', note: `督办${i}`, commandId: `all-${i}`, findingId: ids[i % 3], actorId: 'org-a-coord', at: '2030-01-01T00:00:00Z' }),
    );
    const results = await Promise.allSettled(attempts);
    // A writer may still lose a race on a brand-new version (a typed, retryable conflict): retry those.
    for (const [i, r] of results.entries()) {
      if (r.status === 'rejected') {
        expect(r.reason).toMatchObject({ code: 'concurrency.conflict' });
        await store.apply({ organisationId: 'org-a', type: 'supervise', kind: 'urge', note: `督办${i}`, commandId: `all-${i}`, findingId: ids[i % 3], actorId: 'org-a-coord', at: '2030-01-01T00:00:00Z' });
      }
    }
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(before + 30);
    for (const id of ids) {
      const s = (await store.finding({ organisationId: 'org-a' }, id))!;
      expect(s.supervisions.filter((x) => x.note.startsWith('督办'))).toHaveLength(10);
      expect(replay(await store.history({ organisationId: 'org-a' }, id))).toEqual(s);
    }
    await other.close();
  });

  it('numbers concurrent publications one after another, storing every one it acknowledges', async () => {
    const { store, driver } = await ctx.open();
    const other = await openStore(await ctx.options.connectAgain!(driver)); // the suite is skipped without it
    await buildWorld(store, 1);
    const scope = { organisationId: 'org-a', inspectionId: 'ins-a' };
    const attempts = Array.from({ length: 16 }, (_, i) =>
      (i % 2 ? other : store).publish({ ...scope, format: 'notice', text: `通报第${i}稿`, publishedAt: '2030-01-01T00:00:00Z', publishedBy: 'org-a-coord' }),
    );
    const acknowledged = (await Promise.allSettled(attempts)).flatMap((r) => (r.status === 'fulfilled' ? [r.value.version] : []));
    const stored = (await store.publications(scope, 'notice')).map((v) => v.version).sort((a, b) => a - b);
    // Every acknowledged version is stored, under its own number: none written over another.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect([...acknowledged].sort((a, b) => a - b)).toEqual(stored);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    await other.close();
  });
}

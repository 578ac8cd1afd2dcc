import { expect, it } from 'vitest';
import { isRectifyError, replay, SCHEMA_VERSION, openStore, type Store } from '@rectify/core';
import { buildWorld, instant } from '../world.js';
import type { SuiteContext } from './context.js';

async function tenant(store: Store, id = 'org-a') {
  await store.saveOrganisation({ id, name: '湘桥区司法局党组', units: [{ id: 'u-law', name: '法治股' }] });
  await store.savePeople(id, [
    { id: 'clerk', name: '政工室', organisationId: id, roles: ['coordinator'] },
    { id: 'viewer', name: '查看', organisationId: id, roles: ['observer'] },
  ]);
  await store.saveInspection({ id: `ins-${id}`, kind: 'xuncha', title: '巡察', inspector: { name: '区委第一巡察组' }, subjectOrganisationId: id });
}

const create = (findingId: string, commandId: string, actorId = 'clerk', inspectionId = 'ins-org-a') => ({
  organisationId: 'org-a', type: 'create', commandId, findingId, actorId, at: instant(1),
  finding: { inspectionId, ordinal: 1, title: '问题' }, measures: [{ id: 'm1', ordinal: 1, text: '措施' }],
});

async function rejection(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (isRectifyError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Organisations, people, inspections and published versions are stored as given and read back equal. */
export function recordsSuite(ctx: SuiteContext): void {
  it('stores and reads back organisations, people and inspections exactly', async () => {
    const { store } = await ctx.open();
    await tenant(store);
    expect(await store.organisation('org-a')).toEqual({ id: 'org-a', name: '湘桥区司法局党组', units: [{ id: 'u-law', name: '法治股' }] });
    expect((await store.people('org-a')).map((p) => p.id)).toEqual(['clerk', 'viewer']);
    const ins = await store.inspection({ organisationId: 'org-a', inspectionId: 'ins-org-a' });
    expect(ins?.workflow.approvalChain.map((s) => s.id)).toEqual(['preliminary', 'final']);
    expect(await store.organisation('org-x')).toBeUndefined();
  });

  it('refuses people or an inspection of an organisation it does not hold, and keeps inspection ids per organisation', async () => {
    const { store } = await ctx.open();
    expect((await rejection(store.savePeople('org-x', []))).code).toBe('not_found');
    expect((await rejection(store.saveInspection({ id: 'i', kind: 'xuncha', title: 't', inspector: { name: 'n' }, subjectOrganisationId: 'org-x' }))).code).toBe('not_found');
    await tenant(store, 'org-a');
    await tenant(store, 'org-b');
    // Inspection ids are each organisation's own: org-b's ins-org-a is another inspection.
    await store.saveInspection({ id: 'ins-org-a', kind: 'xuncha', title: '另一单位的同号巡察', inspector: { name: 'n' }, subjectOrganisationId: 'org-b' });
    expect((await store.inspection({ organisationId: 'org-b', inspectionId: 'ins-org-a' }))?.title).toBe('另一单位的同号巡察');
    expect((await store.inspection({ organisationId: 'org-a', inspectionId: 'ins-org-a' }))?.title).toBe('巡察');
  });

  publicationsTest(ctx);

  it('keeps supervision of units as a whole per round, by the policy, once per id, and carries it in a bundle', async () => {
    const { store } = await ctx.open();
    await tenant(store, 'org-a');
    await tenant(store, 'org-b');
    const base = { organisationId: 'org-a', inspectionId: 'ins-org-a', kind: 'interview' as const, actorId: 'clerk', targetUnitIds: ['u-law'], note: '约谈分管领导' };
    const first = await store.recordSupervision({ ...base, id: 's1', on: '2023-09-15' });
    expect(await store.recordSupervision({ ...base, id: 's1', on: '2023-09-15' })).toEqual(first);
    await store.recordSupervision({ ...base, id: 's0', on: '2023-09-01', targetUnitIds: [], targetPersonIds: ['viewer'] });
    expect((await store.supervisions({ organisationId: 'org-a', inspectionId: 'ins-org-a' })).map((x) => x.id)).toEqual(['s0', 's1']);
    expect(await store.supervisions({ organisationId: 'org-b', inspectionId: 'ins-org-b' })).toEqual([]);
    expect((await rejection(store.recordSupervision({ ...base, id: 's1', on: '2023-09-16' }))).code).toBe('validation');
    expect((await rejection(store.recordSupervision({ ...base, id: 's2', on: '2023-09-16', actorId: 'viewer' }))).code).toBe('permission.denied');
    expect((await rejection(store.recordSupervision({ ...base, id: 's3', on: '2023-09-16', targetUnitIds: ['u-none'] }))).code).toBe('validation');
    expect((await rejection(store.recordSupervision({ ...base, id: 's4', on: '2023-09-16', targetUnitIds: [] }))).code).toBe('validation');
    expect((await rejection(store.recordSupervision({ ...base, id: 's5', on: '2023-09-16', organisationId: 'org-b', inspectionId: 'ins-org-a' }))).code).toBe('not_found');
    const bundle = await store.exportBundle({ organisationId: 'org-a' });
    expect(bundle.supervisions.map((x) => x.id)).toEqual(['s0', 's1']);
    const { store: copy } = await ctx.open();
    await copy.importBundle(JSON.parse(JSON.stringify(bundle)));
    expect(await copy.supervisions({ organisationId: 'org-a', inspectionId: 'ins-org-a' })).toEqual(await store.supervisions({ organisationId: 'org-a', inspectionId: 'ins-org-a' }));
    const { store: strict } = await ctx.open();
    const forged = { ...bundle, supervisions: [{ ...bundle.supervisions[0]!, actorId: 'viewer' }] };
    expect((await rejection(strict.importBundle(forged))).code).toBe('validation');
    expect(await strict.organisations()).toEqual([]);
  });
}

/** Published notices are kept as numbered versions, per inspection and format, never mixed across tenants. */
function publicationsTest(ctx: SuiteContext): void {
  it('keeps every published version of a notice, numbered, and the inspections of an organisation', async () => {
    const { store } = await ctx.open();
    await tenant(store, 'org-a');
    await tenant(store, 'org-b');
    await store.saveInspection({ id: 'ins-2', kind: 'audit', title: '审计', inspector: { name: '审计局' }, subjectOrganisationId: 'org-a' });
    expect((await store.inspections('org-a')).map((i) => [i.id, i.kind])).toEqual([['ins-2', 'audit'], ['ins-org-a', 'xuncha']]);
    const scope = { organisationId: 'org-a', inspectionId: 'ins-org-a' };
    const base = { ...scope, format: 'notice', publishedBy: 'clerk' };
    const v1 = await store.publish({ ...base, text: '通报\n整改进度：正在推进。', publishedAt: instant(1), redacted: { name: 2 } });
    const again = await store.publish({ ...base, text: '通报\n整改进度：正在推进。', publishedAt: instant(2) });
    const v2 = await store.publish({ ...base, text: '通报\n整改进度：已完成。', publishedAt: instant(3), note: '第二次通报' });
    await store.publish({ ...base, format: 'md', text: '# 通报', publishedAt: instant(4) });
    await store.publish({ ...base, organisationId: 'org-b', inspectionId: 'ins-org-b', text: '别的单位', publishedAt: instant(5) });
    expect([v1.version, again.version, v2.version]).toEqual([1, 1, 2]);
    expect(again).toEqual(v1);
    const notices = await store.publications(scope, 'notice');
    expect(notices.map((v) => [v.version, v.text, v.publishedAt, v.redacted, v.note])).toEqual([
      [1, '通报\n整改进度：正在推进。', instant(1), { name: 2 }, undefined],
      [2, '通报\n整改进度：已完成。', instant(3), {}, '第二次通报'],
    ]);
    expect((await store.publications(scope)).map((v) => `${v.format}${v.version}`)).toEqual(['notice1', 'notice2', 'md1']);
    // A version stamped before the latest is refused: it would rewrite what was public when.
    expect((await rejection(store.publish({ ...base, text: '更正', publishedAt: instant(0) }))).message).toContain('is before version 2');
    expect((await store.publish({ ...base, text: '更正', publishedAt: instant(7) })).version).toBe(3);
    // Only the coordinating office or the principal leader publishes; someone unknown, nobody.
    expect((await rejection(store.publish({ ...base, publishedBy: 'viewer', text: '另一稿', publishedAt: instant(8) }))).code).toBe('permission.denied');
    expect((await rejection(store.publish({ ...base, publishedBy: 'stranger', text: '另一稿', publishedAt: instant(8) }))).message).toContain('stranger is not a person of organisation org-a');
    expect((await store.publications({ organisationId: 'org-b', inspectionId: 'ins-org-b' })).map((v) => v.text)).toEqual(['别的单位']);
    expect((await rejection(store.publish({ ...base, inspectionId: 'ins-nope', text: 'x', publishedAt: instant(6) }))).code).toBe('not_found');
    expect((await rejection(store.publish({ ...base, format: 'No Such', text: 'x', publishedAt: instant(6) }))).message).toContain('format: Lower-case letters');
    expect((await rejection(store.publish({ ...base, text: 'x\u0000', publishedAt: instant(6) }))).code).toBe('validation');
    expect(await store.publications(scope, 'notice')).toHaveLength(3);
  });
}

/** Commands are applied atomically; a refused one writes nothing. */
export function commandsSuite(ctx: SuiteContext): void {
  it('applies a command and keeps the state its events replay to', async () => {
    const { store } = await ctx.open();
    await tenant(store);
    const applied = await store.apply(create('f1', 'c1'));
    expect(applied).toMatchObject({ duplicate: false, event: { type: 'created', version: 1 }, state: { status: 'not_started' } });
    const scope = { organisationId: 'org-a' };
    expect(await store.finding(scope, 'f1')).toEqual(applied.state);
    expect(replay(await store.history(scope, 'f1'))).toEqual(await store.finding(scope, 'f1'));
  });

  it('writes nothing for a refused command: bad input, unknown actor, forbidden role, broken rule', async () => {
    const { store, driver } = await ctx.open();
    await tenant(store);
    await store.apply(create('f1', 'c1'));
    const before = await ctx.countEvents(store, driver, 'org-a');
    expect((await rejection(store.apply({ ...create('f2', 'c2'), at: 'yesterday' }))).code).toBe('validation');
    expect((await rejection(store.apply(create('f3', 'c3', 'nobody')))).code).toBe('permission.denied');
    expect((await rejection(store.apply(create('f4', 'c4', 'viewer')))).code).toBe('permission.denied');
    expect((await rejection(store.apply({ organisationId: 'org-a', type: 'start', commandId: 'c5', findingId: 'f1', actorId: 'clerk', at: instant(2) }))).code).toBe('rule.unmet');
    expect((await rejection(store.apply(create('f6', 'c6', 'clerk', 'ins-unknown')))).code).toBe('not_found');
    expect((await rejection(store.apply({ organisationId: 'org-a', type: 'start', commandId: 'c7', findingId: 'f-none', actorId: 'clerk', at: instant(2) }))).code).toBe('not_found');
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(before);
    expect(await ctx.countFindings(store, driver, 'org-a')).toBe(1);
  });

  it('applies a batch of commands all together, or none of them when one is refused (counted by raw reads)', async () => {
    const { store, driver } = await ctx.open();
    await tenant(store);
    const urge = (n: number) => ({ organisationId: 'org-a', type: 'supervise', kind: 'urge', note: `督办${n}`, commandId: `b${n}`, findingId: 'f1', actorId: 'clerk', at: instant(2 + n) });
    const applied = await store.applyAll([create('f1', 'c1'), urge(1), urge(2)]);
    expect(applied.map((a) => a.event.version)).toEqual([1, 2, 3]);
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(3);
    // The third is refused (a sign-off from not started): the two before it are rolled back with it.
    const refused = await store.applyAll([urge(3), urge(4), { organisationId: 'org-a', type: 'sign_off', commandId: 'b5', findingId: 'f1', actorId: 'clerk', at: instant(8) }]).then(() => undefined, (e: unknown) => e);
    expect(refused).toMatchObject({ details: expect.objectContaining({ index: 2, commandId: 'b5' }) });
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(3);
    expect((await store.finding({ organisationId: 'org-a' }, 'f1'))!.version).toBe(3);
  });

  it('refuses a stale expected version with a conflict, writing nothing', async () => {
    const { store, driver } = await ctx.open();
    await tenant(store);
    await store.apply(create('f1', 'c1'));
    const e = await rejection(store.apply({ organisationId: 'org-a', type: 'supervise', kind: 'urge', note: '督办', commandId: 'c2', findingId: 'f1', actorId: 'clerk', at: instant(2), expectedVersion: 0 }));
    expect(e.code).toBe('concurrency.conflict');
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(1);
  });
}

/** A command id is applied once; a retry returns the first result. */
export function idempotencySuite(ctx: SuiteContext): void {
  it('applies the same command id once and returns the first result again', async () => {
    const { store, driver } = await ctx.open();
    await tenant(store);
    const first = await store.apply(create('f1', 'c1'));
    const urge = { organisationId: 'org-a', type: 'supervise', kind: 'urge', note: '督办', commandId: 'c2', findingId: 'f1', actorId: 'clerk', at: instant(2) };
    const applied = await store.apply(urge);
    const again = await store.apply(urge);
    expect(again.duplicate).toBe(true);
    expect(again.event).toEqual(applied.event);
    expect(again.state).toEqual(applied.state);
    expect((await store.apply(create('f1', 'c1'))).state).toEqual(first.state);
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(2);
  });

  it('refuses a command id reused for another finding', async () => {
    const { store } = await ctx.open();
    await tenant(store);
    await store.apply(create('f1', 'c1'));
    expect((await rejection(store.apply(create('f2', 'c1')))).code).toBe('validation');
  });
}

/** Schemas are versioned: a new store is migrated, a newer one is refused. */
export function migrationsSuite(ctx: SuiteContext): void {
  it('migrates an empty store to the current version, and opening again changes nothing', async () => {
    const { store, driver } = await ctx.open();
    expect(await driver.schemaVersion()).toBe(SCHEMA_VERSION);
    await buildWorld(store, 4);
    const before = { bundle: await store.exportBundle(), events: await ctx.countEvents(store, driver, 'org-a'), findings: await ctx.countFindings(store, driver, 'org-a'), verified: await store.verify('org-a') };
    const again = await openStore(driver);
    // Everything as it was: the schema version, every record and event, the raw counts, the chain.
    expect(await driver.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await again.exportBundle()).toEqual(before.bundle);
    expect(await ctx.countEvents(again, driver, 'org-a')).toBe(before.events);
    expect(await ctx.countFindings(again, driver, 'org-a')).toBe(before.findings);
    expect(await again.verify('org-a')).toEqual(before.verified);
  });

  it('refuses a store whose schema is newer than the library', async () => {
    const { driver } = await ctx.open();
    if (!ctx.options.setSchemaVersion) throw new Error('the migrations suite needs setSchemaVersion (or a skip with a reason)');
    await ctx.options.setSchemaVersion(driver, SCHEMA_VERSION + 1);
    expect((await rejection(openStore(driver))).code).toBe('storage.schema_newer');
  });
}

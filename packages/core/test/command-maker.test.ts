import { describe, expect, expectTypeOf, it } from 'vitest';
import { commandMaker, instantAt, memoryDriver, openStore, type CommandDraft } from '../src/index.js';
import { PEOPLE, testInspection, UNITS } from './harness.js';

describe('commandMaker', () => {
  it('stamps drafts with the organisation, the actor, a fresh id and the time at the organisation\'s offset, for the store to apply', async () => {
    const store = await openStore(memoryDriver());
    await store.saveOrganisation({ id: 'org', name: '测试单位', units: UNITS.map((u) => ({ ...u, name: u.id })) });
    await store.savePeople('org', PEOPLE.filter((p) => p.organisationId === 'org'));
    await store.saveInspection(testInspection());
    let n = 0;
    let clock = new Date('2023-08-30T01:00:00Z');
    const make = commandMaker({ organisationId: 'org', actorId: 'p-coord', utcOffset: '+08:00', now: () => clock, newId: () => `id-${++n}` });
    const create = make({ type: 'create', findingId: 'f-1', finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' } });
    expect(create).toMatchObject({ organisationId: 'org', actorId: 'p-coord', commandId: 'id-1', at: '2023-08-30T09:00:00+08:00' });
    expect((await store.apply(create)).state.finding.title).toBe('问题');
    clock = new Date('2023-08-30T02:00:00Z');
    const urge = make({ type: 'supervise', findingId: 'f-1', kind: 'urge', note: '督办' });
    expect(urge.commandId).toBe('id-2');
    expect((await store.apply(urge)).state.version).toBe(2);
    // A retry reuses the command it was given: applied once.
    expect((await store.apply(urge)).duplicate).toBe(true);
  });

  it('keeps each command type\'s own fields (Omit over the union, not of it)', () => {
    expectTypeOf<Extract<CommandDraft, { type: 'record_progress' }>>().toHaveProperty('text');
    expectTypeOf<Extract<CommandDraft, { type: 'assign' }>>().toHaveProperty('assignment');
    expectTypeOf<Extract<CommandDraft, { type: 'record_progress' }>>().not.toHaveProperty('commandId');
    // @ts-expect-error a progress entry without its text is not a draft
    const missing: CommandDraft = { type: 'record_progress', findingId: 'f-1' };
    expect(missing.type).toBe('record_progress');
  });

  it('writes instants at an offset, west of Greenwich too', () => {
    expect(instantAt(new Date('2024-04-17T01:30:00Z'), '+08:00')).toBe('2024-04-17T09:30:00+08:00');
    expect(instantAt(new Date('2024-04-17T01:30:00Z'), '-05:00')).toBe('2024-04-16T20:30:00-05:00');
    expect(instantAt(new Date('2024-04-17T01:30:00Z'), '+05:45')).toBe('2024-04-17T07:15:00+05:45');
  });
});

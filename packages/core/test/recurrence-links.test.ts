import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore, type Store } from '../src/index.js';
import { PEOPLE, testInspection, UNITS } from './harness.js';

async function storeWithOrg(): Promise<Store> {
  const store = await openStore(memoryDriver());
  for (const org of ['org', 'org-2']) {
    await store.saveOrganisation({ id: org, name: org, units: UNITS.map((u) => ({ ...u, name: u.id })) });
    await store.savePeople(org, PEOPLE.filter((p) => p.organisationId === 'org').map((p) => ({ ...p, id: org === 'org' ? p.id : `${p.id}-2`, organisationId: org })));
  }
  await store.saveInspection(testInspection());
  await store.saveInspection(testInspection({ id: 'ins-2', subjectOrganisationId: 'org-2' }));
  return store;
}

const create = (findingId: string, relatedFindingIds: string[], inspectionId = 'ins-1', actorId = 'p-coord') => ({
  organisationId: inspectionId === 'ins-2' ? 'org-2' : 'org', type: 'create', commandId: `c-${findingId}`, findingId, actorId, at: '2023-08-30T09:00:00+08:00',
  finding: { inspectionId, ordinal: 1, title: '问题', relatedFindingIds },
});

describe('links to earlier findings (屡查屡犯)', () => {
  it('accepts a link to a finding of the same organisation', async () => {
    const store = await storeWithOrg();
    await store.apply(create('f-1', []));
    expect((await store.apply(create('f-2', ['f-1']))).state.finding.relatedFindingIds).toEqual(['f-1']);
  });

  it('refuses a link to a finding the store does not hold, of another organisation, or to itself, writing nothing', async () => {
    const store = await storeWithOrg();
    await store.apply(create('g-1', [], 'ins-2', 'p-coord-2'));
    for (const [id, related, message] of [
      ['f-2', ['f-nowhere'], 'No finding f-nowhere in organisation org'],
      ['f-3', ['g-1'], 'No finding g-1 in organisation org'],
      ['f-4', ['f-4'], 'Finding f-4 is linked to itself'],
    ] as const) {
      await expect(store.apply(create(id, [...related]))).rejects.toMatchObject({ issues: [{ path: 'finding.relatedFindingIds[0]', message: expect.stringContaining(message) }] });
      expect(await store.finding({ organisationId: 'org' }, id)).toBeUndefined();
    }
  });

  it('refuses an imported finding linked to one neither the store nor the bundle holds', async () => {
    const store = await storeWithOrg();
    await store.apply(create('f-1', []));
    await store.apply(create('f-2', ['f-1']));
    const bundle = await store.exportBundle({ organisationId: 'org' });
    const fresh = await openStore(memoryDriver());
    // The bundle holds both: the link resolves within it.
    expect((await fresh.importBundle(bundle)).findings).toBe(2);
    const alone = { ...bundle, events: bundle.events.filter((e) => e.findingId === 'f-2') };
    const other = await openStore(memoryDriver());
    await expect(other.importBundle(alone)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'events[0].payload.finding.relatedFindingIds[0]', message: expect.stringContaining('No finding f-1') })] });
  });
});

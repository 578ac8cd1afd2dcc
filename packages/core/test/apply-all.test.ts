import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore, type StorageDriver } from '../src/index.js';
import { PEOPLE, testInspection, UNITS } from './harness.js';

/** A memory driver that counts its transactions. */
function counted(): StorageDriver & { transactions: number } {
  const inner = memoryDriver();
  const driver = { ...inner, transactions: 0, transaction: <T>(work: Parameters<StorageDriver['transaction']>[0]) => { driver.transactions += 1; return inner.transaction(work) as Promise<T>; } };
  return driver as StorageDriver & { transactions: number };
}

const at = (h: number) => `2023-09-01T${String(h).padStart(2, '0')}:00:00+08:00`;
const cmd = (n: number, type: string, extra: Record<string, unknown> = {}) => ({ organisationId: 'org', type, commandId: `c-${n}`, findingId: 'f-1', actorId: 'p-coord', at: at(n), ...extra });

describe('applyAll', () => {
  it('applies several commands in one transaction, each seeing the ones before it', async () => {
    const driver = counted();
    const store = await openStore(driver);
    await store.saveOrganisation({ id: 'org', name: '测试单位', units: UNITS.map((u) => ({ ...u, name: u.id })) });
    await store.savePeople('org', PEOPLE.filter((p) => p.organisationId === 'org'));
    await store.saveInspection(testInspection());
    const before = driver.transactions;
    const applied = await store.applyAll([
      cmd(1, 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' }, measures: [{ id: 'm1', ordinal: 1, text: '措施' }] }),
      cmd(2, 'assign', { assignment: { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', responsiblePersonId: 'p-resp', deadline: '2023-11-30' } }),
      cmd(3, 'start'),
      cmd(4, 'record_progress', { text: '推进' }),
    ]);
    expect(driver.transactions - before).toBe(1);
    expect(applied.map((a) => a.event.version)).toEqual([1, 2, 3, 4]);
    expect(applied[3]!.state.progress.map((p) => p.text)).toEqual(['推进']);
  });

  it('writes none of them when one is refused, and names which', async () => {
    const store = await openStore(memoryDriver());
    await store.saveOrganisation({ id: 'org', name: '测试单位', units: UNITS.map((u) => ({ ...u, name: u.id })) });
    await store.savePeople('org', PEOPLE.filter((p) => p.organisationId === 'org'));
    await store.saveInspection(testInspection());
    await expect(store.applyAll([
      cmd(1, 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' } }),
      cmd(2, 'sign_off'),
    ])).rejects.toMatchObject({ details: expect.objectContaining({ index: 1, commandId: 'c-2' }) });
    expect(await store.finding({ organisationId: 'org' }, 'f-1')).toBeUndefined();
    // A malformed command is refused before any transaction, naming its place.
    await expect(store.applyAll([cmd(1, 'start'), { type: 'start' }])).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: 'commandId' })]) });
  });
});

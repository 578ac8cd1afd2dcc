import { describe, expect, it } from 'vitest';
import { chainHistories, memoryDriver, openStore, ValidationError, type Bundle } from '@rectify/core';
import { buildSeedStore, SEED_SCOPE } from '../src/history.js';

/** The seed's history as a bundle, as `rectify` exports it to move a store. */
async function seedBundle(): Promise<Bundle> {
  const store = await openStore(memoryDriver());
  await buildSeedStore(store);
  const bundle = await store.exportBundle({ organisationId: SEED_SCOPE.organisationId });
  await store.close();
  return bundle;
}

describe('the seed moved between stores as a bundle', () => {
  it('imports untouched, and is refused with two approvals taken out (its findings would read 已销号 without the review chain)', async () => {
    const bundle = await seedBundle();
    const fresh = await openStore(memoryDriver());
    expect((await fresh.importBundle(bundle)).events).toBe(bundle.events.length);
    expect((await fresh.verify(SEED_SCOPE.organisationId)).mismatches).toEqual([]);

    // The two approvals of the first signed-off finding removed, its later events renumbered.
    const signedOff = bundle.events.find((e) => e.type === 'signed_off')!.findingId;
    const approvals = bundle.events.filter((e) => e.findingId === signedOff && e.type === 'approved');
    expect(approvals).toHaveLength(2);
    let version = 0;
    const events = bundle.events.filter((e) => !approvals.includes(e)).map((e) => (e.findingId === signedOff ? { ...e, version: ++version } : e));
    const other = await openStore(memoryDriver());
    // Chained again, as a forger who knows how the hashes are made would: the rules must catch it.
    const error = await other.importBundle({ ...bundle, events: chainHistories(events) }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const [issue] = (error as ValidationError).issues;
    expect(issue!.path).toBe(`events[${events.findIndex((e) => e.findingId === signedOff && e.type === 'signed_off')}]`);
    expect(issue!.message).toMatch(new RegExp(`^finding ${signedOff}, event \\d+ \\(signed_off by [^)]+\\): .*\\[approvals\\.complete\\]`, 's'));
    expect(await other.exportBundle()).toMatchObject({ events: [], inspections: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore, type StorageDriver } from '@rectify/core';
import { buildWorld } from '../src/index.js';

/** A driver that counts nothing itself: no `rollupCounts`, no `listAllRecords`. */
function plain(driver: StorageDriver): StorageDriver {
  return {
    ...driver,
    transaction: (work, options) =>
      driver.transaction((tx) => {
        const { rollupCounts: _counts, listAllRecords: _records, ...rest } = tx;
        return work(rest);
      }, options),
  };
}

describe('a roll-up without the driver counting', () => {
  it('gives what a counting driver gives, from each organisation\'s events replayed, as of any day', async () => {
    const counting = await openStore(memoryDriver());
    const replaying = await openStore(plain(memoryDriver()));
    await buildWorld(counting, 12);
    await buildWorld(replaying, 12);
    for (const asOf of ['2023-09-02', '2023-12-01']) {
      const expected = await counting.rollup({ asOf });
      expect(expected.organisations).toHaveLength(2);
      expect(await replaying.rollup({ asOf })).toEqual(expected);
      expect(await replaying.rollup({ asOf, organisations: ['org-b'] })).toEqual(await counting.rollup({ asOf, organisations: ['org-b'] }));
    }
    await expect(counting.rollup({ asOf: '2023-13-01' })).rejects.toMatchObject({ code: 'validation' });
  });
});

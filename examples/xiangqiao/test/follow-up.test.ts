import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryDriver, openStore, type Store } from '@rectify/core';
import { buildSeedStore, SEED_SCOPE } from '../src/history.js';
import { publishNotice, remindersFor, workingDayDeadline } from '../src/follow-up.js';

const seed = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'seed-notice.txt'), 'utf8');

describe('after the seed notice', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(memoryDriver());
    await buildSeedStore(store);
  });

  it('sets a deadline in working days over 中秋国庆 2023', () => {
    // From Wednesday 27 September: the 28th, then nothing until the two weekend days worked (7–8 October).
    expect(workingDayDeadline('2023-09-27', 15)).toBe('2023-10-24');
    expect(workingDayDeadline('2023-08-17', 15)).toBe('2023-09-07');
  });

  it('lists a leader’s reminders and writes them as a calendar feed', async () => {
    const { items, ics } = await remindersFor(store, 'p-fg-fz', '2023-11-10', '2023-11-10T09:00:00+08:00');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.personIds.includes('p-fg-fz'))).toBe(true);
    expect(items.filter((r) => r.kind === 'finding_deadline').map((r) => r.dueOn)).toContain('2023-11-17');
    expect(ics.split('BEGIN:VEVENT').length - 1).toBe(items.length);
  });

  it('publishes the notice masked, as version 1, then a corrected version 2 with what changed', async () => {
    const first = await publishNotice(store, seed, '2024-04-17T10:00:00+08:00', 'p-zg');
    expect(first.version.version).toBe(1);
    // The seed names no one and shows only its declared contacts: nothing to mask.
    expect(first.version.redacted).toEqual({});
    expect(first.version.text).toBe(seed);
    const corrected = seed.replace('（电话：0768-2209224；', '（电话：0768-2209224，经办人林副局长13812345678；');
    const second = await publishNotice(store, corrected, '2024-04-18T10:00:00+08:00', 'p-zg');
    expect(second.version.version).toBe(2);
    // 林副局长 was interviewed (约谈) in the seed's history: masked, with the private number.
    expect(second.version.redacted).toEqual({ name: 1, phone: 1 });
    expect(second.changes.map((c) => c.kind)).toEqual(['removed', 'added']);
    expect(second.changes[1]!.text).toContain('经办人林＊＊＊138****5678');
    expect((await store.publications(SEED_SCOPE)).map((v) => v.version)).toEqual([1, 2]);
  });
});

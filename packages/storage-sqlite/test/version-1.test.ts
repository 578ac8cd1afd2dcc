import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '@rectify/core';
import { sqliteDriver } from '../src/index.js';
import { tempDir } from './helpers.js';

// fixtures/store-v1.db was written on 7 December 2026 by the code of that day (schema
// version 1): buildWorld(store, 6) of @rectify/testing, two organisations of six findings.
// Whatever the schema becomes, a store of that day must open, read and verify. A schema
// change that migrates it is tested against this very file.
const FIXTURE = join(import.meta.dirname, 'fixtures', 'store-v1.db');

describe('a store written by schema version 1', () => {
  it('opens, reads and verifies with no mismatch and no break', async () => {
    const filename = join(tempDir(), 'v1.db');
    copyFileSync(FIXTURE, filename);
    const store = await openStore(sqliteDriver({ filename }));
    try {
      expect((await store.organisations()).map((o) => o.id)).toEqual(['org-a', 'org-b']);
      for (const organisationId of ['org-a', 'org-b']) {
        const report = await store.verify(organisationId);
        expect(report).toMatchObject({ findings: 6, mismatches: [], breaks: [] });
        expect(report.events).toBeGreaterThan(6);
        const events = await store.events({ organisationId });
        expect(events).toHaveLength(report.events);
        expect(events.every((e) => typeof e.hash === 'string')).toBe(true);
      }
      expect((await store.totals({ organisationId: 'org-a' })).total).toBe(6);
    } finally {
      await store.close();
    }
  });
});

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openStore, SCHEMA_VERSION } from '@rectify/core';
import { sqliteDriver } from '../src/index.js';
import { tempDir } from './helpers.js';

// fixtures/store-v1.db was written on 7 December 2026 by the code of that day (schema
// version 1): buildWorld(store, 6) of @rectify/testing, two organisations of six findings.
// Whatever the schema becomes, a store of that day must open, migrate, read and verify.
const FIXTURE = join(import.meta.dirname, 'fixtures', 'store-v1.db');

describe('a store written by schema version 1', () => {
  it('migrates to the current version: opens, reads and verifies with no mismatch and no break, its keys starting with the tenant', async () => {
    const filename = join(tempDir(), 'v1.db');
    copyFileSync(FIXTURE, filename);
    const before = new Database(filename, { readonly: true });
    const counts = (db: Database.Database) => Object.fromEntries(['records', 'findings', 'events', 'commands'].map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM rectify_${t}`).get() as { n: number }).n]));
    const was = counts(before);
    expect((before.prepare("SELECT value FROM rectify_meta WHERE key = 'schema_version'").get() as { value: string }).value).toBe('1');
    before.close();
    const store = await openStore(sqliteDriver({ filename }));
    try {
      const after = new Database(filename, { readonly: true });
      expect((after.prepare("SELECT value FROM rectify_meta WHERE key = 'schema_version'").get() as { value: string }).value).toBe(String(SCHEMA_VERSION));
      expect(counts(after)).toEqual(was);
      const key = (table: string) => (after.prepare(`PRAGMA table_info(rectify_${table})`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      expect(key('findings')).toEqual(['tenant_id', 'finding_id']);
      expect(key('events')).toEqual(['tenant_id', 'finding_id', 'version']);
      expect(key('commands')).toEqual(['tenant_id', 'command_id']);
      expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'rectify_inspections'").get()).toBeUndefined();
      after.close();
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

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { findingRow, openStore, rollup, SCHEMA_VERSION, type RollupInput } from '@rectify/core';
import { sqliteDriver } from '../src/index.js';
import { tempDir } from './helpers.js';

// fixtures/store-v2.db was written on 7 December 2026 by the code of that day (schema
// version 2, before the roll-up columns): buildWorld(store, 6) of @rectify/testing.
const FIXTURE = join(import.meta.dirname, 'fixtures', 'store-v2.db');

describe('a store written by schema version 2', () => {
  it('migrates to version 3 and on: the roll-up columns filled from every state, verified, rolled up as the core does; files kept', async () => {
    const filename = join(tempDir(), 'v2.db');
    copyFileSync(FIXTURE, filename);
    const before = new Database(filename, { readonly: true });
    expect((before.prepare("SELECT value FROM rectify_meta WHERE key = 'schema_version'").get() as { value: string }).value).toBe('2');
    before.close();
    const store = await openStore(sqliteDriver({ filename }));
    try {
      const after = new Database(filename, { readonly: true });
      expect((after.prepare("SELECT value FROM rectify_meta WHERE key = 'schema_version'").get() as { value: string }).value).toBe(String(SCHEMA_VERSION));
      const columns = after.prepare('SELECT tenant_id, finding_id, created_on, assigned_on, original_deadline, completed_on, extended, sustained, measures_active, measures_done FROM rectify_findings').all() as Record<string, unknown>[];
      after.close();
      expect(columns).toHaveLength(12);
      const inputs: RollupInput[] = [];
      for (const organisation of await store.organisations()) {
        expect(await store.verify(organisation.id)).toMatchObject({ findings: 6, mismatches: [], breaks: [] });
        const inspections = await store.inspections(organisation.id);
        const findings = await store.findingsAsOf({ organisationId: organisation.id }, '2030-01-01');
        inputs.push({ organisation, inspections, findings });
        // Each filled row is what findingRow derives from its state today.
        for (const f of findings) {
          const row = findingRow(organisation.id, f, inspections[0]!);
          expect(columns.find((c) => c['tenant_id'] === organisation.id && c['finding_id'] === f.finding.id)).toEqual({
            tenant_id: organisation.id, finding_id: f.finding.id, created_on: row.createdOn, assigned_on: row.assignedOn, original_deadline: row.originalDeadline,
            completed_on: row.completedOn, extended: Number(row.extended), sustained: Number(row.sustained), measures_active: row.measuresActive, measures_done: row.measuresDone,
          });
        }
      }
      expect(columns.some((c) => c['completed_on'] !== null) && columns.some((c) => c['sustained'] === 1)).toBe(true);
      expect(await store.rollup({ asOf: '2023-11-20' })).toEqual(rollup(inputs, '2023-11-20'));
      // Version 4 on top: the migrated store keeps evidence files, byte for byte.
      const bytes = new Uint8Array([0, 255, 10, 13, 0x1a, 128]);
      const { sha256 } = await store.putFile('org-a', bytes);
      expect(await store.file('org-a', sha256)).toEqual(bytes);
      expect(await store.files('org-b')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

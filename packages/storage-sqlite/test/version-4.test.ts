import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DEFAULT_ESCALATION_POLICY, openStore, SCHEMA_VERSION, warningNotices, warningView } from '@rectify/core';
import { sqliteDriver } from '../src/index.js';
import { tempDir } from './helpers.js';

// fixtures/store-v4.db was written on 8 December 2026 by the code of that day (schema
// version 4, before the warning column): buildWorld(store, 6) of @rectify/testing.
const FIXTURE = join(import.meta.dirname, 'fixtures', 'store-v4.db');

describe('a store written by schema version 4', () => {
  it('migrates to version 5: every finding’s warning view filled from its state, the day’s warnings read through them, the outbox’s undelivered entries still delivered', async () => {
    const filename = join(tempDir(), 'v4.db');
    copyFileSync(FIXTURE, filename);
    const before = new Database(filename);
    expect((before.prepare("SELECT value FROM rectify_meta WHERE key = 'schema_version'").get() as { value: string }).value).toBe('4');
    // An outbox as version 4 kept it: one list, an entry pending and one sent.
    const entry = (id: string, status: string) => ({ id, channel: 'default', notice: { key: id }, status, attempts: status === 'sent' ? 1 : 0, queuedAt: '2023-11-20T00:00:00.000Z', nextAttemptAt: '2023-11-20T00:00:00.000Z' });
    const insert = before.prepare("INSERT INTO rectify_records (kind, tenant_id, id, body) VALUES ('notice', 'org-a', ?, ?)");
    insert.run('pending-one', JSON.stringify(entry('pending-one', 'pending')));
    insert.run('sent-one', JSON.stringify({ ...entry('sent-one', 'sent'), sentAt: '2023-11-20T01:00:00.000Z' }));
    before.close();
    const store = await openStore(sqliteDriver({ filename }));
    try {
      const after = new Database(filename, { readonly: true });
      expect((after.prepare("SELECT value FROM rectify_meta WHERE key = 'schema_version'").get() as { value: string }).value).toBe(String(SCHEMA_VERSION));
      const rows = after.prepare('SELECT tenant_id, finding_id, warning FROM rectify_findings').all() as { tenant_id: string; finding_id: string; warning: string | null }[];
      after.close();
      expect(rows).toHaveLength(12);
      for (const organisation of await store.organisations()) {
        expect(await store.verify(organisation.id)).toMatchObject({ findings: 6, mismatches: [], breaks: [] });
        const scope = { organisationId: organisation.id, inspectionId: (await store.inspections(organisation.id))[0]!.id };
        const states = await store.findingsAsOf(scope, '2030-01-01');
        for (const f of states) {
          const row = rows.find((r) => r.tenant_id === organisation.id && r.finding_id === f.finding.id)!;
          expect(JSON.parse(row.warning!)).toEqual(warningView(f));
        }
        const context = { organisation, inspection: (await store.inspection(scope))!, people: await store.people(organisation.id) };
        const read = await store.warnings({ ...scope, asOf: '2023-11-20' });
        expect(read.notices.length).toBeGreaterThan(0);
        expect(read.notices).toEqual(warningNotices(states, context, '2023-11-20', DEFAULT_ESCALATION_POLICY).notices);
      }
      // The entry left pending is still delivered; the sent one is not sent again.
      expect((await store.claimOutbox('org-a', { now: '2023-11-21T09:00:00+08:00' })).map((e) => e.id)).toEqual(['pending-one']);
      expect((await store.outbox('org-a')).map((e) => [e.id, e.status])).toEqual([['pending-one', 'sending'], ['sent-one', 'sent']]);
    } finally {
      await store.close();
    }
  });
});

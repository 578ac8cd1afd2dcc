import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION, type StorageDriver } from '@rectify/core';
import { pgliteDriver, postgresDriver } from '../src/index.js';

// The rows of a schema-version-1 store made on 7 December 2026 by the code of that day
// (the SQLite fixture of @rectify/storage-sqlite, test/fixtures/store-v1.db, dumped table by
// table): written into version-1 tables here, then opened by today's code, which migrates.
const ROWS = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'store-v1-rows.json'), 'utf8')) as Record<string, Record<string, unknown>[]>;

type Run = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** A version-1 store: the tables of version 1 (the driver's own first migration), filled with the fixture's rows. */
async function versionOne(driver: StorageDriver, run: Run, schema: string): Promise<void> {
  await driver.migrate(null, 1);
  for (const [table, rows] of Object.entries(ROWS)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      await run(`INSERT INTO "${schema}".${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => row[c]));
    }
  }
}

async function check(driver: StorageDriver, run: Run, schema: string): Promise<void> {
  await versionOne(driver, run, schema);
  expect(await driver.schemaVersion()).toBe(1);
  const store = await openStore(driver);
  try {
    expect(await driver.schemaVersion()).toBe(SCHEMA_VERSION);
    for (const organisationId of ['org-a', 'org-b']) {
      expect(await store.verify(organisationId)).toMatchObject({ findings: 6, mismatches: [], breaks: [] });
    }
    // Every key starts with the tenant now, and a version-1 command id is still remembered in its tenant.
    const keys = await run(`SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS columns
      FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.table_schema = $1 AND tc.constraint_type = 'PRIMARY KEY' GROUP BY tc.table_name ORDER BY tc.table_name`, [schema]);
    expect(Object.fromEntries(keys.rows.map((r) => [r['table_name'], r['columns']]))).toEqual({
      rectify_commands: 'tenant_id,command_id',
      rectify_events: 'tenant_id,finding_id,version',
      rectify_files: 'tenant_id,sha256',
      rectify_findings: 'tenant_id,finding_id',
      rectify_meta: 'key',
      rectify_records: 'kind,tenant_id,id',
    });
    const command = ROWS['rectify_commands']![0]! as { command_id: string; finding_id: string };
    const history = await store.history({ organisationId: 'org-a' }, command.finding_id);
    const first = history[0]!;
    if (first.type !== 'created') throw new Error('expected a created event');
    const again = await store.apply({ organisationId: 'org-a', type: 'create', commandId: command.command_id, findingId: command.finding_id, actorId: first.actorId, at: first.at, finding: first.payload.finding });
    expect(again.duplicate).toBe(true);
  } finally {
    await store.close();
  }
}

describe('a PostgreSQL store written by schema version 1', () => {
  it('migrates on PGlite: the same rows, tenant-first keys, verified', async () => {
    const db = new PGlite();
    const schema = 'rectify_v1';
    await check(pgliteDriver(db, { schema }), (sql, params) => db.query(sql, params) as Promise<{ rows: Record<string, unknown>[] }>, schema);
  });

  const url = process.env['RECTIFY_PG_URL'];
  if (process.env['CI'] && !url) throw new Error('CI=true but RECTIFY_PG_URL is not set: .ci/run must start PostgreSQL and set it');
  it.skipIf(url === undefined)('migrates on the PostgreSQL server', async () => {
    const schema = `rectify_v1_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await check(postgresDriver(new pg.Pool({ connectionString: url, max: 2 }), { schema }), (sql, params) => admin.query(sql, params), schema);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });
});

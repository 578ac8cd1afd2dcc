/**
 * The databases the benchmark runs on, each with the library's store and a raw baseline
 * that does the same work by hand with the same driver, on the same schema, in the same
 * run. The raw side is what an application would write without the library.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { findingRow, openStore, OPEN_STATUSES, type FindingState, type Store } from '@rectify/core';
import { migrations } from '@rectify/storage-sql';
import { postgresDriver } from '@rectify/storage-postgres';
import { sqliteDriver } from '@rectify/storage-sqlite';
import type { Dataset } from './generate.js';
import { POSTGRES_DAYS, SQLITE_DAYS, type DaysSql } from './rollup.js';

/** Work done by hand, without the library. */
export interface RawBaseline {
  /** Writes every event, command id and finding row in one transaction. */
  importAll(data: Dataset): Promise<void>;
  /** Counts by category, lead unit and status. */
  totals(inspectionId: string): Promise<unknown[]>;
  /** Open findings past their deadline as of a day, in ordinal order, parsed. */
  overdue(inspectionId: string, asOf: string): Promise<FindingState[]>;
  /** Every finding of an inspection, parsed. */
  states(inspectionId: string): Promise<FindingState[]>;
  /** One progress entry on one finding: read the version, append the event and the command id, update the row. */
  recordProgress(findingId: string, commandId: string): Promise<void>;
  close(): Promise<void>;
}

/** One database: the library's store on it and the raw baseline beside it. */
export interface Backend {
  /** e.g. `SQLite file`. */
  name: string;
  /** What the baseline is, for the report. */
  baseline: string;
  store: Store;
  raw: RawBaseline;
  /** The library's findings table, and hand-written statements run over its tables by the raw driver. */
  libraryTables: LibraryTables;
}

/** A store of its own for case 7, with raw access to its tables. */
export interface OfficeBackend {
  name: string;
  store: Store;
  tables: LibraryTables;
}

/** A store's tables as the raw driver reads them. */
export interface LibraryTables {
  findings: string;
  days: DaysSql;
  query(sql: string): Promise<Record<string, unknown>[]>;
  /**
   * After a bulk import, what the database's own upkeep does within a minute (PostgreSQL's
   * autovacuum: statistics and the visibility map an index-only scan needs); nothing on SQLite.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const TENANT = 'bench-org';
const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
/** Under SQLite's 32,766 and PostgreSQL's 65,535 parameters a statement. */
const MAX_PARAMETERS = 30_000;

const eventValues = (data: Dataset) => data.bundle.events.map((e) => [e.findingId, e.version, TENANT, e.on, JSON.stringify(e)]);
const commandValues = (data: Dataset) => data.bundle.events.map((e) => [e.commandId, e.findingId, e.version]);
const findingValues = (data: Dataset) => data.states.map((s) => {
  const r = findingRow(TENANT, s, data.inspection);
  return [r.findingId, r.tenantId, r.inspectionId, r.categoryId, r.categoryOrdinal, r.ordinal, r.title, r.status, r.leadUnitId, r.responsiblePersonId, r.deadline, r.lastProgressOn, r.updatedAt, r.version, JSON.stringify(r.state)];
});
const PROGRESS_BODY = '{"type":"progress_recorded","text":"本周继续推进整改"}';

/** A library's SQLite file read by better-sqlite3 itself (WAL lets a second connection read). */
function sqliteTables(filename: string): LibraryTables {
  const reader = new Database(filename, { readonly: true });
  return { findings: 'rectify_findings', days: SQLITE_DAYS, query: async (sql) => reader.prepare(sql).all() as Record<string, unknown>[], settle: async () => {}, close: async () => { reader.close(); } };
}

/** Case 7 on SQLite: a store in `dir`/offices.db. */
export async function sqliteOffice(dir: string): Promise<OfficeBackend> {
  const filename = join(dir, 'offices.db');
  const store = await openStore(sqliteDriver({ filename }));
  return { name: 'SQLite file', store, tables: sqliteTables(filename) };
}

/** Case 7 on PostgreSQL: a fresh database `rectify_office`, the store in schema `offices`. */
export async function postgresOffice(adminUrl: string): Promise<OfficeBackend> {
  const url = await freshDatabase(adminUrl, 'rectify_office');
  const store = await openStore(postgresDriver(new pg.Pool({ connectionString: url, max: 4 }), { schema: 'offices' }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    name: 'PostgreSQL',
    store,
    tables: {
      findings: 'offices.rectify_findings',
      days: POSTGRES_DAYS,
      query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
      settle: async () => { await client.query('VACUUM ANALYZE offices.rectify_findings'); },
      close: () => client.end(),
    },
  };
}

/** Drops and creates a database on the server at `adminUrl`; answers its URL. */
async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** SQLite files in `dir`: the store through `sqliteDriver`, the baseline through better-sqlite3 prepared statements. */
export async function sqliteBackend(dir: string): Promise<Backend> {
  const store = await openStore(sqliteDriver({ filename: join(dir, 'library.db') }));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of migrations((n) => `rectify_${n}`, (n) => `rectify_${n}`, 'BLOB')[0]!) db.exec(sql);
  const insertEvent = db.prepare('INSERT INTO rectify_events (finding_id, version, tenant_id, on_day, body) VALUES (?, ?, ?, ?, ?)');
  const insertCommand = db.prepare('INSERT INTO rectify_commands (command_id, finding_id, version) VALUES (?, ?, ?)');
  const insertFinding = db.prepare('INSERT INTO rectify_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const totals = db.prepare('SELECT category_id, lead_unit_id, status, COUNT(*) AS n FROM rectify_findings WHERE tenant_id = ? AND inspection_id = ? GROUP BY category_id, lead_unit_id, status');
  const overdue = db.prepare(`SELECT state FROM rectify_findings WHERE tenant_id = ? AND inspection_id = ? AND status IN (${OPEN}) AND deadline < ? ORDER BY category_ordinal, ordinal, finding_id`);
  const states = db.prepare('SELECT state FROM rectify_findings WHERE tenant_id = ? AND inspection_id = ?');
  const findById = db.prepare('SELECT version, state FROM rectify_findings WHERE finding_id = ?');
  const update = db.prepare('UPDATE rectify_findings SET version = ?, state = ? WHERE finding_id = ?');
  const parse = (rows: unknown[]) => (rows as { state: string }[]).map((r) => JSON.parse(r.state) as FindingState);
  return {
    name: 'SQLite file',
    baseline: 'better-sqlite3 prepared statements in one transaction',
    store,
    libraryTables: sqliteTables(join(dir, 'library.db')),
    raw: {
      async importAll(data) {
        const events = eventValues(data);
        const commands = commandValues(data);
        const findings = findingValues(data);
        db.transaction(() => {
          for (const e of events) insertEvent.run(...e);
          for (const c of commands) insertCommand.run(...c);
          for (const f of findings) insertFinding.run(...f);
        })();
      },
      totals: async (inspectionId) => totals.all(TENANT, inspectionId),
      overdue: async (inspectionId, asOf) => parse(overdue.all(TENANT, inspectionId, asOf)),
      states: async (inspectionId) => parse(states.all(TENANT, inspectionId)),
      async recordProgress(findingId, commandId) {
        db.transaction(() => {
          const row = findById.get(findingId) as { version: number; state: string };
          const v = row.version + 1;
          insertEvent.run(findingId, v, TENANT, '2023-12-01', PROGRESS_BODY);
          insertCommand.run(commandId, findingId, v);
          update.run(v, row.state, findingId);
        })();
      },
      async close() {
        db.close();
      },
    },
  };
}

/**
 * A fresh database `rectify_bench` on the server at `adminUrl`: the store in schema
 * `library` through `postgresDriver`, the baseline in schema `raw` through `pg` with
 * multi-row parameterised inserts.
 */
export async function postgresBackend(adminUrl: string): Promise<Backend> {
  const url = await freshDatabase(adminUrl, 'rectify_bench');
  const store = await openStore(postgresDriver(new pg.Pool({ connectionString: url, max: 4 }), { schema: 'library' }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE SCHEMA raw');
  for (const sql of migrations((n) => `raw.rectify_${n}`, (n) => `rectify_${n}`, 'BYTEA')[0]!) await client.query(sql);
  const insertMany = async (into: string, rows: unknown[][]) => {
    const width = rows[0]!.length;
    const per = Math.floor(MAX_PARAMETERS / width);
    for (let at = 0; at < rows.length; at += per) {
      const chunk = rows.slice(at, at + per);
      const values = chunk.map((_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${into} VALUES ${values}`, chunk.flat());
    }
  };
  const parse = (rows: { state: string }[]) => rows.map((r) => JSON.parse(r.state) as FindingState);
  const tablesOf = (schema: string): LibraryTables => ({
    findings: `${schema}.rectify_findings`,
    days: POSTGRES_DAYS,
    query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    settle: async () => { await client.query(`VACUUM ANALYZE ${schema}.rectify_findings`); },
    close: async () => {},
  });
  return {
    name: 'PostgreSQL',
    baseline: 'pg, multi-row parameterised inserts in one transaction',
    store,
    libraryTables: tablesOf('library'),
    raw: {
      async importAll(data) {
        await client.query('BEGIN');
        await insertMany('raw.rectify_events (finding_id, version, tenant_id, on_day, body)', eventValues(data));
        await insertMany('raw.rectify_commands (command_id, finding_id, version)', commandValues(data));
        await insertMany('raw.rectify_findings', findingValues(data));
        await client.query('COMMIT');
      },
      totals: async (inspectionId) => (await client.query('SELECT category_id, lead_unit_id, status, COUNT(*) AS n FROM raw.rectify_findings WHERE tenant_id = $1 AND inspection_id = $2 GROUP BY category_id, lead_unit_id, status', [TENANT, inspectionId])).rows,
      overdue: async (inspectionId, asOf) => parse((await client.query(`SELECT state FROM raw.rectify_findings WHERE tenant_id = $1 AND inspection_id = $2 AND status IN (${OPEN}) AND deadline < $3 ORDER BY category_ordinal, ordinal, finding_id COLLATE "C"`, [TENANT, inspectionId, asOf])).rows),
      states: async (inspectionId) => parse((await client.query('SELECT state FROM raw.rectify_findings WHERE tenant_id = $1 AND inspection_id = $2', [TENANT, inspectionId])).rows),
      async recordProgress(findingId, commandId) {
        await client.query('BEGIN');
        const row = (await client.query('SELECT version, state FROM raw.rectify_findings WHERE finding_id = $1 FOR UPDATE', [findingId])).rows[0] as { version: number; state: string };
        const v = row.version + 1;
        await client.query('INSERT INTO raw.rectify_events (finding_id, version, tenant_id, on_day, body) VALUES ($1, $2, $3, $4, $5)', [findingId, v, TENANT, '2023-12-01', PROGRESS_BODY]);
        await client.query('INSERT INTO raw.rectify_commands (command_id, finding_id, version) VALUES ($1, $2, $3)', [commandId, findingId, v]);
        await client.query('UPDATE raw.rectify_findings SET version = $1, state = $2 WHERE finding_id = $3', [v, row.state, findingId]);
        await client.query('COMMIT');
      },
      async close() {
        await client.end();
      },
    },
  };
}

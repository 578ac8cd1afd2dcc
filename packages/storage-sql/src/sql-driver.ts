import {
  addCalendarDays,
  ConflictError,
  decodeCursor,
  encodeCursor,
  NO_DEADLINE,
  OPEN_STATUSES,
  sortKey,
  type DriverCapabilities,
  type DriverTransaction,
  type FindingEvent,
  type FindingQuery,
  type FindingRow,
  type FindingStatus,
  type Page,
  type StatusCount,
  type StorageDriver,
  type TransactionOptions,
  type WarningView,
} from '@rectify/core';
import type { SqlDialect } from './dialect.js';
import { fillRollupColumns, fillWarningColumn, ROLLUP_COLUMNS, rollupValues, warningValue } from './derived-columns.js';
import { fillOutboxDue } from './fill-outbox-due.js';
import { rollupCounts } from './rollup-query.js';
import { migrations } from './schema.js';
import type { SqlSession } from './session.js';

/** What an adapter gives {@link createSqlDriver}. */
export interface SqlDriverOptions {
  /** A name for messages. */
  name: string;
  dialect: SqlDialect;
  capabilities?: Partial<DriverCapabilities>;
  /** Prefix of every table name (default `rectify_`). */
  prefix?: string;
  /** A schema (namespace) to qualify table names with, where the database has them. */
  schema?: string;
  /** Runs once at the start of every migration, before the tables (e.g. `CREATE SCHEMA`). */
  prepare?(session: SqlSession): Promise<void>;
  /**
   * Runs work in one transaction on one connection: commit on success, roll back on error.
   * With `readOnly`, one consistent snapshot without a write lock (see `TransactionOptions`).
   */
  transaction<T>(work: (session: SqlSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Releases connections. */
  close(): Promise<void>;
}

interface FindingColumns {
  finding_id: string;
  tenant_id: string;
  inspection_id: string;
  category_id: string | null;
  category_ordinal: number | string;
  ordinal: number | string;
  title: string;
  status: string;
  lead_unit_id: string | null;
  responsible_person_id: string | null;
  deadline: string | null;
  last_progress_on: string | null;
  updated_at: string;
  version: number | string;
  created_on: string;
  assigned_on: string | null;
  original_deadline: string | null;
  completed_on: string | null;
  extended: number | string;
  sustained: number | string;
  measures_active: number | string;
  measures_done: number | string;
  state: string;
}

/** The findings table's columns a row is read from, in the order of {@link rowValues} after `finding_id`. */
const READ_COLUMN_NAMES = [
  'finding_id', 'tenant_id', 'inspection_id', 'category_id', 'category_ordinal', 'ordinal', 'title', 'status', 'lead_unit_id', 'responsible_person_id', 'deadline', 'last_progress_on', 'updated_at', 'version',
  ...ROLLUP_COLUMNS, 'state',
] as const;
/** Every column a row is written to: those it is read from, and its warning view (read only by `queryWarningViews`). */
const COLUMN_NAMES = [...READ_COLUMN_NAMES, 'warning'] as const;
const COLUMNS = COLUMN_NAMES.join(', ');
const READ_COLUMNS = READ_COLUMN_NAMES.join(', ');
/** The columns a page's cursor is made of: the sort columns of its last row. */
const CURSOR_COLUMN_NAMES = ['finding_id', 'category_ordinal', 'ordinal', 'title', 'deadline', 'updated_at'] as const;
/** The columns of a page of warning views: the view, and what its cursor is made of. */
const WARNING_COLUMNS = [...CURSOR_COLUMN_NAMES, 'warning'].join(', ');

/**
 * Builds a `StorageDriver` of `@rectify/core` from a SQL session and a dialect: the schema, its
 * migrations and every query of the driver contract, written once for all SQL databases.
 */
export function createSqlDriver(options: SqlDriverOptions): StorageDriver {
  const { dialect } = options;
  const prefix = options.prefix ?? 'rectify_';
  const table = (name: string) =>
    options.schema ? `${dialect.quote(options.schema)}.${dialect.quote(prefix + name)}` : dialect.quote(prefix + name);
  const T = {
    meta: table('meta'),
    records: table('records'),
    findings: table('findings'),
    events: table('events'),
    commands: table('commands'),
    files: table('files'),
    // An index is named bare: it lives in its table's schema.
    rollupIndex: dialect.quote(`${prefix}findings_for_rollup`),
  };
  const steps = migrations(table, (name) => dialect.quote(prefix + name), dialect.blobType, dialect.collate);

  const readVersion = async (session: SqlSession): Promise<number | null> => {
    const rows = await session.query<{ value: string }>(dialect.placeholders(`SELECT value FROM ${T.meta} WHERE key = ?`), ['schema_version']);
    return rows[0] ? Number(rows[0].value) : null;
  };

  return {
    name: options.name,
    capabilities: { groupCounts: true, ...options.capabilities },
    async schemaVersion() {
      try {
        return await options.transaction(readVersion);
      } catch (error) {
        // No meta table yet: an empty store. Any other failure is real.
        if (/does not exist|no such table/i.test(String((error as Error)?.message))) return null;
        throw error;
      }
    },
    migrate(from, to) {
      return options.transaction(async (session) => {
        await options.prepare?.(session);
        let current = from;
        if (current !== null) current = (await readVersion(session)) ?? current;
        for (let v = (current ?? 0) + 1; v <= to; v++) {
          for (const statement of steps[v - 1] ?? []) await session.run(statement);
          if (v === 3) await fillRollupColumns(session, dialect, T);
          if (v === 5) {
            await fillWarningColumn(session, dialect, T);
            await fillOutboxDue(session, dialect, T);
          }
        }
        await session.run(
          dialect.placeholders(`INSERT INTO ${T.meta} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
          ['schema_version', String(to)],
        );
      });
    },
    transaction: (work, how) => options.transaction((session) => work(sqlTransaction(session, dialect, T, how?.readOnly ?? false)), how),
    close: () => options.close(),
  };
}

/**
 * Most parameters one statement binds: under SQLite's 32,766 and PostgreSQL's 65,535.
 */
const MAX_PARAMETERS = 30_000;

/** A finding row's columns after `finding_id`, in {@link COLUMNS} order. */
function rowValues(row: FindingRow): unknown[] {
  return [
    row.tenantId, row.inspectionId, row.categoryId, row.categoryOrdinal, row.ordinal, row.title, row.status, row.leadUnitId, row.responsiblePersonId, row.deadline, row.lastProgressOn, row.updatedAt, row.version,
    ...rollupValues(row), JSON.stringify(row.state), warningValue(row),
  ];
}

type Tables = Record<'meta' | 'records' | 'findings' | 'events' | 'commands' | 'files' | 'rollupIndex', string>;

/** Bytes as the Node database clients bind them (a `Buffer` over the same memory, no copy). */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Hashes named in one `IN` list at most. */
const HASHES_PER_STATEMENT = 10_000;

function sqlTransaction(session: SqlSession, dialect: SqlDialect, T: Tables, readOnly: boolean): DriverTransaction {
  // A read locks nothing: the row lock is for a writer about to change the finding.
  const forUpdate = readOnly ? '' : dialect.forUpdate;
  const q = <R>(sql: string, params: readonly unknown[] = []) => session.query<R>(dialect.placeholders(sql), params);
  const run = (sql: string, params: readonly unknown[] = []) => session.run(dialect.placeholders(sql), params);
  const c = dialect.collate;

  /** Runs an insert; a duplicate key becomes the conflict it means. */
  const insert = async (sql: string, params: readonly unknown[], conflict: () => ConflictError) => {
    try {
      await run(sql, params);
    } catch (error) {
      if (dialect.isUniqueViolation(error)) throw conflict();
      throw error;
    }
  };

  /**
   * Inserts rows with multi-row `VALUES` lists, as many rows a statement as stay under
   * {@link MAX_PARAMETERS}; a duplicate key becomes the conflict it means.
   */
  const insertMany = async (into: string, rows: readonly (readonly unknown[])[], conflict: () => ConflictError) => {
    if (rows.length === 0) return;
    const width = rows[0]!.length;
    const perStatement = Math.floor(MAX_PARAMETERS / width);
    const tuple = `(${Array(width).fill('?').join(', ')})`;
    for (let at = 0; at < rows.length; at += perStatement) {
      const chunk = rows.slice(at, at + perStatement);
      await insert(`INSERT INTO ${into} VALUES ${Array(chunk.length).fill(tuple).join(', ')}`, chunk.flat(), conflict);
    }
  };

  return {
    async getRecord(kind, tenantId, id) {
      const rows = await q<{ body: string }>(`SELECT body FROM ${T.records} WHERE kind = ? AND tenant_id = ? AND id = ?`, [kind, tenantId, id]);
      return rows[0] ? JSON.parse(rows[0].body) : undefined;
    },
    async listRecords(kind, tenantId) {
      const rows = await q<{ body: string }>(`SELECT body FROM ${T.records} WHERE kind = ? AND tenant_id = ? ORDER BY id${c}`, [kind, tenantId]);
      return rows.map((r) => JSON.parse(r.body));
    },
    async putRecord(kind, tenantId, id, value) {
      await run(
        `INSERT INTO ${T.records} (kind, tenant_id, id, body) VALUES (?, ?, ?, ?) ON CONFLICT (kind, tenant_id, id) DO UPDATE SET body = excluded.body`,
        [kind, tenantId, id, JSON.stringify(value)],
      );
    },
    async deleteRecord(kind, tenantId, id) {
      await run(`DELETE FROM ${T.records} WHERE kind = ? AND tenant_id = ? AND id = ?`, [kind, tenantId, id]);
    },
    async addRecord(kind, tenantId, id, value) {
      const { changes } = await run(
        `INSERT INTO ${T.records} (kind, tenant_id, id, body) VALUES (?, ?, ?, ?) ON CONFLICT (kind, tenant_id, id) DO NOTHING`,
        [kind, tenantId, id, JSON.stringify(value)],
      );
      return changes === 1;
    },
    async addRecords(kind, tenantId, records) {
      // Many records a statement (an outbox of a day holds thousands), each kept only if its
      // key is new; RETURNING names those that were (SQLite 3.35+ and PostgreSQL both have it).
      const added = new Set<string>();
      const perStatement = Math.floor(MAX_PARAMETERS / 4);
      for (let at = 0; at < records.length; at += perStatement) {
        const chunk = records.slice(at, at + perStatement);
        const rows = await q<{ id: string }>(
          `INSERT INTO ${T.records} (kind, tenant_id, id, body) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT (kind, tenant_id, id) DO NOTHING RETURNING id`,
          chunk.flatMap((r) => [kind, tenantId, r.id, JSON.stringify(r.value)]),
        );
        for (const r of rows) added.add(r.id);
      }
      return added;
    },
    async listTenants() {
      const rows = await q<{ tenant_id: string }>(`SELECT tenant_id FROM ${T.records} WHERE kind = 'organisation' ORDER BY tenant_id${c}`);
      return rows.map((r) => r.tenant_id);
    },
    async getFinding(tenantId, findingId) {
      const rows = await q<FindingColumns>(`SELECT ${READ_COLUMNS} FROM ${T.findings} WHERE tenant_id = ? AND finding_id = ?${forUpdate}`, [tenantId, findingId]);
      return rows[0] ? fromColumns(rows[0]) : undefined;
    },
    async putFinding(row, expectedVersion) {
      const values = rowValues(row);
      if (expectedVersion === 0) {
        await insert(`INSERT INTO ${T.findings} (${COLUMNS}) VALUES (${COLUMN_NAMES.map(() => '?').join(', ')})`, [row.findingId, ...values], () => new ConflictError(row.findingId, 0, -1));
        return;
      }
      const { changes } = await run(
        `UPDATE ${T.findings} SET ${COLUMN_NAMES.slice(2).map((c) => `${c} = ?`).join(', ')} WHERE tenant_id = ? AND finding_id = ? AND version = ?`,
        [...values.slice(1), row.tenantId, row.findingId, expectedVersion],
      );
      if (changes !== 1) throw new ConflictError(row.findingId, expectedVersion, -1);
    },
    async appendEvent(tenantId, event) {
      await insert(
        `INSERT INTO ${T.events} (finding_id, version, tenant_id, on_day, body) VALUES (?, ?, ?, ?, ?)`,
        [event.findingId, event.version, tenantId, event.on, JSON.stringify(event)],
        () => new ConflictError(event.findingId, event.version - 1, event.version),
      );
    },
    async appendHistories(tenantId, histories) {
      const events = histories.flatMap((h) => h.events);
      const conflict = () => new ConflictError(histories[0]?.row.findingId ?? '', 0, -1);
      await insertMany(`${T.events} (finding_id, version, tenant_id, on_day, body)`, events.map((e) => [e.findingId, e.version, tenantId, e.on, JSON.stringify(e)]), conflict);
      await insertMany(`${T.commands} (tenant_id, command_id, finding_id, version)`, events.map((e) => [tenantId, e.commandId, e.findingId, e.version]), conflict);
      await insertMany(`${T.findings} (${COLUMNS})`, histories.map(({ row }) => [row.findingId, ...rowValues(row)]), conflict);
    },
    async getCommand(tenantId, commandId) {
      const rows = await q<{ finding_id: string; version: number | string }>(`SELECT finding_id, version FROM ${T.commands} WHERE tenant_id = ? AND command_id = ?`, [tenantId, commandId]);
      return rows[0] ? { findingId: rows[0].finding_id, version: Number(rows[0].version) } : undefined;
    },
    async putCommand(tenantId, commandId, findingId, version) {
      await insert(`INSERT INTO ${T.commands} (tenant_id, command_id, finding_id, version) VALUES (?, ?, ?, ?)`, [tenantId, commandId, findingId, version], () => new ConflictError(findingId, version - 1, version));
    },
    async listEvents(tenantId, filter) {
      const where = ['e.tenant_id = ?'];
      const params: unknown[] = [tenantId];
      if (filter.findingId !== undefined) (where.push('e.finding_id = ?'), params.push(filter.findingId));
      if (filter.inspectionId !== undefined) (where.push(`e.finding_id IN (SELECT finding_id FROM ${T.findings} WHERE tenant_id = ? AND inspection_id = ?)`), params.push(tenantId, filter.inspectionId));
      if (filter.upTo !== undefined) (where.push('e.on_day <= ?'), params.push(filter.upTo));
      const rows = await q<{ body: string }>(`SELECT e.body FROM ${T.events} e WHERE ${where.join(' AND ')} ORDER BY e.finding_id${c}, e.version`, params);
      return rows.map((r) => JSON.parse(r.body) as FindingEvent);
    },
    async queryFindings(query) {
      return queryFindings(q, T, dialect, query);
    },
    async queryWarningViews(query) {
      return queryWarningViews(q, T, dialect, query);
    },
    async groupCounts(scope) {
      const params: unknown[] = [scope.organisationId];
      let where = 'tenant_id = ?';
      if (scope.inspectionId !== undefined) (where += ' AND inspection_id = ?'), params.push(scope.inspectionId);
      const rows = await q<{ category_id: string | null; lead_unit_id: string | null; status: string; n: number | string }>(
        `SELECT category_id, lead_unit_id, status, COUNT(*) AS n FROM ${T.findings} WHERE ${where} GROUP BY category_id, lead_unit_id, status`,
        params,
      );
      return rows.map((r): StatusCount => ({ categoryId: r.category_id, unitId: r.lead_unit_id, status: r.status as FindingStatus, count: Number(r.n) }));
    },
    async putFile(tenantId, sha256, bytes) {
      await run(`INSERT INTO ${T.files} (tenant_id, sha256, size, body) VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, sha256) DO NOTHING`, [tenantId, sha256, bytes.length, asBuffer(bytes)]);
    },
    async getFile(tenantId, sha256) {
      const rows = await q<{ body: Uint8Array }>(`SELECT body FROM ${T.files} WHERE tenant_id = ? AND sha256 = ?`, [tenantId, sha256]);
      // better-sqlite3 and pg give a Buffer, PGlite a Uint8Array: a plain Uint8Array either way.
      return rows[0] ? new Uint8Array(rows[0].body.buffer, rows[0].body.byteOffset, rows[0].body.byteLength) : undefined;
    },
    async listFiles(tenantId, sha256s) {
      const list = (extra: string, params: readonly unknown[]) =>
        q<{ sha256: string; size: number | string }>(`SELECT sha256, size FROM ${T.files} WHERE tenant_id = ?${extra} ORDER BY sha256${c}`, [tenantId, ...params]);
      const rows = [];
      if (sha256s === undefined) rows.push(...(await list('', [])));
      else {
        const wanted = [...new Set(sha256s)];
        for (let at = 0; at < wanted.length; at += HASHES_PER_STATEMENT) {
          const chunk = wanted.slice(at, at + HASHES_PER_STATEMENT);
          rows.push(...(await list(` AND sha256 IN (${chunk.map(() => '?').join(', ')})`, chunk)));
        }
        rows.sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
      }
      return rows.map((r) => ({ sha256: r.sha256, size: Number(r.size) }));
    },
    // A supervising office's reads: across tenants, as the roll-up must be.
    async listAllRecords(kind) {
      const rows = await q<{ tenant_id: string; body: string }>(`SELECT tenant_id, body FROM ${T.records} WHERE kind = ? ORDER BY tenant_id${c}, id${c}`, [kind]);
      return rows.map((r) => ({ tenantId: r.tenant_id, value: JSON.parse(r.body) }));
    },
    rollupCounts: (query) => rollupCounts(q, { findings: T.findings, rollupIndex: T.rollupIndex }, dialect, query),
  };
}

function fromColumns(r: FindingColumns): FindingRow {
  return {
    tenantId: r.tenant_id,
    findingId: r.finding_id,
    inspectionId: r.inspection_id,
    categoryId: r.category_id,
    categoryOrdinal: Number(r.category_ordinal),
    ordinal: Number(r.ordinal),
    title: r.title,
    status: r.status as FindingStatus,
    leadUnitId: r.lead_unit_id,
    responsiblePersonId: r.responsible_person_id,
    deadline: r.deadline,
    lastProgressOn: r.last_progress_on,
    updatedAt: r.updated_at,
    version: Number(r.version),
    createdOn: r.created_on,
    assignedOn: r.assigned_on,
    originalDeadline: r.original_deadline,
    completedOn: r.completed_on,
    extended: Number(r.extended) === 1,
    sustained: Number(r.sustained) === 1,
    measuresActive: Number(r.measures_active),
    measuresDone: Number(r.measures_done),
    state: JSON.parse(r.state),
  };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

type CursorColumns = Pick<FindingColumns, (typeof CURSOR_COLUMN_NAMES)[number]>;

/** The SQL twin of the core's `runQuery`: same filters, same order, same cursor. */
function queryFindings(q: Query, T: Tables, dialect: SqlDialect, query: FindingQuery): Promise<Page<FindingRow>> {
  return selectPage<FindingColumns, FindingRow>(q, T, dialect, query, READ_COLUMNS, fromColumns);
}

/** The same page as {@link queryFindings}, each row read as its `warning` column alone (and its cursor's columns). */
function queryWarningViews(q: Query, T: Tables, dialect: SqlDialect, query: FindingQuery): Promise<Page<WarningView>> {
  return selectPage<CursorColumns & { warning: string }, WarningView>(q, T, dialect, query, WARNING_COLUMNS, (r) => JSON.parse(r.warning) as WarningView);
}

type Query = <R>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

/** One page of a query's rows, the columns named, each made into an item by `item`. */
async function selectPage<R extends CursorColumns, Item>(
  q: Query,
  T: Tables,
  dialect: SqlDialect,
  query: FindingQuery,
  select: string,
  item: (row: R) => Item,
): Promise<Page<Item>> {
  const c = dialect.collate;
  const where = ['tenant_id = ?'];
  const params: unknown[] = [query.organisationId];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  const open = OPEN_STATUSES.map(() => '?').join(', ');
  if (query.inspectionId !== undefined) add('inspection_id = ?', query.inspectionId);
  if (query.categoryId !== undefined) add('category_id = ?', query.categoryId);
  if (query.unitId !== undefined) add('lead_unit_id = ?', query.unitId);
  if (query.personId !== undefined) add('responsible_person_id = ?', query.personId);
  if (query.status !== undefined) {
    if (query.status.length === 0) return { items: [] };
    add(`status IN (${query.status.map(() => '?').join(', ')})`, ...query.status);
  }
  if (query.overdueAsOf !== undefined) add(`status IN (${open}) AND deadline IS NOT NULL AND deadline < ?`, ...OPEN_STATUSES, query.overdueAsOf);
  if (query.dueWithin !== undefined) {
    const until = addCalendarDays(query.dueWithin.asOf, query.dueWithin.days);
    add(`status IN (${open}) AND deadline IS NOT NULL AND deadline >= ? AND deadline <= ?`, ...OPEN_STATUSES, query.dueWithin.asOf, until);
  }
  if (query.text !== undefined) add(`title ${dialect.like} ? ESCAPE '\\'`, likePattern(query.text));

  const sortColumns: Record<FindingQuery['sort'], string[]> = {
    ordinal: ['category_ordinal', 'ordinal', `finding_id${c}`],
    // A filter by deadline leaves no row without one: the column itself then sorts, as its index does.
    deadline: [query.overdueAsOf !== undefined || query.dueWithin !== undefined ? `deadline${c}` : `COALESCE(deadline, '${NO_DEADLINE}')${c}`, `finding_id${c}`],
    updatedAt: [`updated_at${c}`, `finding_id${c}`],
    title: [`title${c}`, `finding_id${c}`],
  };
  const columns = sortColumns[query.sort];
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.cursor !== undefined) {
    const key = decodeCursor(query.cursor, query.sort);
    add(`(${columns.join(', ')}) ${query.order === 'asc' ? '>' : '<'} (${key.map(() => '?').join(', ')})`, ...key);
  }
  const rows = await q<R>(
    `SELECT ${select} FROM ${T.findings} WHERE ${where.join(' AND ')} ORDER BY ${columns.map((col) => `${col} ${direction}`).join(', ')} LIMIT ?`,
    [...params, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const items = page.map(item);
  const last = page.at(-1);
  if (rows.length <= query.limit || last === undefined) return { items };
  return { items, nextCursor: encodeCursor(sortKey(cursorRow(last), query.sort)) };
}

/** The sort columns of a row, as `sortKey` reads them from a row. */
function cursorRow(r: CursorColumns): Pick<FindingRow, 'findingId' | 'categoryOrdinal' | 'ordinal' | 'title' | 'deadline' | 'updatedAt'> {
  return { findingId: r.finding_id, categoryOrdinal: Number(r.category_ordinal), ordinal: Number(r.ordinal), title: r.title, deadline: r.deadline, updatedAt: r.updated_at };
}

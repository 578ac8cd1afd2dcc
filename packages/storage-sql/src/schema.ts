/**
 * The tables of a rectify store, in order of their schema versions. Every table has a
 * `tenant_id` (the inspected organisation): it is what a query is always scoped to, and
 * the distribution column when the store is sharded (see docs/scaling-out.md).
 *
 * Portable SQL only (TEXT, INTEGER, composite keys, no JSONB): it runs on SQLite,
 * PostgreSQL and PostgreSQL-compatible databases. JSON is stored as TEXT so that what
 * comes back is byte-for-byte what went in.
 *
 * @param table - a table's name as statements write it (with the schema, quoted)
 * @param index - a bare quoted name in the table's schema: of an index, or of a table being renamed to it
 * @param blob - the database's type for bytes (`BLOB`, `BYTEA`): the one exception to portable SQL, for evidence files
 * @param collate - the collation clause the queries sort text by (`''`, ` COLLATE "C"`), for an index they are to sort by
 */
export function migrations(table: (name: string) => string, index: (name: string) => string, blob: string, collate = ''): string[][] {
  const findingsTable = (name: string) => `CREATE TABLE ${table(name)} (
        tenant_id TEXT NOT NULL, finding_id TEXT NOT NULL, inspection_id TEXT NOT NULL,
        category_id TEXT, category_ordinal INTEGER NOT NULL, ordinal INTEGER NOT NULL, title TEXT NOT NULL,
        status TEXT NOT NULL, lead_unit_id TEXT, responsible_person_id TEXT, deadline TEXT,
        last_progress_on TEXT, updated_at TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL,
        PRIMARY KEY (tenant_id, finding_id))`;
  const findingColumns = 'tenant_id, finding_id, inspection_id, category_id, category_ordinal, ordinal, title, status, lead_unit_id, responsible_person_id, deadline, last_progress_on, updated_at, version, state';
  return [
    // Version 1.
    [
      `CREATE TABLE ${table('meta')} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE ${table('records')} (
        kind TEXT NOT NULL, tenant_id TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (kind, tenant_id, id))`,
      `CREATE TABLE ${table('inspections')} (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL)`,
      `CREATE TABLE ${table('findings')} (
        finding_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, inspection_id TEXT NOT NULL,
        category_id TEXT, category_ordinal INTEGER NOT NULL, ordinal INTEGER NOT NULL, title TEXT NOT NULL,
        status TEXT NOT NULL, lead_unit_id TEXT, responsible_person_id TEXT, deadline TEXT,
        last_progress_on TEXT, updated_at TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL)`,
      `CREATE INDEX ${index('findings_by_order')} ON ${table('findings')} (tenant_id, inspection_id, category_ordinal, ordinal, finding_id)`,
      `CREATE INDEX ${index('findings_by_deadline')} ON ${table('findings')} (tenant_id, deadline, finding_id)`,
      `CREATE INDEX ${index('findings_by_status')} ON ${table('findings')} (tenant_id, status)`,
      `CREATE INDEX ${index('findings_by_unit')} ON ${table('findings')} (tenant_id, lead_unit_id)`,
      `CREATE TABLE ${table('events')} (
        finding_id TEXT NOT NULL, version INTEGER NOT NULL, tenant_id TEXT NOT NULL,
        on_day TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (finding_id, version))`,
      `CREATE INDEX ${index('events_by_tenant')} ON ${table('events')} (tenant_id, finding_id, version)`,
      `CREATE TABLE ${table('commands')} (command_id TEXT PRIMARY KEY, finding_id TEXT NOT NULL, version INTEGER NOT NULL)`,
    ],
    // Version 2: ids are each tenant's own. Every primary key starts with the tenant (the
    // distribution column of a sharded PostgreSQL); the tables are built anew and filled
    // from version 1's, since SQLite cannot change a primary key in place. The inspections
    // table (inspection id → tenant) goes: the records table keys inspections by tenant.
    [
      findingsTable('findings_v2'),
      `INSERT INTO ${table('findings_v2')} (${findingColumns}) SELECT ${findingColumns} FROM ${table('findings')}`,
      `CREATE TABLE ${table('events_v2')} (
        tenant_id TEXT NOT NULL, finding_id TEXT NOT NULL, version INTEGER NOT NULL,
        on_day TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tenant_id, finding_id, version))`,
      `INSERT INTO ${table('events_v2')} (tenant_id, finding_id, version, on_day, body) SELECT tenant_id, finding_id, version, on_day, body FROM ${table('events')}`,
      `CREATE TABLE ${table('commands_v2')} (
        tenant_id TEXT NOT NULL, command_id TEXT NOT NULL, finding_id TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, command_id))`,
      // A version-1 command names its finding only; the finding names its tenant.
      `INSERT INTO ${table('commands_v2')} (tenant_id, command_id, finding_id, version)
        SELECT f.tenant_id, c.command_id, c.finding_id, c.version FROM ${table('commands')} c JOIN ${table('findings')} f ON f.finding_id = c.finding_id`,
      `DROP TABLE ${table('findings')}`,
      `DROP TABLE ${table('events')}`,
      `DROP TABLE ${table('commands')}`,
      `DROP TABLE ${table('inspections')}`,
      `ALTER TABLE ${table('findings_v2')} RENAME TO ${index('findings')}`,
      `ALTER TABLE ${table('events_v2')} RENAME TO ${index('events')}`,
      `ALTER TABLE ${table('commands_v2')} RENAME TO ${index('commands')}`,
      `CREATE INDEX ${index('findings_by_order')} ON ${table('findings')} (tenant_id, inspection_id, category_ordinal, ordinal, finding_id)`,
      `CREATE INDEX ${index('findings_by_deadline')} ON ${table('findings')} (tenant_id, deadline, finding_id)`,
      `CREATE INDEX ${index('findings_by_status')} ON ${table('findings')} (tenant_id, status)`,
      `CREATE INDEX ${index('findings_by_unit')} ON ${table('findings')} (tenant_id, lead_unit_id)`,
    ],
    // Version 3: the columns of a roll-up (`rollupCounts`), so that a supervising office's
    // figures are one GROUP BY over the rows, not a parse of every state. Filled from each
    // row's state after these statements (`fillRollupColumns`).
    [
      `ALTER TABLE ${table('findings')} ADD COLUMN created_on TEXT NOT NULL DEFAULT ''`,
      `ALTER TABLE ${table('findings')} ADD COLUMN assigned_on TEXT`,
      `ALTER TABLE ${table('findings')} ADD COLUMN original_deadline TEXT`,
      `ALTER TABLE ${table('findings')} ADD COLUMN completed_on TEXT`,
      `ALTER TABLE ${table('findings')} ADD COLUMN extended INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE ${table('findings')} ADD COLUMN sustained INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE ${table('findings')} ADD COLUMN measures_active INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE ${table('findings')} ADD COLUMN measures_done INTEGER NOT NULL DEFAULT 0`,
      // Every column a roll-up reads, in its GROUP BY's order: the roll-up scans this index
      // alone, never the table's rows with their states (SQLite walks past a row's state to
      // reach the columns added after it).
      `CREATE INDEX ${index('findings_for_rollup')} ON ${table('findings')} (tenant_id, inspection_id, lead_unit_id, status, deadline, original_deadline, completed_on, created_on, assigned_on, last_progress_on, extended, sustained, measures_active, measures_done, updated_at)`,
    ],
    // Version 4: evidence files, each a tenant's own under its SHA-256 (the same bytes sent
    // twice are one row). The size is a column so that a listing never reads the bytes.
    [
      `CREATE TABLE ${table('files')} (
        tenant_id TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, body ${blob} NOT NULL,
        PRIMARY KEY (tenant_id, sha256))`,
    ],
    // Version 5: each finding's `WarningView` (what its warning reads, a few hundred bytes
    // of JSON), so that deciding a day's warnings parses these instead of every state.
    // Filled from each row's state after this statement (`fillWarningColumn`).
    // The outbox's entries still to deliver become records of their own (`notice_due`,
    // copied by `fillOutboxDue`). With it, an index in the order of the latest change: whether anything changed after
    // the day decided is one step down an index, not a sort of every row.
    [
      `ALTER TABLE ${table('findings')} ADD COLUMN warning TEXT`,
      `CREATE INDEX ${index('findings_by_update')} ON ${table('findings')} (tenant_id, inspection_id, updated_at${collate}, finding_id${collate})`,
    ],
  ];
}

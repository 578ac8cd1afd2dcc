/**
 * The tables of a rectify store, in order of their schema versions. Every table has a
 * `tenant_id` (the inspected organisation): it is what a query is always scoped to, and
 * the distribution column when the store is sharded (see docs/scaling-out.md).
 *
 * Portable SQL only (TEXT, INTEGER, composite keys, no JSONB): it runs on SQLite,
 * PostgreSQL and PostgreSQL-compatible databases. JSON is stored as TEXT so that what
 * comes back is byte-for-byte what went in.
 */
export function migrations(table: (name: string) => string, index: (name: string) => string): string[][] {
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
  ];
}

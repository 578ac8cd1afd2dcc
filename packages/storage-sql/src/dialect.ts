/**
 * What differs between the SQL databases rectify runs on. Everything else (schema,
 * queries, transactions' contents) is shared.
 */
export interface SqlDialect {
  /** `sqlite` or `postgres`. */
  name: string;
  /** Rewrites a statement written with `?` placeholders into the database's own. */
  placeholders(sql: string): string;
  /** `LIKE` operator for case-insensitive matching of Latin letters. */
  like: string;
  /** A collation clause that sorts text by code point, as JavaScript and SQLite do. */
  collate: string;
  /** Appended to the SELECT of a row about to be updated, to lock it until commit. */
  forUpdate: string;
  /** Tells whether an error is a violated primary key or unique constraint. */
  isUniqueViolation(error: unknown): boolean;
  /** Quotes an identifier. */
  quote(identifier: string): string;
  /** An expression: the days from one `YYYY-MM-DD` text to another, as a floating-point number. */
  daysBetween(from: string, to: string): string;
  /**
   * Appended to a table in FROM to make a scan read one (quoted) index: SQLite's planner
   * takes a narrower index for an `IN (VALUES …)` list and then reads every row's state.
   */
  useIndex(index: string): string;
  /** The column type for bytes. */
  blobType: string;
}

/** SQLite: `?` placeholders, LIKE ignores ASCII case, BINARY collation, locks by `BEGIN IMMEDIATE`. */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  placeholders: (sql) => sql,
  like: 'LIKE',
  collate: '',
  forUpdate: '',
  isUniqueViolation: (error) => {
    const code = (error as { code?: unknown })?.code;
    return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  },
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  daysBetween: (from, to) => `(julianday(${to}) - julianday(${from}))`,
  useIndex: (index) => ` INDEXED BY ${index}`,
  blobType: 'BLOB',
};

/** PostgreSQL (and PGlite): `$n` placeholders, ILIKE, `COLLATE "C"`, `FOR UPDATE`. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  placeholders: (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  },
  like: 'ILIKE',
  collate: ' COLLATE "C"',
  forUpdate: ' FOR UPDATE',
  isUniqueViolation: (error) => (error as { code?: unknown })?.code === '23505',
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  daysBetween: (from, to) => `CAST(CAST(${to} AS DATE) - CAST(${from} AS DATE) AS DOUBLE PRECISION)`,
  useIndex: () => '',
  blobType: 'BYTEA',
};

/**
 * One connection inside one transaction, as the SQL layer sees it. An adapter wraps
 * its driver (better-sqlite3, pg, PGlite) in this.
 */
export interface SqlSession {
  /** Runs a query with `?` placeholders already rewritten, returning its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement, returning how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
}

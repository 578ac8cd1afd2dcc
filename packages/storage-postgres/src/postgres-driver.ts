import type { Pool, PoolClient } from 'pg';
import { SerialLock, StorageRejectedError, StorageUnavailableError, type StorageDriver } from '@rectify/core';
import { createSqlDriver, postgresDialect, type SqlSession } from '@rectify/storage-sql';

/** Options shared by the PostgreSQL drivers. */
export interface PostgresDriverOptions {
  /**
   * The schema (namespace) the tables live in, created if missing. One store per schema:
   * tests give each run its own. Default `public`.
   */
  schema?: string;
  /** Prefix of table names (default `rectify_`). */
  prefix?: string;
}

/**
 * SQLSTATE classes and Node errors that mean the server or the connection went away:
 * nothing was committed, so the same command may be retried.
 */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return /Connection terminated|connection.*(closed|ended)|Client has encountered a connection error/i.test(String((error as Error)?.message));
  return /^(08|57P|53)/.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code);
}

/**
 * Settings the server or the resolver refused: class 28 (no such role, a wrong
 * password), 3D000 (no such database), a host name that does not exist, a connection
 * string `pg` cannot parse. Retrying them is pointless, so they are not "unavailable".
 */
function isRejectedSetting(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return /^28/.test(code) || code === '3D000' || code === 'ENOTFOUND' || code === 'ERR_INVALID_URL';
  return error instanceof TypeError && /Invalid URL/i.test(error.message);
}

function asStorageError(error: unknown): unknown {
  if (isRejectedSetting(error)) {
    return new StorageRejectedError(`PostgreSQL refused the connection settings (${(error as Error).message}): check the host, database, user and password`, error);
  }
  return isConnectionError(error)
    ? new StorageUnavailableError(`PostgreSQL is unavailable (${(error as Error).message}): nothing was committed; retry`, error)
    : error;
}

/** What the driver needs of a connection: `query` with positional parameters ($1, $2…). */
export interface Queryable {
  /** Runs one statement with its parameters; answers the rows and how many were changed. */
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null; affectedRows?: number }>;
}

/**
 * What {@link pgliteDriver} needs of a PGlite database, written out here so that the
 * types of this package do not import `@electric-sql/pglite`: a `pg` user who never
 * installs PGlite compiles with `skipLibCheck: false`. A `PGlite` instance is one.
 */
export interface PGliteLike {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the database. */
  close(): Promise<void>;
}

function sessionOver(client: Queryable): SqlSession {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rows as T[];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return { changes: result.rowCount ?? result.affectedRows ?? 0 };
    },
  };
}

const createSchema = (schema: string | undefined) => async (session: SqlSession) => {
  if (schema !== undefined) await session.run(`CREATE SCHEMA IF NOT EXISTS ${postgresDialect.quote(schema)}`);
};

/** How a read-only transaction begins: one snapshot for every statement, no writes. */
const READ_ONLY = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/**
 * A storage driver on a PostgreSQL server through a `pg` pool. Each transaction takes
 * its own connection; a finding being changed is locked (`SELECT … FOR UPDATE`) until
 * commit, so concurrent writers never lose an update.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const store = await openStore(postgresDriver(new pg.Pool({ connectionString }), { schema: 'rectify' }));
 * ```
 */
export function postgresDriver(pool: Pool, options: PostgresDriverOptions = {}): StorageDriver {
  return createSqlDriver({
    name: 'postgres',
    dialect: postgresDialect,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    prepare: createSchema(options.schema),
    async transaction(work, how) {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw asStorageError(error);
      }
      let broken = false;
      // A server that ends the connection between two statements (an administrator's
      // pg_terminate_backend, a restart) makes the client emit 'error'; with no listener
      // that would end the whole process. The next statement then fails, and is reported.
      const lost = () => { broken = true; };
      client.on('error', lost);
      try {
        // A read sees one snapshot for all its statements (READ COMMITTED would give each
        // statement its own) and cannot write.
        await client.query(how?.readOnly ? READ_ONLY : 'BEGIN');
        const result = await work(sessionOver(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken ||= isConnectionError(error);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw asStorageError(error);
      } finally {
        client.off('error', lost);
        // A connection that failed is dropped, not returned to the pool.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  });
}

/**
 * The same driver on PGlite, PostgreSQL compiled to WebAssembly: a real PostgreSQL in
 * the test process, for machines without a server. One connection, so transactions take
 * turns.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const store = await openStore(pgliteDriver(new PGlite()));
 * ```
 */
export function pgliteDriver(db: PGliteLike, options: PostgresDriverOptions = {}): StorageDriver {
  const lock = new SerialLock();
  return createSqlDriver({
    name: 'pglite',
    dialect: postgresDialect,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    prepare: createSchema(options.schema),
    transaction: (work, how) =>
      lock.run(() => db.transaction(async (tx) => {
        if (how?.readOnly) await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        return work(sessionOver(tx));
      })),
    close: () => lock.run(() => db.close()),
  });
}

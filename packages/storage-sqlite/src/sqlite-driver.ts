import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { RectifyError, SerialLock, StorageUnavailableError, type StorageDriver } from '@rectify/core';
import { createSqlDriver, sqliteDialect, type SqlSession } from '@rectify/storage-sql';

/** Options of {@link sqliteDriver}. */
export interface SqliteDriverOptions {
  /** A file path, or `:memory:`. */
  filename: string;
  /** How long to wait for another process's write lock before giving up (default 10 s). */
  busyTimeoutMs?: number;
  /**
   * `FULL` survives power loss; `NORMAL` (the default, with WAL) survives a crashed or
   * killed process, and is several times faster.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /** Prefix of table names (default `rectify_`). */
  prefix?: string;
}

/** Errors that mean "the database is busy or went away": nothing was written, retry. */
const RETRYABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY)/;

/**
 * A storage driver on a SQLite file (or `:memory:`) with better-sqlite3: WAL journal,
 * writes that take the file's write lock at `BEGIN IMMEDIATE` and reads that take none
 * (`BEGIN DEFERRED`: one snapshot while others write), so
 * several processes can share one file without losing an update.
 *
 * @example
 * ```ts
 * import { openStore } from '@rectify/core';
 * import { sqliteDriver } from '@rectify/storage-sqlite';
 * const store = await openStore(sqliteDriver({ filename: 'rectify.db' }));
 * ```
 */
export function sqliteDriver(options: SqliteDriverOptions | string): SqliteStorageDriver {
  const o = typeof options === 'string' ? { filename: options } : options;
  const db = openDatabase(o);

  const statements = new Map<string, Database.Statement>();
  const MAX_CACHED_STATEMENTS = 100;
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // Bulk imports make statements of many lengths; a bounded cache keeps the common ones.
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const session: SqlSession = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      // DDL is not cached: a statement prepared before a table exists would go stale.
      if (/^\s*CREATE/i.test(sql)) return { changes: db.prepare(sql).run(...params).changes };
      return { changes: prepare(sql).run(...params).changes };
    },
  };
  const lock = lockFor(o.filename);

  const driver = createSqlDriver({
    name: 'sqlite',
    dialect: sqliteDialect,
    ...(o.prefix === undefined ? {} : { prefix: o.prefix }),
    transaction: (work, how) =>
      lock.run(async () => {
        try {
          // A write takes the file's write lock at once (no upgrade deadlock between
          // processes); a read takes none, and under WAL sees one snapshot from its first
          // read to its end while other processes write.
          db.exec(how?.readOnly ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
        } catch (error) {
          throw asStorageError(error);
        }
        try {
          const result = await work(session);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw asStorageError(error);
        }
      }),
    close: async () => {
      await lock.run(async () => db.close());
    },
  });
  return Object.assign(driver, { database: db });
}

/** The SQLite driver, with its connection. */
export interface SqliteStorageDriver extends StorageDriver {
  /**
   * The better-sqlite3 connection underneath: to read the tables yourself, back the file
   * up (`database.backup(…)`), or look at a `:memory:` store. A write through it bypasses
   * every check of the store; `verify` will name the events it changed.
   */
  readonly database: Database.Database;
}

/**
 * One lock per file per process. better-sqlite3 waits for another connection's write
 * lock synchronously, blocking the thread; if that other connection belongs to this
 * same thread and is between two awaits of its transaction, it can never finish. So
 * every connection of this process to a file takes turns here, and `busy_timeout` is
 * left to arbitrate between processes, which do progress independently.
 */
const fileLocks = new Map<string, SerialLock>();

function lockFor(filename: string): SerialLock {
  if (filename === ':memory:' || filename === '') return new SerialLock();
  const key = resolve(filename);
  let lock = fileLocks.get(key);
  if (!lock) {
    lock = new SerialLock();
    fileLocks.set(key, lock);
  }
  return lock;
}

function openDatabase(o: SqliteDriverOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(o.filename);
    db.pragma(`busy_timeout = ${o.busyTimeoutMs ?? 10_000}`);
    if (o.filename !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${o.synchronous ?? 'NORMAL'}`);
    // On for any constraint a later schema adds; schema 1 has none (a bulk import writes
    // events before their finding), and the store keeps rows consistent in its transactions.
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: unknown })?.code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new RectifyError('storage.not_a_database', `${o.filename} is not a SQLite database (${code}); give the path of a store, or a new file`, { cause: error, details: { filename: o.filename } });
    }
    throw asStorageError(error);
  }
}

function asStorageError(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && RETRYABLE.test(code)) {
    return new StorageUnavailableError(`SQLite is busy or unavailable (${code}): nothing was written; retry`, error);
  }
  return error;
}

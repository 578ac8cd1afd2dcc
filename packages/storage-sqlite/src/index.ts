/**
 * `@rectify/storage-sqlite`: rectify's embedded store, on a SQLite file with better-sqlite3.
 *
 * @packageDocumentation
 */
export { sqliteDriver, type SqliteDriverOptions, type SqliteStorageDriver } from './sqlite-driver.js';

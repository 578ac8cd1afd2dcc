/**
 * `@rectify/storage-sql`: the SQL that rectify's SQL drivers share. An adapter gives
 * {@link createSqlDriver} a way to run a transaction on one connection and a dialect;
 * the schema, migrations and queries are here, written once.
 *
 * @packageDocumentation
 */
export { createSqlDriver, type SqlDriverOptions } from './sql-driver.js';
export { postgresDialect, sqliteDialect, type SqlDialect } from './dialect.js';
export { migrations } from './schema.js';
export type { SqlSession } from './session.js';

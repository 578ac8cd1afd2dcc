/**
 * `@rectify/storage-postgres`: rectify's store on PostgreSQL, through `pg` or PGlite.
 *
 * @packageDocumentation
 */
export { pgliteDriver, postgresDriver, type PostgresDriverOptions } from './postgres-driver.js';

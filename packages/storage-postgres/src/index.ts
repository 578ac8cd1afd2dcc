/**
 * `@rectify/storage-postgres`: rectify's store on PostgreSQL, through `pg` or PGlite.
 *
 * @packageDocumentation
 */
export { pgliteDriver, postgresDriver, type PGliteLike, type PostgresDriverOptions, type Queryable } from './postgres-driver.js';

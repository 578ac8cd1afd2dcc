import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { StorageDriver } from '@rectify/core';
import { testStorageAdapter } from '@rectify/testing';
import { pgliteDriver, postgresDriver } from '../src/index.js';

/** One schema per store, so that runs and tests never see each other's rows. */
let n = 0;
const schemaName = () => `rectify_test_${process.pid}_${++n}`;

// A fuzzed bundle takes some 40 ms on PostgreSQL: the SQLite file adapter runs the
// full 10,000 cases of the hostile suite in CI, these 500 (the same SQL, another database).
const FUZZ_RUNS = process.env['CI'] === 'true' ? 500 : 100;

/** Raw SQL edits of a store's events, as someone with access to the database would make them. */
function tamperWith(query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>, schema: string) {
  const events = `"${schema}".rectify_events`;
  return {
    updateEvent: async (tenantId: string, findingId: string, version: number, edit: (body: string) => string) => {
      const { rows } = await query(`SELECT body FROM ${events} WHERE tenant_id = $1 AND finding_id = $2 AND version = $3`, [tenantId, findingId, version]);
      await query(`UPDATE ${events} SET body = $1 WHERE tenant_id = $2 AND finding_id = $3 AND version = $4`, [edit((rows[0] as { body: string }).body), tenantId, findingId, version]);
    },
    deleteEvent: async (tenantId: string, findingId: string, version: number) => {
      await query(`DELETE FROM ${events} WHERE tenant_id = $1 AND finding_id = $2 AND version = $3`, [tenantId, findingId, version]);
    },
    insertEvent: async (tenantId: string, findingId: string, version: number, body: string) => {
      await query(`INSERT INTO ${events} (finding_id, version, tenant_id, on_day, body) VALUES ($1, $2, $3, $4, $5)`, [findingId, version, tenantId, (JSON.parse(body) as { on: string }).on, body]);
    },
    updateFile: async (tenantId: string, sha256: string, bytes: Uint8Array) => {
      await query(`UPDATE "${schema}".rectify_files SET body = $1 WHERE tenant_id = $2 AND sha256 = $3`, [bytes, tenantId, sha256]);
    },
  };
}

/** Each PGlite store's database and schema, read past the driver. */
const pglites = new WeakMap<StorageDriver, { db: PGlite; schema: string }>();
const pgliteCount = async (driver: StorageDriver, table: string, tenantId: string) => {
  const { db, schema } = pglites.get(driver)!;
  const { rows } = await db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${schema}".rectify_${table} WHERE tenant_id = $1`, [tenantId]);
  return rows[0]!.n;
};

/**
 * One PGlite for every store of the suite, each store in a schema of its own: starting a
 * PGlite runs initdb in WebAssembly (some 4 s here), and the kit opens a store for nearly
 * every test. PGlite runs each query and each transaction alone, so the stores cannot
 * interleave; closing a store leaves the shared database open for the next.
 */
let shared: PGlite | undefined;
const sharedPglite = (): PGlite => {
  shared ??= new PGlite();
  return new Proxy(shared, {
    get: (target, key) => {
      if (key === 'close') return async () => {};
      const value: unknown = Reflect.get(target, key, target);
      // PGlite's methods read its private fields: they must be called on PGlite itself.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

testStorageAdapter({
  name: 'postgres (PGlite)',
  create: async () => {
    const db = sharedPglite();
    const schema = schemaName();
    const driver = pgliteDriver(db, { schema });
    pglites.set(driver, { db, schema });
    return driver;
  },
  raw: (driver) => ({
    countEvents: (tenantId) => pgliteCount(driver, 'events', tenantId),
    countFindings: (tenantId) => pgliteCount(driver, 'findings', tenantId),
  }),
  tamper: (driver) => tamperWith((sql, params) => pglites.get(driver)!.db.query(sql, params), pglites.get(driver)!.schema),
  tamperFile: (driver, tenantId, sha256, bytes) => tamperWith((sql, params) => pglites.get(driver)!.db.query(sql, params), pglites.get(driver)!.schema).updateFile(tenantId, sha256, bytes),
  fuzzRuns: FUZZ_RUNS,
  skip: {
    concurrency: 'PGlite has a single connection: the same suite runs against a real PostgreSQL server below',
    migrations: 'covered against the real PostgreSQL server below, which can be opened by a second client',
  },
});

const url = process.env['RECTIFY_PG_URL'];
if (process.env['CI'] && !url) {
  // CI must never pass by skipping the real server silently.
  throw new Error('CI=true but RECTIFY_PG_URL is not set: .ci/run must start PostgreSQL and set it');
}

if (url) {
  const schemas = new WeakMap<StorageDriver, string>();
  const admin = () => new pg.Client({ connectionString: url });
  const count = async (driver: StorageDriver, table: string, tenantId: string) => {
    const client = admin();
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM "${schemas.get(driver)}".rectify_${table} WHERE tenant_id = $1`, [tenantId]);
      return rows[0].n as number;
    } finally {
      await client.end();
    }
  };
  /** One statement on a connection of its own, past the driver. */
  const adminQuery = async (sql: string, params: unknown[]) => {
    const client = admin();
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  testStorageAdapter({
    name: 'postgres (server)',
    fuzzRuns: FUZZ_RUNS,
    create: async () => {
      const schema = schemaName();
      const driver = postgresDriver(new pg.Pool({ connectionString: url, max: 4 }), { schema });
      schemas.set(driver, schema);
      return driver;
    },
    connectAgain: async (driver) => {
      const again = postgresDriver(new pg.Pool({ connectionString: url, max: 4 }), { schema: schemas.get(driver)! });
      schemas.set(again, schemas.get(driver)!);
      return again;
    },
    destroy: async (driver) => {
      const client = admin();
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schemas.get(driver)}" CASCADE`);
      await client.end();
    },
    raw: (driver) => ({
      countEvents: (tenantId) => count(driver, 'events', tenantId),
      countFindings: (tenantId) => count(driver, 'findings', tenantId),
    }),
    tamper: (driver) => tamperWith(adminQuery, schemas.get(driver)!),
    tamperFile: (driver, tenantId, sha256, bytes) => tamperWith(adminQuery, schemas.get(driver)!).updateFile(tenantId, sha256, bytes),
    setSchemaVersion: async (driver, version) => {
      const client = admin();
      await client.connect();
      await client.query(`UPDATE "${schemas.get(driver)}".rectify_meta SET value = $1 WHERE key = 'schema_version'`, [String(version)]);
      await client.end();
    },
  });
}

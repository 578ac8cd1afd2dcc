import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, type StorageDriver } from '@rectify/core';
import { buildWorld } from '@rectify/testing';
import { pgliteDriver, postgresDriver, type PGliteLike } from '../src/index.js';

// Ready for a distributed PostgreSQL: every statement the driver issues while a store is
// filled and read names the tenant, so that it can be routed to one shard. The exceptions
// are named: the schema's own statements (with version 3's fill of the roll-up columns and
// version 5's of the warning column and of the outbox's list to deliver, once over every tenant), the list of organisations, and a supervising office's roll-up,
// which reads across tenants by design.
const UNROUTED = [
  /^\s*(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)/i,
  /^\s*(CREATE|DROP|ALTER|INSERT INTO \S+\.?"?rectify_meta)/i,
  /rectify_meta/,
  /^SELECT tenant_id FROM \S+ WHERE kind = 'organisation'/,
  /^SELECT tenant_id, id, body FROM \S+ WHERE kind = 'inspection'$/,
  /^SELECT tenant_id, id, body FROM \S+ WHERE kind = \$1$/,
  /^SELECT tenant_id, finding_id, inspection_id, state FROM \S+$/,
  /^SELECT tenant_id, body FROM \S+ WHERE kind = \$1 ORDER BY/,
  /^(WITH rest\(day, in_force\) AS \(VALUES [^\n]*\) )?SELECT f\.tenant_id, f\.inspection_id, f\.lead_unit_id, f\.status, COUNT\(\*\) AS findings,/,
  /^SELECT tenant_id, inspection_id, status, SUBSTR\(created_on, 1, 7\) AS created_in/,
  /^SELECT MIN\(CASE WHEN original_deadline < deadline/,
];

async function exercise(driver: StorageDriver): Promise<void> {
  const store = await openStore(driver);
  const world = await buildWorld(store, 6);
  const scope = { organisationId: 'org-a', inspectionId: 'ins-a' };
  await store.findings({ ...scope, overdueAsOf: '2023-11-20', limit: 2 });
  await store.findings({ organisationId: 'org-b', sort: 'deadline', text: '问题' });
  await store.totals(scope);
  await store.findingsAsOf(scope, '2023-09-30');
  await store.history(scope, world.a.findingIds[0]!);
  await store.verify('org-a');
  await store.importBundle(await store.exportBundle({ organisationId: 'org-b' }));
  await store.organisations();
  await store.rollup({ asOf: '2023-12-01' });
  await store.rollup({ asOf: '2023-12-01', organisations: ['org-b'] });
  await store.rollup({ asOf: '2023-12-01', calendar: { name: 'weekdays', isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) } });
  await store.close();
}

/** Statements that neither filter on the tenant (`tenant_id = ?`) nor, as inserts, write it. */
function unrouted(statements: readonly string[]): string[] {
  const routed = (sql: string) => (/^\s*INSERT/i.test(sql) ? /\(([^)]*\b)?tenant_id\b/.test(sql) : /\btenant_id = \$\d/.test(sql));
  return [...new Set(statements.filter((sql) => !UNROUTED.some((r) => r.test(sql)) && !routed(sql)))];
}

describe('every statement names its tenant', () => {
  it('on PGlite', async () => {
    const db = new PGlite();
    const seen: string[] = [];
    const recorded: PGliteLike = {
      transaction: (work) => db.transaction((tx) => work({ query: (sql: string, params?: unknown[]) => { seen.push(sql); return tx.query(sql, params); } } as Parameters<typeof work>[0])),
      close: () => db.close(),
    };
    await exercise(pgliteDriver(recorded, { schema: 'routed' }));
    expect(seen.length).toBeGreaterThan(200);
    expect(unrouted(seen)).toEqual([]);
  });

  const url = process.env['RECTIFY_PG_URL'];
  if (process.env['CI'] && !url) throw new Error('CI=true but RECTIFY_PG_URL is not set: .ci/run must start PostgreSQL and set it');
  it.skipIf(url === undefined)('on the PostgreSQL server', async () => {
    const schema = `rectify_routed_${process.pid}`;
    const real = new pg.Pool({ connectionString: url, max: 2 });
    const seen: string[] = [];
    // The real pool, its clients' statements written down on the way.
    const pool = {
      connect: async () => {
        const client = await real.connect();
        const query = client.query.bind(client) as (sql: string, params?: unknown[]) => Promise<unknown>;
        (client as unknown as { query: typeof query }).query = (sql, params) => { seen.push(sql); return query(sql, params); };
        return client;
      },
      end: () => real.end(),
    } as unknown as pg.Pool;
    try {
      await exercise(postgresDriver(pool, { schema }));
      expect(seen.length).toBeGreaterThan(200);
      expect(unrouted(seen)).toEqual([]);
    } finally {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });
});

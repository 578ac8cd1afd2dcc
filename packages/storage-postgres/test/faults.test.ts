import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isRectifyError, memoryDriver, openStore } from '@rectify/core';
import { buildRaceTrack, buildWorld } from '@rectify/testing';
import { postgresDriver } from '../src/index.js';
import { sql, url } from './server.js';

const schemas: string[] = [];

/** A store on its own schema, whose connections carry a name the test can find them by. */
function open(name: string) {
  const schema = `rectify_fault_${process.pid}_${name}`;
  schemas.push(schema);
  const application = `rectify-fault-${process.pid}-${name}`;
  const pool = new pg.Pool({ connectionString: url, application_name: application, max: 2 });
  // A server that ends an idle pooled connection makes the pool emit 'error'; an app
  // must listen (pg's own advice), or Node ends the process.
  pool.on('error', () => undefined);
  const events = async () => (await sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${schema}".rectify_events`))[0]!.n;
  /** Ends, from another connection, every backend of this store that is in a transaction; answers how many. */
  const kill = async () => (await sql<{ pid: number }>(
    `SELECT pg_terminate_backend(pid) AS ok, pid FROM pg_stat_activity WHERE application_name = $1 AND state IN ('active', 'idle in transaction')`, [application],
  )).length;
  return { schema, driver: postgresDriver(pool, { schema }), events, kill };
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(isRectifyError(error), String(error)).toBe(true);
  return error as { code: string; retryable: boolean };
}

// A real server only: CI sets RECTIFY_PG_URL (and fails if it cannot).
describe.skipIf(!url)('postgres: a connection killed mid-transaction', () => {
  afterAll(async () => {
    for (const s of schemas) await sql(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  });

  it('during a bulk import: a typed, retryable error, nothing kept, and the retry imports all of it', async () => {
    const reference = await openStore(memoryDriver());
    await buildWorld(reference, 300);
    const bundle = await reference.exportBundle();
    const { driver, events, kill } = open('import');
    const store = await openStore(driver);

    const importing = store.importBundle(bundle);
    let killed = 0;
    const settled = importing.then(() => true, () => true);
    while (killed === 0 && !(await Promise.race([settled, new Promise((r) => setTimeout(() => r(false), 2))]))) killed = await kill();
    expect(killed, 'the import ended before it could be killed').toBeGreaterThan(0);
    expect(await refusal(importing)).toMatchObject({ code: 'storage.unavailable', retryable: true });
    expect(await events()).toBe(0);

    const report = await store.importBundle(bundle);
    expect(report.findings).toBe(600);
    expect(await events()).toBe(bundle.events.length);
    expect((await store.verify('org-a')).mismatches).toEqual([]);
    await store.close();
  });

  it('during one command: a typed, retryable error, nothing kept, and the retry with the same command id applies once', async () => {
    const { schema, driver, events, kill } = open('command');
    const store = await openStore(driver);
    const { findingIds } = await buildRaceTrack(store, 2);
    const before = await events();
    const urge = { organisationId: 'org-race', type: 'supervise', kind: 'urge', note: '督办', commandId: 'urge-1', findingId: findingIds[0]!, actorId: 'race-coord', at: '2023-09-01T10:00:00+08:00' };

    // Another session holds the finding's row, so the command waits inside its transaction.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT * FROM "${schema}".rectify_findings WHERE finding_id = $1 FOR UPDATE`, [findingIds[0]]);
    // Handled from the start: it fails while the loop below is still polling.
    const applying = store.apply(urge);
    applying.catch(() => undefined);
    let killed = 0;
    for (let i = 0; i < 500 && killed === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
      killed = await kill();
    }
    expect(killed).toBeGreaterThan(0);
    expect(await refusal(applying)).toMatchObject({ code: 'storage.unavailable', retryable: true });
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(await events()).toBe(before);

    const first = await store.apply(urge);
    const again = await store.apply(urge);
    expect([first.duplicate, again.duplicate]).toEqual([false, true]);
    expect(await events()).toBe(before + 1);
    expect((await store.verify('org-race')).mismatches).toEqual([]);
    await store.close();
  });
});

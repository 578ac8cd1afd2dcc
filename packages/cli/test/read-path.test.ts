import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVERY_DAY, memoryDriver, openStore, type DriverTransaction, type StorageDriver, type Store } from '@rectify/core';
import { postgresDriver } from '@rectify/storage-postgres';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { buildWorld } from '@rectify/testing';
import { rollupCommand } from '../src/commands/rollup.js';
import { reportCommand, statusCommand, type GlobalOptions } from '../src/index.js';
import { io } from './in-process.js';

// Every replay in the process goes through the core's evolve: counted here, so that "replays
// once" is measured, not assumed.
const replayed = vi.hoisted(() => ({ events: 0 }));
vi.mock('../../core/src/lifecycle/evolve.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../core/src/lifecycle/evolve.js')>();
  return { ...original, evolve: (...args: Parameters<typeof original.evolve>) => { replayed.events++; return original.evolve(...args); } };
});

/** A driver that counts its transactions (and how many were read-only) and every event it reads. */
function counted(inner: StorageDriver) {
  const counts = { transactions: 0, readOnly: 0, eventReads: 0, eventsRead: 0 };
  const driver: StorageDriver = {
    ...inner,
    transaction: (work, how) => {
      counts.transactions++;
      if (how?.readOnly) counts.readOnly++;
      return inner.transaction((tx: DriverTransaction) => work({
        ...tx,
        listEvents: async (tenantId, filter) => {
          const events = await tx.listEvents(tenantId, filter);
          counts.eventReads++;
          counts.eventsRead += events.length;
          return events;
        },
      }), how);
    },
  };
  return { driver, counts, reset: () => Object.assign(counts, { transactions: 0, readOnly: 0, eventReads: 0, eventsRead: 0 }) };
}

const url = process.env['RECTIFY_PG_URL'];
if (process.env['CI'] && !url) throw new Error('CI=true but RECTIFY_PG_URL is not set: .ci/run must start PostgreSQL and set it');
const schema = `rectify_read_path_${process.pid}`;
const pools: pg.Pool[] = [];

const DRIVERS: [string, () => StorageDriver][] = [
  ['memory', () => memoryDriver()],
  ['sqlite (file)', () => sqliteDriver({ filename: join(mkdtempSync(join(tmpdir(), 'rectify-read-')), 'store.db') })],
  ...(url === undefined ? [] : [['postgres (server)', () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pools.push(pool);
    return postgresDriver(pool, { schema });
  }] as [string, () => StorageDriver]]),
];

afterAll(async () => {
  if (url === undefined) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

const GLOBAL: GlobalOptions = { db: 'unused.db', postgres: undefined, lang: 'zh-CN', org: 'org-a', inspection: undefined, calendar: EVERY_DAY, utcOffset: '+08:00' };
const AS_OF = '2023-11-20';

describe.each(DRIVERS)('the read path on %s', (_name, create) => {
  let store: Store;
  let c: ReturnType<typeof counted>;
  let events = 0;
  beforeEach(async () => {
    if (store !== undefined) return;
    c = counted(create());
    store = await openStore(c.driver);
    await buildWorld(store, 12);
    events = (await store.events({ organisationId: 'org-a', inspectionId: 'ins-a' }, { upTo: AS_OF })).length;
  });
  afterAll(async () => {
    await store?.close();
  });

  it.each(['notice', 'html', 'json', 'xlsx'])('rectify report --format %s: one read-only transaction, each event read once and replayed once', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-report-'));
    c.reset();
    replayed.events = 0;
    await reportCommand(store, GLOBAL, { format, asOf: AS_OF, output: join(dir, `report.${format}`), redact: format === 'notice', publish: false, publishedBy: undefined }, io(dir, '2023-11-20T10:00:00+08:00'));
    expect(events).toBeGreaterThan(50);
    expect(c.counts).toEqual({ transactions: 1, readOnly: 1, eventReads: 1, eventsRead: events });
    expect(replayed.events).toBe(events);
  });

  it('rectify status: one read-only transaction, each event read once and replayed once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-status-'));
    c.reset();
    replayed.events = 0;
    const out = io(dir, '2023-11-20T10:00:00+08:00');
    await statusCommand(store, GLOBAL, { asOf: AS_OF, unit: undefined, json: false }, out);
    expect(out.lines.join('\n')).toContain('问题总数');
    expect(c.counts).toEqual({ transactions: 1, readOnly: 1, eventReads: 1, eventsRead: events });
    expect(replayed.events).toBe(events);
  });

  it('rectify status --all: one read-only transaction over every organisation, counted by the store, no event read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-all-'));
    c.reset();
    replayed.events = 0;
    const out = io(dir, '2023-11-20T10:00:00+08:00');
    await rollupCommand(store, { ...GLOBAL, org: undefined }, { asOf: AS_OF, json: true }, out);
    expect(JSON.parse(out.lines.join('\n')).organisations.map((o: { organisationId: string }) => o.organisationId).sort()).toEqual(['org-a', 'org-b']);
    // Every finding's row is the day's (the world's last event is in September): the driver counts them.
    expect(c.counts).toEqual({ transactions: 1, readOnly: 1, eventReads: 0, eventsRead: 0 });
    expect(replayed.events).toBe(0);
  });

  it('rectify status --all of a day before the last event: each organisation\'s events up to it read once and replayed once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-all-past-'));
    const day = '2023-09-02';
    const everyEvent = (await store.events({ organisationId: 'org-a' }, { upTo: day })).length + (await store.events({ organisationId: 'org-b' }, { upTo: day })).length;
    c.reset();
    replayed.events = 0;
    await rollupCommand(store, { ...GLOBAL, org: undefined }, { asOf: day, json: true }, io(dir, '2023-11-20T10:00:00+08:00'));
    expect(c.counts).toEqual({ transactions: 1, readOnly: 1, eventReads: 2, eventsRead: everyEvent });
    expect(replayed.events).toBe(everyEvent);
  });
});

afterAll(async () => {
  for (const pool of pools) await pool.end().catch(() => undefined);
});

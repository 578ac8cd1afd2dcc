import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryDriver, openStore } from '@rectify/core';
import { buildRaceTrack, buildWorld, runConcurrentWriters, runCrashTrial } from '@rectify/testing';
import driverFor from './driver-module.js';
import { sql, url } from './server.js';

const driverModule = fileURLToPath(new URL('./driver-module.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rectify-pg-'));
const schemas: string[] = [];
const schema = (name: string) => {
  const s = `rectify_mp_${process.pid}_${name}`;
  schemas.push(s);
  return s;
};


// These run against a real server only: CI sets RECTIFY_PG_URL (and fails if it cannot).
describe.skipIf(!url)('postgres: separate processes on one server', () => {
  afterAll(async () => {
    for (const s of schemas) await sql(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  });

  it('4 writers × 1,000 commands on 50 findings: no lost update, every refusal a conflict', async () => {
    const options = { url: url!, schema: schema('race') };
    const store = await openStore(driverFor(options));
    const track = await buildRaceTrack(store, 50);
    await store.close();

    const result = await runConcurrentWriters({ driverModule, driverOptions: options, ...track, writers: 4, commandsPerWriter: 1000 });
    const conflicts = result.refusals['concurrency.conflict'] ?? 0;
    writeFileSync(join(tmpdir(), 'rectify-postgres-concurrency.json'), JSON.stringify({ accepted: result.accepted.length, conflicts, refusals: result.refusals, ms: Math.round(result.milliseconds) }, null, 2));

    expect(Object.keys(result.refusals).filter((code) => code !== 'concurrency.conflict')).toEqual([]);
    expect(result.accepted.length + conflicts).toBe(4000);
    const [events] = await sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${options.schema}".rectify_events WHERE tenant_id = $1`, [track.organisationId]);
    expect(events!.n).toBe(50 + result.accepted.length);
    const stored = await sql<{ command_id: string }>(`SELECT command_id FROM "${options.schema}".rectify_commands WHERE command_id LIKE 'w%'`);
    expect(stored.map((r) => r.command_id).sort()).toEqual([...result.accepted].sort());
    const reopened = await openStore(driverFor(options));
    expect((await reopened.verify(track.organisationId)).mismatches).toEqual([]);
    await reopened.close();
  });

  it('a bulk import killed with SIGKILL, 20 times: the server keeps all of it or none', async () => {
    const reference = await openStore(memoryDriver());
    await buildWorld(reference, 200);
    const bundle = await reference.exportBundle();
    const bundleFile = join(dir, 'bundle.json');
    const fullMs = (await runCrashTrial({ driverModule, driverOptions: { url, schema: schema('timed') }, bundle, bundleFile, killAfterMs: 600_000 })).importMs;
    const outcomes: { killAfterMs: number; killed: boolean; findings: number }[] = [];
    for (let t = 0; t < 20; t++) {
      const options = { url: url!, schema: schema(`crash_${t}`) };
      const killAfterMs = Math.round(((t + 0.5) / 20) * fullMs * 1.1);
      const { killed } = await runCrashTrial({ driverModule, driverOptions: options, bundle, bundleFile, killAfterMs });
      // The server may still be rolling the dead session back: a fresh store waits on its locks.
      const store = await openStore(driverFor(options));
      const held = (await store.totals({ organisationId: 'org-a' })).total + (await store.totals({ organisationId: 'org-b' })).total;
      expect([0, 400]).toContain(held);
      expect((await store.verify('org-a')).mismatches).toEqual([]);
      await store.close();
      outcomes.push({ killAfterMs, killed, findings: held });
    }
    writeFileSync(join(tmpdir(), 'rectify-postgres-crash.json'), JSON.stringify({ fullImportMs: Math.round(fullMs), trials: outcomes }, null, 2));
    expect(outcomes.filter((o) => o.killed && o.findings === 0).length).toBeGreaterThan(0);
  });
});

import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore } from '@rectify/core';
import { buildRaceTrack, buildWorld, runConcurrentWriters, runCrashTrial } from '@rectify/testing';
import { sqliteDriver } from '../src/index.js';
import { rawCount, tempDir } from './helpers.js';

const driverModule = fileURLToPath(new URL('./driver-module.ts', import.meta.url));
const dir = tempDir();
const report = (name: string, figures: unknown) => writeFileSync(join(dir, '..', `rectify-${name}.json`), JSON.stringify(figures, null, 2));

describe('sqlite: separate processes on one file', () => {
  it('4 writers × 1,000 commands on 50 findings: no lost update, every refusal a conflict', async () => {
    const filename = join(dir, 'race.db');
    const store = await openStore(sqliteDriver({ filename }));
    const track = await buildRaceTrack(store, 50);
    await store.close();

    const result = await runConcurrentWriters({ driverModule, driverOptions: { filename }, ...track, writers: 4, commandsPerWriter: 1000 });
    const conflicts = result.refusals['concurrency.conflict'] ?? 0;
    report('sqlite-concurrency', { accepted: result.accepted.length, conflicts, refusals: result.refusals, ms: Math.round(result.milliseconds) });

    expect(Object.keys(result.refusals).filter((code) => code !== 'concurrency.conflict')).toEqual([]);
    expect(result.accepted.length + conflicts).toBe(4000);
    // Every accepted command is one stored event, and no other event was written.
    expect(rawCount(filename, 'events', track.organisationId)).toBe(50 + result.accepted.length);
    const db = new Database(filename, { readonly: true });
    const stored = db.prepare(`SELECT command_id FROM rectify_commands WHERE command_id LIKE 'w%'`).all() as { command_id: string }[];
    db.close();
    expect(stored.map((r) => r.command_id).sort()).toEqual([...result.accepted].sort());
    const reopened = await openStore(sqliteDriver({ filename }));
    expect((await reopened.verify(track.organisationId)).mismatches).toEqual([]);
    await reopened.close();
  });
});

describe('sqlite: a bulk import killed with SIGKILL', () => {
  const trials = process.env['CI'] ? 20 : 5;

  it(`leaves, in each of ${trials} trials, a store that opens, checks clean, and holds all or none of the import`, async () => {
    const reference = await openStore(memoryDriver());
    await buildWorld(reference, 400);
    const bundle = await reference.exportBundle();
    const findings = 800;

    // Time one whole import, to spread the kills over it.
    const timed = join(dir, 'timed.db');
    const fullMs = (await runCrashTrial({ driverModule, driverOptions: { filename: timed }, bundle, bundleFile: join(dir, 'bundle.json'), killAfterMs: 600_000 })).importMs;

    const outcomes: { killAfterMs: number; killed: boolean; findings: number }[] = [];
    for (let t = 0; t < trials; t++) {
      const filename = join(dir, `crash-${t}.db`);
      const killAfterMs = Math.round(((t + 0.5) / trials) * fullMs * 1.1);
      const { killed } = await runCrashTrial({ driverModule, driverOptions: { filename }, bundle, bundleFile: join(dir, 'bundle.json'), killAfterMs });
      const db = new Database(filename);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      const store = await openStore(sqliteDriver({ filename }));
      const held = (await store.totals({ organisationId: 'org-a' })).total + (await store.totals({ organisationId: 'org-b' })).total;
      expect([0, findings]).toContain(held);
      expect((await store.verify('org-a')).mismatches).toEqual([]);
      await store.close();
      outcomes.push({ killAfterMs, killed, findings: held });
    }
    report('sqlite-crash', { fullImportMs: Math.round(fullMs), trials: outcomes });
    // The kills must really have hit imports in flight, not only finished ones.
    expect(outcomes.filter((o) => o.killed && o.findings === 0).length).toBeGreaterThan(0);
  });
});

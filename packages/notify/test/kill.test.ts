import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { buildWorld } from '@rectify/testing';
import { expect, it } from 'vitest';
import { deliveryDigest, queueWarnings, webhookChannel, WEBHOOK_HEADERS } from '../src/index.js';
import { httpReceiver } from './servers.js';

// 20 trials in CI, as the issue asks; 5 on a contributor's machine (each starts a process).
const TRIALS = Number(process.env['RECTIFY_KILL_TRIALS'] ?? (process.env['CI'] ? 20 : 5));
const worker = fileURLToPath(new URL('./deliver-worker.ts', import.meta.url));

/** A small deterministic random sequence (no Math.random: a failure can be run again). */
function sequence(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

it(`loses nothing and sends nothing twice but the message in flight, when the deliverer is killed ${TRIALS} times at random points`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-kill-'));
  const file = join(dir, 'store.db');
  const store = await openStore(sqliteDriver(file));
  const random = sequence(20231205);
  let onRequest: (() => void) | undefined;
  // A receiver that takes a few milliseconds per delivery, so that kills land before, during and after a send.
  const hook = await httpReceiver(async () => {
    onRequest?.();
    await new Promise((r) => setTimeout(r, 3 + Math.floor(random() * 6)));
    return { status: 200, body: 'ok' };
  });
  try {
    await buildWorld(store);
    const secret = 'a-webhook-secret-of-some-length';
    const channel = webhookChannel({ url: hook.url, secret });
    for (const day of ['2023-11-10', '2023-11-20', '2023-12-01', '2023-12-06', '2023-12-12', '2023-12-20']) await queueWarnings(store, { organisationId: 'org-a', asOf: day, now: `${day}T08:00:00+08:00`, channels: [channel] });
    const entries = await store.outbox('org-a');
    expect(entries.length).toBeGreaterThan(90);

    const run = (killAfter: number | undefined) =>
      new Promise<{ killed: boolean; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', worker, JSON.stringify({ file, url: hook.url, secret, organisationId: 'org-a' })], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        let seen = 0;
        if (killAfter !== undefined) {
          onRequest = () => {
            // Kill after the n-th request this run sees, some milliseconds into it: before its answer, during, or after.
            if (++seen === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 12));
          };
        }
        child.on('exit', (_code, signal) => {
          onRequest = undefined;
          resolve({ killed: signal === 'SIGKILL', stdout, stderr });
        });
      });

    let kills = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const r = await run(1 + Math.floor(random() * 4));
      if (r.killed) kills++;
      else expect(r.stderr).toBe('');
    }
    const last = await run(undefined);
    expect(last.stderr).toBe('');

    const after = await store.outbox('org-a');
    expect(after.filter((e) => e.status !== 'sent')).toEqual([]);
    const received = hook.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery] as string);
    const expected = new Set(entries.map((e) => deliveryDigest(e.id)));
    // Nothing lost: every entry reached the receiver; nothing but what it knows.
    expect(new Set(received)).toEqual(expected);
    // Sent again only what a run was sending when it was killed: at most one message per kill
    // (the same one again, when the next run is killed on it too), under the same delivery id,
    // so that a receiver that keeps the ids sees each once.
    const twice = received.length - expected.size;
    expect(kills).toBeGreaterThanOrEqual(Math.ceil(TRIALS * 0.75));
    expect(twice).toBeLessThanOrEqual(kills);
    console.log(`kill trials: ${entries.length} entries, ${kills} kills, ${twice} delivered twice (each under its id)`);
  } finally {
    await hook.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);

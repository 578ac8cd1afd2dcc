import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRectifyError, openStore, type Store } from '@rectify/core';
import { buildRaceTrack } from '@rectify/testing';
import { sqliteDriver } from '../src/index.js';
import { rawCount, tempDir } from './helpers.js';

const dir = tempDir();

/** Another process that takes the file's write lock and keeps it until told, or killed. */
async function lockHolder(filename: string): Promise<ChildProcessWithoutNullStreams> {
  const script = `
    const db = require('better-sqlite3')(${JSON.stringify(filename)});
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: join(import.meta.dirname, '..') });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  expect(chunk.toString()).toBe('locked\n');
  return child;
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(isRectifyError(error), String(error)).toBe(true);
  return error as { code: string; retryable: boolean; message: string };
}

describe('sqlite: faults', () => {
  const progress = (findingId: string, commandId: string) => ({ organisationId: 'org-race', type: 'supervise', kind: 'urge', note: '督办', commandId, findingId, actorId: 'race-coord', at: '2023-09-01T10:00:00+08:00' });

  async function setUp(name: string): Promise<{ store: Store; filename: string; findingIds: string[]; events: () => number }> {
    const filename = join(dir, `${name}.db`);
    const store = await openStore(sqliteDriver({ filename, busyTimeoutMs: 200 }));
    const { findingIds } = await buildRaceTrack(store, 3);
    return { store, filename, findingIds, events: () => rawCount(filename, 'events', 'org-race') };
  }

  it('a file locked by another process: a typed, retryable refusal that writes nothing; the retry applies once', async () => {
    const { store, filename, findingIds, events } = await setUp('locked');
    const before = events();
    const holder = await lockHolder(filename);
    const error = await refusal(store.apply(progress(findingIds[0]!, 'p-1')));
    expect(error).toMatchObject({ code: 'storage.unavailable', retryable: true });
    expect(error.message).toContain('nothing was written; retry');
    holder.stdin.write('release\n');
    await once(holder, 'exit');
    expect(events()).toBe(before);

    const first = await store.apply(progress(findingIds[0]!, 'p-1'));
    const again = await store.apply(progress(findingIds[0]!, 'p-1'));
    expect([first.duplicate, again.duplicate]).toEqual([false, true]);
    expect(events()).toBe(before + 1);
    expect((await store.verify('org-race')).mismatches).toEqual([]);
    await store.close();
  });

  it('a lock holder killed with SIGKILL: the lock goes with it and work resumes', async () => {
    const { store, filename, findingIds, events } = await setUp('killed');
    const before = events();
    const holder = await lockHolder(filename);
    expect((await refusal(store.apply(progress(findingIds[1]!, 'p-2')))).code).toBe('storage.unavailable');
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    expect((await store.apply(progress(findingIds[1]!, 'p-2'))).duplicate).toBe(false);
    expect(events()).toBe(before + 1);
    await store.close();
  });
});

/**
 * A child process of the multi-process checks: opens a store through an adapter's
 * driver module and either writes commands (`write`) or imports a bundle (`import`),
 * then prints one JSON line with what it did. Started by {@link runConcurrentWriters}
 * and {@link runCrashTrials}; not meant to be run by hand.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isRectifyError, openStore, type StorageDriver } from '@rectify/core';

interface WorkerArgs {
  mode: 'write' | 'import';
  /** A module whose default export makes a driver from `driverOptions`. */
  driverModule: string;
  driverOptions: unknown;
  /** write: who writes, how many commands, on which findings. */
  writer?: number;
  commands?: number;
  findingIds?: string[];
  organisationId?: string;
  actorId?: string;
  /** import: the bundle file. */
  bundleFile?: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
const make = (await import(pathToFileURL(args.driverModule).href)).default as (options: unknown) => StorageDriver;
const store = await openStore(make(args.driverOptions));

if (args.mode === 'write') {
  const ids = args.findingIds ?? [];
  let seed = (args.writer ?? 0) * 7919 + 17;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const accepted: string[] = [];
  const refusals: Record<string, number> = {};
  for (let i = 0; i < (args.commands ?? 0); i++) {
    const findingId = ids[next() % ids.length]!;
    const commandId = `w${args.writer}-${i}`;
    // Read, then write with the version read: a writer that lost the race is told so.
    const current = await store.finding({ organisationId: args.organisationId! }, findingId);
    try {
      await store.apply({
        organisationId: args.organisationId, type: 'supervise', kind: 'urge', note: commandId, commandId, findingId, actorId: args.actorId,
        at: '2030-01-01T00:00:00Z', expectedVersion: current?.version ?? 0,
      });
      accepted.push(commandId);
    } catch (error) {
      const code = isRectifyError(error) ? error.code : `untyped:${(error as Error).name}`;
      refusals[code] = (refusals[code] ?? 0) + 1;
    }
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ accepted, refusals })}\n`);
} else {
  const bundle = JSON.parse(readFileSync(args.bundleFile!, 'utf8'));
  process.stdout.write('started\n');
  const report = await store.importBundle(bundle);
  await store.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BundleInput } from '@rectify/core';

/**
 * Where the worker is: beside this file in the sources (TypeScript, run with tsx), or
 * at `dist/processes/worker.js` in the built package, this file being in `dist/index.js`.
 */
export function workerPath(moduleUrl: string = import.meta.url): string {
  return moduleUrl.endsWith('.ts') ? fileURLToPath(new URL('./worker.ts', moduleUrl)) : fileURLToPath(new URL('./processes/worker.js', moduleUrl));
}

function startWorker(args: Record<string, unknown>): ChildProcess {
  const file = workerPath();
  const flags = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return spawn(process.execPath, [...flags, file, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Options of {@link runConcurrentWriters}. */
export interface ConcurrentWritersOptions {
  /** A module whose default export makes a driver from `driverOptions` (run in each child). */
  driverModule: string;
  driverOptions: unknown;
  organisationId: string;
  actorId: string;
  findingIds: string[];
  writers: number;
  commandsPerWriter: number;
}

/** What the writers did, all together. */
export interface ConcurrentWritersResult {
  accepted: string[];
  /** Refusals by error code; a healthy store has only `concurrency.conflict` here. */
  refusals: Record<string, number>;
  milliseconds: number;
}

/**
 * Starts `writers` processes that each read-then-write `commandsPerWriter` commands on
 * the same findings at once, with optimistic concurrency, and gathers what happened.
 */
export async function runConcurrentWriters(options: ConcurrentWritersOptions): Promise<ConcurrentWritersResult> {
  const started = performance.now();
  const children = Array.from({ length: options.writers }, (_, writer) =>
    finished(startWorker({ mode: 'write', writer, commands: options.commandsPerWriter, ...options })),
  );
  const results = await Promise.all(children);
  const accepted: string[] = [];
  const refusals: Record<string, number> = {};
  for (const r of results) {
    if (r.code !== 0) throw new Error(`A writer failed (exit ${r.code}): ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { accepted: string[]; refusals: Record<string, number> };
    accepted.push(...out.accepted);
    for (const [code, n] of Object.entries(out.refusals)) refusals[code] = (refusals[code] ?? 0) + n;
  }
  return { accepted, refusals, milliseconds: performance.now() - started };
}

/** Options of {@link runCrashTrial}. */
export interface CrashTrialOptions {
  driverModule: string;
  driverOptions: unknown;
  /** The bundle the child imports; written to `bundleFile` first. */
  bundle: BundleInput;
  bundleFile: string;
  /** Kill the child this many milliseconds after its import started. */
  killAfterMs: number;
}

/**
 * Starts a child that imports a bundle and kills it with SIGKILL `killAfterMs` after it
 * began. Resolves with whether the child was killed before it finished, and how long
 * its import ran (from its start to its end or its death).
 */
export async function runCrashTrial(options: CrashTrialOptions): Promise<{ killed: boolean; importMs: number }> {
  writeFileSync(options.bundleFile, JSON.stringify(options.bundle));
  const child = startWorker({ mode: 'import', driverModule: options.driverModule, driverOptions: options.driverOptions, bundleFile: options.bundleFile });
  const done = finished(child);
  await new Promise<void>((resolve) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (String(d).includes('started')) resolve();
    });
    child.on('exit', () => resolve());
  });
  const importStarted = performance.now();
  const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  const result = await done;
  clearTimeout(timer);
  if (result.signal !== 'SIGKILL' && result.code !== 0) throw new Error(`The importer failed on its own (exit ${result.code}): ${result.stderr}`);
  return { killed: result.signal === 'SIGKILL', importMs: performance.now() - importStarted };
}

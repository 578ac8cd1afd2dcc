// Start-up cost: how long a fresh Node process takes to import each package and to run
// `rectify --help` and `rectify status` on the seed, against bare Node in the same run.
// `pnpm --filter @rectify/bench exec node --import tsx src/startup.ts [runs]` (after `pnpm build`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const runs = Number(process.argv[2] ?? 9);
const here = dirname(new URL(import.meta.url).pathname);
const cli = join(here, '..', '..', 'packages', 'cli', 'dist', 'cli.js');
const seed = join(here, '..', '..', '..', 'shared', 'seed', '000_4d34960a250bd763.txt');
// Imports are resolved as an app that installed the packages would: from a package's own folder.
const cliPackage = join(here, '..', '..', 'packages', 'cli');
const corePackage = join(here, '..', '..', 'packages', 'core');

/** The median wall time of `runs` fresh processes, in milliseconds. */
function median(args: string[], cwd: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'rectify-startup-'));
execFileSync(process.execPath, [cli, 'import', seed, '--org', 'xq-sfj'], { cwd: dir, stdio: 'ignore' });

const bare = median(['-e', '0'], dir);
const rows: [string, number][] = [['node -e 0 (bare Node)', bare]];
for (const pkg of ['zod', '@rectify/core', '@rectify/calendar-cn', '@rectify/report-notice', '@rectify/report-data', '@rectify/report-docx', '@rectify/report-xlsx', '@rectify/report-html', '@rectify/storage-sqlite', '@rectify/storage-postgres', '@rectify/cli']) {
  // zod is the core's dependency, not the CLI's: imported from the core's folder.
  rows.push([`import ${pkg}`, median(['--input-type=module', '-e', `await import(${JSON.stringify(pkg)})`], pkg === 'zod' ? corePackage : cliPackage)]);
}
rows.push(['rectify --help', median([cli, '--help'], dir)]);
rows.push(['rectify status (the seed, SQLite)', median([cli, 'status', '--as-of', '2023-10-31'], dir)]);

console.log(`| Process (median of ${runs}) | ms | × bare Node |\n|---|---:|---:|`);
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / bare).toFixed(1)} |`);

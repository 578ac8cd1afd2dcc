// Runs the suites where a calendar day could slip under the machine's time zone, once
// per zone. The full suite runs under TZ=UTC (`test:unit`); here the same days, deadlines,
// as-of reports, workbook dates and queries must come out identical in China, on the
// American west coast, and in the zones that skipped whole days (Kiritimati 1994-12-31,
// Samoa 2011-12-30). Fuzzing runs a short round here: its long round is in `test:unit`.
import { spawnSync } from 'node:child_process';

const DAY_SENSITIVE = [
  'packages/core',
  'packages/calendar-cn',
  'examples',
  'packages/report-xlsx',
  'packages/report-data',
  'packages/report-notice/test/notice.test.ts',
  'packages/cli/test/run.test.ts',
];
/**
 * What the runs leave out: suites with no calendar day of their own, which take long
 * and would only repeat what the runs above check (a scale test of 130,000 events, the
 * storage kit through a custom driver, a browser opening the dashboard).
 */
const NOT_DAY_SENSITIVE = ['packages/core/test/limits.test.ts', 'examples/custom-storage/**', 'examples/dashboard/**'];
const RUNS = [
  // The clerks' ledgers through the built command line (some 35 s) run in UTC and on the
  // American west coast, where a day read from Excel at midnight UTC would slip back.
  { tz: 'Asia/Shanghai', paths: DAY_SENSITIVE, exclude: ['packages/report-xlsx/test/clerk-ledgers.test.ts'] },
  { tz: 'America/Los_Angeles', paths: DAY_SENSITIVE },
  { tz: 'Pacific/Kiritimati', paths: ['packages/core', 'packages/calendar-cn'] },
  { tz: 'Pacific/Apia', paths: ['packages/core/test/dates.test.ts'] },
];

for (const { tz, paths, exclude = [] } of RUNS) {
  console.log(`\n— TZ=${tz}: ${paths.join(' ')}`);
  const result = spawnSync('vitest', ['run', ...paths, ...[...NOT_DAY_SENSITIVE, ...exclude].flatMap((glob) => ['--exclude', glob])], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, TZ: tz, RECTIFY_FUZZ_RUNS: '300' },
  });
  if (result.status !== 0) {
    console.error(`Tests failed under TZ=${tz}`);
    process.exit(result.status ?? 1);
  }
}

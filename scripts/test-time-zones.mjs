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
const RUNS = [
  { tz: 'Asia/Shanghai', paths: DAY_SENSITIVE },
  { tz: 'America/Los_Angeles', paths: DAY_SENSITIVE },
  { tz: 'Pacific/Kiritimati', paths: ['packages/core', 'packages/calendar-cn'] },
  { tz: 'Pacific/Apia', paths: ['packages/core/test/dates.test.ts'] },
];

for (const { tz, paths } of RUNS) {
  console.log(`\n— TZ=${tz}: ${paths.join(' ')}`);
  const result = spawnSync('vitest', ['run', ...paths], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, TZ: tz, RECTIFY_FUZZ_RUNS: '300' },
  });
  if (result.status !== 0) {
    console.error(`Tests failed under TZ=${tz}`);
    process.exit(result.status ?? 1);
  }
}

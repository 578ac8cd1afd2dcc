import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the sources, so a change is tested without a build.
    alias: Object.fromEntries(
      ['core', 'storage-sql', 'storage-sqlite', 'storage-postgres', 'testing', 'calendar-cn', 'report-notice', 'report-data', 'report-html', 'report-xlsx', 'report-docx', 'http', 'notify', 'cli'].map((name) => [
        `@rectify/${name}`,
        fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url)),
      ]),
    ),
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'docs/test/**/*.test.ts'],
    testTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/index.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.tmp/coverage',
      // The core is pure: every line of it can be reached by a test.
      thresholds: { 'packages/core/src/**': { lines: 90, statements: 90, functions: 90, branches: 85 } },
    },
  },
});

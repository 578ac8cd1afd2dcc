import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CONFIG = join(import.meta.dirname, 'fixtures', 'vitest.config.ts');

interface Result {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

// The kit's checks must be able to fail: it is run on adapters broken on purpose
// (fixtures/broken-adapters.kit.ts), and each must be caught by the suite meant for it.
describe('the conformance kit, on adapters broken on purpose', () => {
  it('fails the queries, analytics, deadlines and history suites of an adapter that gets them wrong', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rectify-kit-')), 'result.json');
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', '--config', CONFIG, '--reporter=json', `--outputFile=${out}`], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: '' } });
    } catch {
      // Failures are what this test is after: the report says which.
    }
    const result = JSON.parse(readFileSync(out, 'utf8')) as Result;
    const failed = (adapter: string) => result.testResults.flatMap((f) => f.assertionResults).filter((a) => a.fullName.includes(adapter) && a.status === 'failed').map((a) => a.fullName);
    expect(failed('drops the last finding of every page').length).toBeGreaterThan(0);
    expect(failed('counts a deadline as overdue on its own day')).toEqual([expect.stringContaining('agrees on overdue and due soon in every view')]);
    expect(failed('counts one finding too many')).toEqual([expect.stringContaining('counts by status, category and unit exactly as the core does')]);
    expect(failed('keeps events without their hashes')).toEqual([expect.stringContaining('replays every finding to its stored state')]);
  }, 180_000);
});

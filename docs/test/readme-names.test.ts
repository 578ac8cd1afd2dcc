import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A package's README is its first page on npm: a constant or function it names in
// backticks (`CN_YEARS`, `chinaCalendar(…)`) must be one the package exports, or a
// reader imports a name that does not exist.
const PACKAGES = join(import.meta.dirname, '..', '..', 'packages');
const CONSTANT = /`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g;
const CALL = /`([a-z][A-Za-z0-9]*)\(/g;

describe('names in the package READMEs', () => {
  for (const dir of readdirSync(PACKAGES)) {
    const readme = join(PACKAGES, dir, 'README.md');
    let text: string;
    try {
      text = readFileSync(readme, 'utf8');
    } catch {
      continue;
    }
    it(`@rectify/${dir}: every constant and function it names is exported by a rectify package`, async () => {
      const named = new Set([...text.matchAll(CONSTANT), ...text.matchAll(CALL)].map((m) => m[1]!));
      // Its own exports and those of the packages it builds on (a storage README names openStore of the core).
      const exported = new Set<string>();
      for (const name of ['core', dir]) for (const key of Object.keys(await import(`@rectify/${name}`))) exported.add(key);
      const methods = /^(?:store|calendar|db|driver|database|pool)\./; // written as a method of a value, checked by its type
      // RECTIFY_FUZZ_RUNS and the like are environment variables, not exports.
      const missing = [...named].filter((n) => !exported.has(n) && !methods.test(n) && !NOT_EXPORTS.has(n) && !n.startsWith('RECTIFY_'));
      expect(missing, `${readme} names what no package exports`).toEqual([]);
    });
  }
});

/** Names a README writes as code that are not ours to export: another library's, or a method of a value. */
const NOT_EXPORTS = new Set(['import', 'require', 'fetch', 'describe', 'it', 'expect', 'render', 'verify', 'apply', 'close', 'importBundle', 'exportBundle', 'findings', 'totals', 'restorations', 'publish', 'history', 'backup']);

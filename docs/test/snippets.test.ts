import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Code in the guides is taken from files that CI runs: a block marked
// <!-- snippet: PATH --> must appear in PATH word for word, so it cannot go stale.
const DOCS = join(import.meta.dirname, '..');
const ROOT = join(DOCS, '..');
const MARKED = /<!-- snippet: (\S+) -->\n```\w*\n([\s\S]*?)```/g;

describe('code in the guides', () => {
  const guides = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
  const snippets = guides.flatMap((g) => [...readFileSync(join(DOCS, g), 'utf8').matchAll(MARKED)].map((m) => ({ guide: g, file: m[1]!, code: m[2]! })));

  it('marks the snippets it takes from examples', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
  });

  for (const s of snippets) {
    it(`${s.guide}: the snippet from ${s.file} is in that file`, () => {
      expect(readFileSync(join(ROOT, s.file), 'utf8')).toContain(s.code);
    });
  }
});

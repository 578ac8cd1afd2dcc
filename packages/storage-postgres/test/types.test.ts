import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The published types, as a `pg` user's compiler reads them (`pnpm build` writes them first).
const TYPES = join(import.meta.dirname, '..', 'dist', 'index.d.ts');

describe('the published types', () => {
  it('do not import PGlite, so a pg user compiles without it even with skipLibCheck: false', () => {
    expect(existsSync(TYPES), `${TYPES} is missing: build the package first`).toBe(true);
    const types = readFileSync(TYPES, 'utf8');
    expect(types).not.toMatch(/^import .*from ['"]@electric-sql\/pglite['"]/m);
    expect(types).toMatch(/interface PGliteLike/);
  });
});

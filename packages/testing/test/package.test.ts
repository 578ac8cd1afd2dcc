import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerPath } from '../src/processes/run.js';

describe('the built kit', () => {
  it('finds its child-process worker where the build puts it', () => {
    const built = workerPath(new URL('../dist/index.js', import.meta.url).href);
    expect(built).toBe(fileURLToPath(new URL('../dist/processes/worker.js', import.meta.url)));
    expect(existsSync(built)).toBe(true);
    expect(existsSync(workerPath())).toBe(true);
  });
});

import { defineConfig, type Options } from 'tsup';

/**
 * The build every package shares: ESM only, declarations from a non-composite
 * tsconfig (tsup's dts fails on composite projects), Node 20.
 */
export function packageConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: { compilerOptions: { composite: false } },
    tsconfig: 'tsconfig.build.json',
    sourcemap: true,
    clean: true,
    target: 'node20',
    ...overrides,
  });
}

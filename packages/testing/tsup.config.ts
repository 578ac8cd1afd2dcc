import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/processes/worker.ts'],
  format: ['esm'],
  dts: { compilerOptions: { composite: false } },
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['vitest', '@rectify/core'],
});

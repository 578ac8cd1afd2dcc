import { packageConfig } from '../../tsup.base.js';

// The worker is its own entry: the multi-process checks start it as a child process.
export default packageConfig({ entry: ['src/index.ts', 'src/processes/worker.ts'], external: ['vitest', '@rectify/core'] });

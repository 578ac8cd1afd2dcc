import { packageConfig } from '../../tsup.base.js';

// The binary is its own entry (src/cli.ts starts with its shebang); the library entry lets apps run the commands in-process.
export default packageConfig({ entry: ['src/index.ts', 'src/cli.ts'] });

// Lints every publishable package the way its users will meet it: publint on the
// package folder, and "are the types wrong" on the packed tarball, ESM-only profile.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(root, 'packages', d.name))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = false;
for (const dir of packages) {
  for (const [name, args] of [
    ['publint', ['--strict', '--pack', 'npm']],
    ['attw', ['--pack', '.', '--profile', 'esm-only']],
  ]) {
    try {
      const out = execFileSync(bin(name), args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      console.log(`${name} ${dir.slice(root.length)}: ok\n${out.trim()}`);
    } catch (error) {
      failed = true;
      console.error(`${name} ${dir.slice(root.length)}: FAILED\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
process.exit(failed ? 1 : 0);

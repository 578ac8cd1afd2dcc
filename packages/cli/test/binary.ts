import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The built command line: tests run it as a user does (`pnpm build` comes first in `pnpm test`). */
export const BIN = join(import.meta.dirname, '..', 'dist', 'cli.js');

/** Runs a program to its end and answers its exit code and output, whatever the code. */
export async function runProgram(cwd: string, command: string, args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, [...args], { cwd, env: { ...process.env, RECTIFY_POSTGRES_URL: '' } });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { code: error.code, out: error.stdout, err: error.stderr };
  }
}

/** Runs `rectify ARGS` in `cwd`, against SQLite (a PostgreSQL URL in the environment is ignored). */
export function rectify(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runProgram(cwd, 'node', [BIN, ...args]);
}

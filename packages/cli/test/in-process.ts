import { run, type Io } from '../src/index.js';

/** An Io that keeps what is printed, with a fixed clock and no terminal. */
export function io(cwd: string, now: string): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), tty: false, cwd, now: () => new Date(now) };
}

/** Runs `rectify` in-process and answers the exit code with what went to stdout, stderr, and both. */
export async function say(dir: string, args: string[], now: string): Promise<{ code: number; out: string; err: string; text: string }> {
  const o = io(dir, now);
  const code = (await run(args, o, {})) as number;
  return { code, out: o.lines.join('\n'), err: o.errors.join('\n'), text: [...o.lines, ...o.errors].join('\n') };
}

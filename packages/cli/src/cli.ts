#!/usr/bin/env node
/**
 * The `rectify` binary: runs {@link run} with the process's arguments and exits with its code.
 *
 * @packageDocumentation
 */
import { run } from './run.js';

// A closed pipe (rectify status | head) ends the output, not the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  tty: process.stdout.isTTY === true,
  cwd: process.cwd(),
  now: () => new Date(),
};
const result = await run(process.argv.slice(2), io);
if (typeof result === 'number') process.exitCode = result;
else {
  // serve: until interrupted.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void result.stop().then(() => process.exit(0)));
}

import { isRectifyError } from '@rectify/core';

/**
 * The exit codes of `rectify`:
 * - 0: done;
 * - 1: refused by the rules, the permissions or the lifecycle (the reasons are printed);
 * - 2: bad input: an unknown command or option, a file that cannot be read, data that does not validate;
 * - 3: the store: unavailable, a newer schema, a concurrent change (try again), a history that does not verify;
 *   or a notice that could not be delivered (`notify --send`);
 * - 4: anything else (a bug: please report it).
 */
export const EXIT = { ok: 0, refused: 1, badInput: 2, store: 3, internal: 4 } as const;

/** An error of the command line itself (a missing argument, an unknown option): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The finding changed after the moment this command was stamped with: another command
 * got there first (a lost race), or this machine's clock is behind the one that wrote
 * the finding's last event. Exit 3, as for any concurrent change: run it again.
 */
export class ConcurrentChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrentChangeError';
  }
}

/** `rectify verify` found events edited, removed or inserted, or states their history does not give: exit 3. */
export class VerificationFailedError extends Error {
  constructor(events: number, findings: number, files = 0) {
    super(`the history does not verify: ${events} events edited, removed or inserted, ${findings} findings whose state differs from their history${files > 0 ? `, ${files} evidence files changed or missing` : ''}`);
    this.name = 'VerificationFailedError';
  }
}

/** `rectify notify --send` could not deliver every notice (they stay in the outbox, to retry): exit 3. */
export class DeliveryFailedError extends Error {
  constructor(failed: number) {
    super(`${failed} notices could not be delivered: they stay in the outbox and are retried on the next run`);
    this.name = 'DeliveryFailedError';
  }
}

/** The exit code for an error. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.badInput;
  if (error instanceof ConcurrentChangeError || error instanceof VerificationFailedError || error instanceof DeliveryFailedError) return EXIT.store;
  if (isRectifyError(error, 'validation') || isRectifyError(error, 'not_found') || isRectifyError(error, 'calendar') || isRectifyError(error, 'report')) return EXIT.badInput;
  if (isRectifyError(error, 'rule') || isRectifyError(error, 'permission') || isRectifyError(error, 'lifecycle')) return EXIT.refused;
  // Settings the database refused (no such database or role): the user's input, not worth a retry.
  if (isRectifyError(error, 'storage.rejected')) return EXIT.badInput;
  if (isRectifyError(error, 'storage') || isRectifyError(error, 'concurrency')) return EXIT.store;
  if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'EACCES')) return EXIT.badInput;
  return EXIT.internal;
}

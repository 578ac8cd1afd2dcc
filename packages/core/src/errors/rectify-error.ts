/**
 * A brand read through `Symbol.for`, so that {@link isRectifyError} recognises an
 * error thrown by another copy of this package (two versions installed side by side,
 * or a bundled copy), where `instanceof` would fail.
 */
const RECTIFY_ERROR = Symbol.for('@rectify/core/error');

/** Options shared by every {@link RectifyError}. */
export interface RectifyErrorOptions {
  /** Structured facts about the failure, safe to log and to show. */
  details?: Record<string, unknown>;
  /** The underlying error, if any. */
  cause?: unknown;
  /** True when retrying the same call may succeed (a lock, a lost connection, a conflict). */
  retryable?: boolean;
}

/**
 * The base class of every error the library raises on purpose.
 *
 * Each error has a stable, dotted {@link RectifyError.code} (for example
 * `lifecycle.invalid_transition` or `permission.denied`) that programs can switch on;
 * the message is for people and may change between versions.
 *
 * @example
 * ```ts
 * import { isRectifyError } from '@rectify/core';
 * try { parseInspection(input); }
 * catch (e) { if (isRectifyError(e, 'validation')) console.error(e.message); }
 * ```
 */
export class RectifyError extends Error {
  /** Stable machine-readable code, e.g. `validation` or `rule.unmet`. */
  readonly code: string;
  /** Structured facts about the failure. */
  readonly details: Record<string, unknown>;
  /** True when retrying the same call may succeed. */
  readonly retryable: boolean;
  /** @internal brand checked by {@link isRectifyError}. */
  readonly [RECTIFY_ERROR] = true;

  constructor(code: string, message: string, options: RectifyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
    this.retryable = options.retryable ?? false;
  }

  /** A plain object for logs and JSON responses. */
  toJSON(): { name: string; code: string; message: string; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Tells whether `value` is an error raised by `@rectify/*`, optionally with a given
 * code or code prefix (`'rule'` matches `rule.unmet`). Works across package copies.
 *
 * @example
 * ```ts
 * if (isRectifyError(err, 'permission')) res.status(403);
 * ```
 */
export function isRectifyError(value: unknown, code?: string): value is RectifyError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[RECTIFY_ERROR] !== true) return false;
  if (code === undefined) return true;
  const actual = (value as { code?: unknown }).code;
  return typeof actual === 'string' && (actual === code || actual.startsWith(`${code}.`));
}

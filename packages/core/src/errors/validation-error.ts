import type { z } from 'zod';
import { RectifyError } from './rectify-error.js';

/** One problem found while validating input. */
export interface ValidationIssue {
  /** Where the problem is: a dotted path such as `measures[2].deadline`, or `(root)`. */
  path: string;
  /** What is wrong, for people. */
  message: string;
  /** A short machine code from the validator (e.g. `invalid_type`, `too_small`, `custom`). */
  code: string;
}

/**
 * Input that does not match a schema. Lists every bad field, each with its path,
 * so a form or an importer can point at all of them at once.
 */
export class ValidationError extends RectifyError {
  /** Every problem found, in document order. */
  readonly issues: readonly ValidationIssue[];

  constructor(what: string, issues: readonly ValidationIssue[]) {
    const lines = issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
    super('validation', `Invalid ${what}:\n${lines}`, { details: { what, issues } });
    this.issues = issues;
  }
}

/** Formats a zod path (`['measures', 2, 'deadline']`) as `measures[2].deadline`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Converts a zod error into our issue list. */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * Parses `input` with `schema`, throwing a {@link ValidationError} that names
 * every bad field. `what` says what was being read (e.g. `"inspection"`).
 *
 * @example
 * ```ts
 * const inspection = parseWith(InspectionSchema, json, 'inspection');
 * ```
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(what, issuesFromZod(result.error));
}

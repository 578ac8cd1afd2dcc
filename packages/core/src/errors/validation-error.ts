import type { z } from 'zod';
import { unholdableCharacter } from '../model/text.js';
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
  if (!result.success) throw new ValidationError(what, issuesFromZod(result.error));
  const unholdable = unholdableText(result.data);
  if (unholdable.length > 0) throw new ValidationError(what, unholdable);
  return result.data;
}

/** Issues past this many are not listed: one is enough to refuse, a hundred to fix. */
const MAX_TEXT_ISSUES = 100;

/**
 * Every string of a parsed value (keys and values) holding a character of
 * {@link unholdableCharacter}, as issues naming its path and the character. It walks what the
 * schema kept, not the raw input: fields the schema drops are never stored, and the
 * value has the schema's shape (no cycles, a bounded depth), so a plain recursion with
 * one shared path is safe and allocates nothing per node (an import walks millions).
 */
function unholdableText(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const path: PropertyKey[] = [];
  const check = (text: string) => {
    const found = unholdableCharacter(text);
    if (found === undefined) return;
    issues.push({ path: formatPath(path), message: `Contains ${found.codePoint} at position ${found.index}, which text here cannot hold`, code: 'invalid_text' });
  };
  const walk = (v: unknown) => {
    if (issues.length >= MAX_TEXT_ISSUES) return;
    if (typeof v === 'string') check(v);
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const key in v) {
        path.push(key);
        check(key);
        walk((v as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(value);
  return issues;
}

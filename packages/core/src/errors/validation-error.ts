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
  const unholdable = unholdableText(input);
  if (result.success && unholdable.length === 0) return result.data;
  throw new ValidationError(what, [...unholdable, ...(result.success ? [] : issuesFromZod(result.error))]);
}

/**
 * Characters no text of the library may hold: NUL (PostgreSQL's text refuses it), the
 * other C0 controls but tab, line feed and carriage return (XML 1.0, and so XLSX and
 * DOCX, cannot carry them), U+FFFE and U+FFFF (not characters), and lone surrogates
 * (UTF-8, the encoding of every store and file, cannot encode them).
 */
const UNHOLDABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Every string in `input` (keys and values, at any depth) holding a character of
 * {@link UNHOLDABLE}, as issues naming its path and the character. Checked before
 * any schema, so a store never meets text it would mangle or refuse with its own error.
 */
function unholdableText(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // An explicit stack, not recursion: hostile input may be nested thousands deep. Each
  // entry points at its parent, so a path is only built for a string that fails.
  interface Entry { value: unknown; key: PropertyKey | undefined; parent: Entry | undefined }
  const pathOf = (entry: Entry | undefined, last?: PropertyKey): PropertyKey[] => {
    const path: PropertyKey[] = last === undefined ? [] : [last];
    for (let e = entry; e !== undefined && e.key !== undefined; e = e.parent) path.unshift(e.key);
    return path;
  };
  const check = (text: string, entry: Entry | undefined, last?: PropertyKey) => {
    const found = UNHOLDABLE.exec(text);
    if (found === null) return;
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    issues.push({ path: formatPath(pathOf(entry, last)), message: `Contains U+${code} at position ${found.index}, which text here cannot hold`, code: 'invalid_text' });
  };
  const seen = new WeakSet<object>();
  const stack: Entry[] = [{ value: input, key: undefined, parent: undefined }];
  while (stack.length > 0 && issues.length < 100) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value === 'string') check(value, entry);
    else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value); // a caller's object graph may have cycles; JSON never does
      if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, key: i, parent: entry }));
      else {
        for (const [key, item] of Object.entries(value)) {
          check(key, entry, key);
          stack.push({ value: item, key, parent: entry });
        }
      }
    }
  }
  return issues.reverse();
}

import fc from 'fast-check';
import { isRectifyError, ValidationError } from '@rectify/core';

/**
 * How many generated cases a fuzz property runs: `RECTIFY_FUZZ_RUNS` when set, else
 * 10,000 in CI's long run (`CI=true`) and `local` on a developer's machine.
 */
export function fuzzRuns(local = 300): number {
  const set = process.env['RECTIFY_FUZZ_RUNS'];
  if (set !== undefined) return Number(set);
  return process.env['CI'] === 'true' ? 10_000 : local;
}

/**
 * The fast-check parameters every fuzz property of the project uses: the run count of
 * {@link fuzzRuns} and a seed from `RECTIFY_FUZZ_SEED` (fixed by default, so a failure
 * seen once is seen again; set another seed to explore).
 */
export function fuzzParameters(local = 300): { numRuns: number; seed: number } {
  return { numRuns: fuzzRuns(local), seed: Number(process.env['RECTIFY_FUZZ_SEED'] ?? 20_231_130) };
}

/**
 * Asserts that `error` is a refusal a user can act on: an error of `@rectify/*` (not
 * a `TypeError` or a crash from deep inside), with a message, and, for a
 * `ValidationError`, every issue naming its place. Throws with what was wrong and the
 * original error as the cause.
 */
export function assertTypedRefusal(error: unknown, entryPoint: string): void {
  if (!isRectifyError(error)) {
    throw new Error(`${entryPoint} threw an untyped error: ${(error as Error)?.stack ?? String(error)}`, { cause: error });
  }
  if (error.message.trim() === '') throw new Error(`${entryPoint} threw ${error.code} without a message`, { cause: error });
  if (error instanceof ValidationError) {
    if (error.issues.length === 0) throw new Error(`${entryPoint} threw a ValidationError with no issues`, { cause: error });
    for (const issue of error.issues) {
      if (issue.path.trim() === '' || issue.message.trim() === '') {
        throw new Error(`${entryPoint}: an issue without a place or a message: ${JSON.stringify(issue)}`, { cause: error });
      }
    }
  }
}

/**
 * Text that has broken applications before: markup and script, SQL, spreadsheet
 * formulas, path tricks, control characters, right-to-left marks, characters outside
 * the Basic Multilingual Plane, lone surrogates, and very long runs.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE rectify_findings; --",
  "' OR '1'='1",
  '%_\\',
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '../../etc/passwd',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202e\u200b\ufeff',
  '表情 🚩 与 𠀀 增补字',
  '\ud800',
  '整改'.repeat(5_000),
];

/** An arbitrary string: often one of {@link HOSTILE_STRINGS}, else any text. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }));
}

/**
 * Variations of a valid JSON value: one leaf replaced by something of another type or
 * a hostile string, a key removed, a key added, an array emptied or doubled, or a
 * value of any shape at all. Most results are invalid; some stay valid.
 */
export function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const replacement = fc.oneof(
    hostileString(),
    fc.constantFrom<unknown>(null, undefined, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, true, [], {}, '', ' ', '2023-02-30', '2023-13-01', '9999-12-31', 'NaN'),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const edit = fc.record({
    path: fc.constantFrom(...paths),
    kind: fc.constantFrom('replace', 'delete', 'add', 'double'),
    value: replacement,
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', 'id'), fc.string({ maxLength: 8 })),
  });
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce((v, e) => applyEdit(v, e), structuredClone(valid))) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function applyEdit(root: unknown, edit: { path: Path; kind: string; value: unknown; key: string }): unknown {
  if (edit.path.length === 0) return edit.kind === 'replace' ? edit.value : root;
  let parent: unknown = root;
  for (const key of edit.path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return root;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === null || typeof parent !== 'object') return root;
  const container = parent as Record<string | number, unknown>;
  const last = edit.path.at(-1)!;
  switch (edit.kind) {
    case 'replace':
      container[last] = edit.value;
      break;
    case 'delete':
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
      break;
    case 'add': {
      const target = container[last];
      // defineProperty, so that a key named __proto__ becomes an own property, as JSON.parse makes it.
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
      break;
    }
    case 'double': {
      const target = container[last];
      if (Array.isArray(target)) container[last] = [...target, ...structuredClone(target)];
      break;
    }
  }
  return root;
}

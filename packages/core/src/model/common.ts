import { z } from 'zod';

/** The longest id {@link IdSchema} accepts, in UTF-16 code units. */
export const MAX_ID_LENGTH = 200;

/** The longest title {@link TitleSchema} accepts, in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 10_000;

/**
 * Schema of an identifier. Ids come from the caller (or an id generator the caller
 * injects): the core never invents one, so the same input always gives the same output.
 */
export const IdSchema = z
  .string()
  .min(1, { message: 'An id must not be empty' })
  .max(MAX_ID_LENGTH, { message: `An id must be at most ${MAX_ID_LENGTH} characters` });

/** An identifier chosen by the caller. */
export type Id = string;

/** Schema of a SHA-256 digest as rectify writes one: 64 lowercase hexadecimal characters. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Expected 64 lowercase hexadecimal characters (SHA-256)' });

/** Schema of a short, required, trimmed-non-empty text such as a title. */
export const TitleSchema = z
  .string()
  .max(MAX_TITLE_LENGTH, { message: `At most ${MAX_TITLE_LENGTH.toLocaleString('en')} characters` })
  .refine((s) => s.trim().length > 0, { message: 'Must not be empty' });

/** Schema of a long text (narrative, measure text): at most 200,000 characters. */
export const LongTextSchema = z.string().max(200_000, { message: 'At most 200,000 characters' });

/**
 * Schema of a role name. Built-in roles are listed in {@link Roles}; a workflow for
 * another kind of audit may define its own.
 */
export const RoleSchema = z.string().min(1).max(100);

/**
 * The most items of each kind the library accepts. Real findings have a handful of
 * measures; these bounds are far above any real use and keep one hostile or broken
 * input from making a state of megabytes that every later read must carry.
 */
export const LIMITS = {
  /** Measures in one finding's plan, counting withdrawn ones. */
  measuresPerFinding: 1_000,
  /** Indicators of one finding. */
  indicatorsPerFinding: 1_000,
  /** Pieces of evidence in one ledger entry or measure completion. */
  evidencePerEntry: 1_000,
  /** Items of a list of ids or tags (co-units, related findings, team members…). */
  listItems: 1_000,
} as const;

/** An array schema of at most `max` items, whose message says what the limit is. */
export function limitedArray<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, { message: `At most ${max.toLocaleString('en')} ${what}` });
}

import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { IdSchema, LongTextSchema } from './common.js';

/**
 * How a measure is to be carried out:
 * - `immediate`: 立行立改, done at once;
 * - `by_deadline`: 限期整改, done by a deadline;
 * - `long_term`: 长期坚持, never "done" but reported on periodically.
 */
export const MeasureKindSchema = z.enum(['immediate', 'by_deadline', 'long_term']);

/** See {@link MeasureKindSchema}. */
export type MeasureKind = z.infer<typeof MeasureKindSchema>;

/** Schema of a {@link MeasurePlan}. */
export const MeasurePlanSchema = z.object({
  id: IdSchema,
  /** Its place in the finding's list (一是 = 1, 二是 = 2 …). */
  ordinal: z.number().int().positive(),
  /** What will be done, in the words of the plan. */
  text: LongTextSchema.refine((s) => s.trim().length > 0, { message: 'Must not be empty' }),
  kind: MeasureKindSchema.default('by_deadline'),
  /** Its own deadline, when it differs from the finding's. */
  deadline: CalendarDaySchema.optional(),
  /** For `long_term` measures: report at least every this many days (default 31: monthly). */
  reportEveryDays: z.number().int().positive().optional(),
});

/** One numbered measure of a finding's plan (一事一策: measures belong to one finding). */
export type MeasurePlan = z.infer<typeof MeasurePlanSchema>;
/** A measure as written by a caller, before defaults are applied. */
export type MeasurePlanInput = z.input<typeof MeasurePlanSchema>;

import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { IdSchema, TitleSchema } from './common.js';

/** Schema of an {@link Indicator}'s definition. */
export const IndicatorSchema = z.object({
  id: IdSchema,
  /** What is measured, e.g. 设立公职律师人数. */
  name: TitleSchema,
  /** Unit of measure: 名, 人, %, 个. */
  unit: z.string().default(''),
  /** Value before the rectification (整改前). */
  baseline: z.number().optional(),
  /** The value to reach, if any. */
  target: z.number().optional(),
  /** Which way is better. */
  direction: z.enum(['increase', 'decrease']).default('increase'),
  /** What the figure covers, e.g. 13个单位. */
  scope: z.string().optional(),
});

/** A quantified result with a baseline, e.g. 公职律师 18 → 24 (比整改前增加6名). */
export type Indicator = z.infer<typeof IndicatorSchema>;
/** An indicator as written by a caller, before defaults are applied. */
export type IndicatorInput = z.input<typeof IndicatorSchema>;

/** Schema of an {@link IndicatorReading}. */
export const IndicatorReadingSchema = z.object({
  value: z.number(),
  asOf: CalendarDaySchema,
});

/** A measured value of an indicator on a day (截至11月中旬 …). */
export type IndicatorReading = z.infer<typeof IndicatorReadingSchema>;

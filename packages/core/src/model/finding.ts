import { z } from 'zod';
import { IdSchema, limitedArray, LIMITS, LongTextSchema, TitleSchema } from './common.js';

/** Schema of a {@link Category}. */
export const CategorySchema = z.object({
  id: IdSchema,
  /** Its place in the list: （一） = 1. */
  ordinal: z.number().int().positive(),
  /** E.g. 党的路线方针政策和党中央重大决策部署的贯彻落实方面. */
  title: TitleSchema,
});

/** A finding category or focus area (方面), numbered （一）（二）… in notices. */
export type Category = z.infer<typeof CategorySchema>;

/** Schema of a {@link Finding}. */
export const FindingSchema = z.object({
  id: IdSchema,
  /** The inspection round the finding came from. */
  inspectionId: IdSchema,
  /** Its category, if the inspection uses categories. */
  categoryId: IdSchema.optional(),
  /** Its number within its category (or the inspection): 1、 = 1. */
  ordinal: z.number().int().positive(),
  /** The problem in a few words, e.g. 学习贯彻习近平法治思想不够深入. */
  title: TitleSchema,
  /** The full description as fed back, if given. */
  description: LongTextSchema.optional(),
  /** Earlier findings this one repeats (屡查屡犯), from this or earlier rounds. */
  relatedFindingIds: limitedArray(IdSchema, LIMITS.listItems, 'related findings').default([]),
  /** Free labels for filtering. */
  tags: limitedArray(z.string().max(200), LIMITS.listItems, 'tags').default([]),
});

/** A problem fed back by the inspection team (问题), to be rectified and signed off. */
export type Finding = z.infer<typeof FindingSchema>;
/** A finding as written by a caller, before defaults are applied. */
export type FindingInput = z.input<typeof FindingSchema>;

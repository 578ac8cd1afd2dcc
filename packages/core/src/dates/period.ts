import { z } from 'zod';
import { CalendarDaySchema } from './calendar-day.js';

/** Schema of a {@link Period}: both ends inclusive, `start` not after `end`. */
export const PeriodSchema = z
  .object({
    /** First day, inclusive. */
    start: CalendarDaySchema,
    /** Last day, inclusive. */
    end: CalendarDaySchema,
  })
  .refine((p) => p.start <= p.end, { message: 'A period must not end before it starts', path: ['end'] });

/** A span of calendar days, both ends inclusive (the on-site period, the concentrated period). */
export type Period = z.infer<typeof PeriodSchema>;

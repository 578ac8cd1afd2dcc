import { addCalendarDays, dayOfWeek, parseWith, RectifyError, type Calendar, type CalendarDay } from '@rectify/core';
import { z } from 'zod';
import { ARRANGEMENTS, YearArrangementSchema, type YearArrangement } from './arrangements.js';

/** What one day is in mainland China's calendar. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'adjusted_working';

/** Mainland China's calendar, with what each day is and why. */
export interface ChinaCalendar extends Calendar {
  /** The years it knows, ascending. */
  readonly years: readonly number[];
  /**
   * What `day` is: a plain working day, a weekend, a public holiday (with its name) or a
   * weekend day worked instead (调休, with the holiday it makes up for).
   *
   * @throws `RectifyError` `calendar.unknown_day` for a day in a year it does not know.
   */
  dayKind(day: CalendarDay): { kind: DayKind; holiday?: string };
}

/** Options of {@link chinaCalendar}. */
export interface ChinaCalendarOptions {
  /** Years to add (a year this package does not know yet), or to correct. */
  extraYears?: readonly YearArrangement[];
}

/**
 * Builds mainland China's calendar from the State Council's arrangements, the
 * package's own ({@link ARRANGEMENTS}) and `extraYears` (which win for a year both
 * hold; `extraYears` is validated, a bad one refused with the path of what is wrong).
 * A day outside the years known throws rather than guess Monday to Friday:
 * a deadline computed from a guess would be wrong by the holiday the guess missed.
 *
 * @example
 * ```ts
 * const calendar = chinaCalendar({ extraYears: [{ year: 2027, source, holidays: [...] }] });
 * calendar.dayKind('2023-01-28'); // { kind: 'adjusted_working', holiday: '春节' }
 * ```
 */
export function chinaCalendar(options: ChinaCalendarOptions = {}): ChinaCalendar {
  const byYear = new Map<number, YearArrangement>();
  const extra = parseWith(z.array(YearArrangementSchema), options.extraYears ?? [], 'extra years of the China calendar');
  for (const a of [...ARRANGEMENTS, ...extra]) byYear.set(a.year, a);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const special = new Map<CalendarDay, { kind: DayKind; holiday: string }>();
  for (const year of years) {
    for (const h of byYear.get(year)!.holidays) {
      for (let d = h.rest[0]; d <= h.rest[1]; d = addCalendarDays(d, 1)) special.set(d, { kind: 'holiday', holiday: h.name });
      for (const d of h.worked) special.set(d, { kind: 'adjusted_working', holiday: h.name });
    }
  }
  const known = new Set(years);
  const dayKind = (day: CalendarDay): { kind: DayKind; holiday?: string } => {
    const found = special.get(day);
    if (found !== undefined) return found;
    const year = Number(day.slice(0, 4));
    if (!known.has(year)) {
      throw new RectifyError(
        'calendar.unknown_day',
        `The China calendar knows the holidays of ${years[0]}–${years.at(-1)} (${years.join(', ')}), not ${year}: ${day} cannot be told working or not. Pass the year's arrangement with chinaCalendar({ extraYears }) (rectify --calendar-years FILE).`,
        { details: { day, years } },
      );
    }
    return { kind: dayOfWeek(day) >= 6 ? 'weekend' : 'working' };
  };
  return {
    name: 'cn',
    years,
    dayKind,
    isWorkingDay: (day) => {
      const { kind } = dayKind(day);
      return kind === 'working' || kind === 'adjusted_working';
    },
  };
}

/** Mainland China's calendar for the years this package knows. */
export const calendarCn: ChinaCalendar = chinaCalendar();

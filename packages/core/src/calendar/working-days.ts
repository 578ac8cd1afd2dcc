import { addCalendarDays, daysBetween, type CalendarDay } from '../dates/calendar-day.js';
import { RectifyError } from '../errors/rectify-error.js';
import { EVERY_DAY, type Calendar } from './calendar.js';

/**
 * No real calendar rests this long: a longer run means a calendar that never works
 * (a bug in a plug-in), which would otherwise loop for ever.
 */
const LONGEST_REST = 366;

function noWorkingDay(calendar: Calendar, from: CalendarDay): RectifyError {
  return new RectifyError('calendar.no_working_day', `Calendar "${calendar.name}" has no working day in the ${LONGEST_REST} days after ${from}`, {
    details: { calendar: calendar.name, from },
  });
}

/**
 * `day` if it is a working day, else the first working day after it.
 *
 * Used for a deadline that falls on a rest day: as for any period under the Civil
 * Code (《民法典》第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日
 * 为期间的最后一日), the deadline in force is the next working day.
 *
 * @throws `RectifyError` `calendar.no_working_day` when none comes within a year.
 *
 * @example
 * ```ts
 * nextWorkingDay(calendarCn, '2023-01-22'); // '2023-01-28': a Saturday worked after 春节
 * ```
 */
export function nextWorkingDay(calendar: Calendar, day: CalendarDay): CalendarDay {
  if (calendar === EVERY_DAY) return day;
  let d = day;
  for (let i = 0; i <= LONGEST_REST; i++, d = addCalendarDays(d, 1)) if (calendar.isWorkingDay(d)) return d;
  throw noWorkingDay(calendar, day);
}

/**
 * The `count`-th working day after `from` (`from` itself not counted): the deadline of
 * "within `count` working days of `from`" (`count` 个工作日内). With a negative `count`,
 * the working day that many before. `count` 0 gives `from` unchanged.
 *
 * @throws `RectifyError` `calendar.no_working_day` when the calendar stops working;
 * whatever the calendar throws for a day it does not know.
 *
 * @example
 * ```ts
 * addWorkingDays(calendarCn, '2023-09-27', 5); // '2023-10-10': over 中秋国庆, two weekend days worked
 * addWorkingDays(EVERY_DAY, '2023-09-27', 5);  // '2023-10-02'
 * ```
 */
export function addWorkingDays(calendar: Calendar, from: CalendarDay, count: number): CalendarDay {
  if (!Number.isSafeInteger(count)) throw new RectifyError('validation', `Expected a whole number of working days, got ${count}`, { details: { count } });
  if (calendar === EVERY_DAY) return addCalendarDays(from, count);
  const step = count < 0 ? -1 : 1;
  let d = from;
  let left = Math.abs(count);
  let rest = 0;
  while (left > 0) {
    d = addCalendarDays(d, step);
    if (calendar.isWorkingDay(d)) {
      left--;
      rest = 0;
    } else if (++rest > LONGEST_REST) throw noWorkingDay(calendar, from);
  }
  return d;
}

/**
 * The working days after `from` up to and including `to` (0 when `to` is not after
 * `from`): how many working days a finding is overdue, or has left.
 *
 * @example
 * ```ts
 * workingDaysBetween(calendarCn, '2023-01-20', '2023-01-30'); // 3: 28th and 29th (调休) and the 30th
 * ```
 */
export function workingDaysBetween(calendar: Calendar, from: CalendarDay, to: CalendarDay): number {
  // Every day counting is the default and the common case: no walk over the days.
  if (calendar === EVERY_DAY) return Math.max(0, daysBetween(from, to));
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

import { UTCDate } from '@date-fns/utc';
// One module per function, not the date-fns barrel: importing 'date-fns' loads all of it
// (about 0.1 s at every start of a CLI command or a server).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getISODay } from 'date-fns/getISODay';
import { isValid } from 'date-fns/isValid';
import { z } from 'zod';

/**
 * A calendar day such as `2023-08-17`: a deadline, a feedback date, the date a
 * document was issued. Not an instant: it has no time and no time zone, so it never
 * moves by a day when a machine runs in UTC.
 */
export type CalendarDay = string;

/**
 * A month such as `2023-08`, used for monthly reports (每月一报).
 */
export type CalendarMonth = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_PATTERN = /^\d{4}-\d{2}$/;

/**
 * Reads a `YYYY-MM-DD` string as midnight of that day in UTC (a `UTCDate`, whose
 * getters and setters are UTC, so date-fns computes in UTC). Not local time: some
 * zones skip whole days (Pacific/Kiritimati has no 1994-12-31, Samoa no 2011-12-30)
 * or midnights, and a day that does not exist locally would break the arithmetic.
 */
export function dayToDate(day: CalendarDay): Date {
  // Read by hand rather than with date-fns' `parse`: this runs for every day of every
  // event an import validates, and `parse` (a format-string interpreter) was the
  // largest cost of a bulk import (docs/benchmarks.md). `setFullYear` also keeps
  // years below 100, which `Date.UTC` would move to the 1900s.
  const date = new UTCDate(0);
  date.setFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return date;
}

function formatCalendarDay(date: Date): CalendarDay {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/**
 * Tells whether `value` is a real calendar day written `YYYY-MM-DD`
 * (`2024-02-29` yes, `2023-02-29` no).
 *
 * @example
 * ```ts
 * isCalendarDay('2023-08-17'); // true
 * isCalendarDay('2023-8-17');  // false
 * ```
 */
export function isCalendarDay(value: unknown): value is CalendarDay {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return false;
  const date = dayToDate(value);
  // A day past the end of its month rolls over (2023-02-29 becomes 2023-03-01).
  return isValid(date) && date.getUTCMonth() === Number(value.slice(5, 7)) - 1 && date.getUTCDate() === Number(value.slice(8, 10));
}

/** Tells whether `value` is a month written `YYYY-MM`. */
export function isCalendarMonth(value: unknown): value is CalendarMonth {
  return typeof value === 'string' && MONTH_PATTERN.test(value) && isCalendarDay(`${value}-01`);
}

/** Schema of a {@link CalendarDay}. */
export const CalendarDaySchema = z
  .string()
  // The pattern carries into JSON Schema; the refinement rejects days like 2023-02-30.
  .regex(DAY_PATTERN, { message: 'Expected a calendar day written YYYY-MM-DD, e.g. 2023-08-17' })
  .refine(isCalendarDay, { message: 'Expected a calendar day written YYYY-MM-DD, e.g. 2023-08-17' });

/** Schema of a {@link CalendarMonth}. */
export const CalendarMonthSchema = z
  .string()
  .regex(MONTH_PATTERN, { message: 'Expected a month written YYYY-MM, e.g. 2023-08' })
  .refine(isCalendarMonth, { message: 'Expected a month written YYYY-MM, e.g. 2023-08' });

/**
 * Adds (or, with a negative `days`, subtracts) calendar days.
 *
 * @example
 * ```ts
 * addCalendarDays('2023-08-30', 3); // '2023-09-02'
 * ```
 */
export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  return formatCalendarDay(addDays(dayToDate(day), days));
}

/**
 * Adds calendar months; the day is clamped to the end of a shorter month
 * (`2024-01-31` + 1 → `2024-02-29`).
 */
export function addCalendarMonths(day: CalendarDay, months: number): CalendarDay {
  return formatCalendarDay(addMonths(dayToDate(day), months));
}

/**
 * The number of days from `from` to `to` (positive when `to` is later).
 *
 * @example
 * ```ts
 * daysBetween('2023-08-17', '2023-08-30'); // 13
 * ```
 */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return differenceInCalendarDays(dayToDate(to), dayToDate(from));
}

/**
 * The day of the week, ISO-numbered: 1 for Monday to 7 for Sunday.
 *
 * @example
 * ```ts
 * dayOfWeek('2023-01-28'); // 6: a Saturday (one worked in China, 调休)
 * ```
 */
export function dayOfWeek(day: CalendarDay): number {
  return getISODay(dayToDate(day));
}

/** The later of two days. */
export function maxDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a >= b ? a : b;
}

/** The earlier of two days. */
export function minDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a <= b ? a : b;
}

/** The month a day falls in: `2023-08-17` → `2023-08`. */
export function monthOf(day: CalendarDay): CalendarMonth {
  return day.slice(0, 7);
}

/**
 * Every month from the month of `from` to the month of `to`, inclusive.
 *
 * @example
 * ```ts
 * monthsBetween('2023-08-30', '2023-11-15'); // ['2023-08', '2023-09', '2023-10', '2023-11']
 * ```
 */
export function monthsBetween(from: CalendarDay, to: CalendarDay): CalendarMonth[] {
  // Counted as month numbers, not compared as strings: "10000-01" sorts before
  // "9999-12", and a walk from 9999-11 would never end.
  const months: CalendarMonth[] = [];
  for (let i = monthNumber(from); i <= monthNumber(to); i += 1) months.push(monthOfNumber(i));
  return months;
}

/** A month (or the month of a day) as a number of months since year 0: consecutive months are consecutive numbers. */
function monthNumber(monthOrDay: string): number {
  return Number(monthOrDay.slice(0, 4)) * 12 + Number(monthOrDay.slice(5, 7)) - 1;
}

/** The month of a {@link monthNumber}. */
function monthOfNumber(n: number): CalendarMonth {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The `day`-th of the month after `month` (clamped): when a monthly report for `month` is due. */
export function dayOfFollowingMonth(month: CalendarMonth, day: number): CalendarDay {
  // Month numbers by hand, not dates: this runs for every month of every open finding each
  // time warnings or reminders are decided, and two date-fns month additions a month were
  // a third of deciding a day's warnings.
  const next = monthOfNumber(monthNumber(month) + 1);
  const wanted = Math.min(Math.max(1, day), daysInMonth(Number(next.slice(0, 4)), Number(next.slice(5, 7))));
  return `${next}-${String(wanted).padStart(2, '0')}`;
}

/** The number of days of a month (1–12) of a year of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

import { dayOfWeek, type CalendarDay } from '../dates/calendar-day.js';

/**
 * Which days are working days (工作日), for deadlines set in working days ("15个工作日
 * 内") and for the overdue and due-soon figures. A plug-in: the core knows
 * {@link EVERY_DAY} (the default: every day counts) and {@link WEEKDAYS}; mainland
 * China's public holidays and adjusted working days (调休) are in `@rectify/calendar-cn`;
 * an organisation with its own closures writes its own.
 *
 * `isWorkingDay` must be pure, and should throw (a `RectifyError` with code
 * `calendar.unknown_day`) for a day it cannot answer for rather than guess: a calendar
 * built from published holiday notices does not know next year's until it is published.
 *
 * @example
 * ```ts
 * const closedOnFridays: Calendar = {
 *   name: 'mon-thu',
 *   isWorkingDay: (day) => dayOfWeek(day) <= 4,
 * };
 * ```
 */
export interface Calendar {
  /** A short name for messages and reports, e.g. `every-day`, `cn`. */
  readonly name: string;
  /** Whether work is done on `day`. */
  isWorkingDay(day: CalendarDay): boolean;
}

/** Every day is a working day: deadlines count calendar days. The default. */
export const EVERY_DAY: Calendar = { name: 'every-day', isWorkingDay: () => true };

/** Monday to Friday, no holidays: a plain business calendar. */
export const WEEKDAYS: Calendar = { name: 'weekdays', isWorkingDay: (day) => dayOfWeek(day) <= 5 };

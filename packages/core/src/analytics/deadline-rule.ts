import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addWorkingDays, nextWorkingDay } from '../calendar/working-days.js';
import { addCalendarDays, type CalendarDay } from '../dates/calendar-day.js';
import { isOpenStatus } from '../lifecycle/status.js';
import { hasApprovedExtension, type FindingState } from '../lifecycle/state.js';

// The one definition of overdue, due soon and on time. The analysis, the lagging ranking,
// the day series, the store's queries, every report format and the reminders all decide
// through these functions, so that with a working-day calendar they cannot disagree (they
// did: a 1 October deadline was overdue in one view and not in another).

/**
 * The last day a deadline allows: the deadline itself, or the next working day when it
 * falls on a rest day of the calendar (see {@link nextWorkingDay}).
 *
 * @example
 * ```ts
 * deadlineInForce('2023-10-01', calendarCn); // '2023-10-07': 国庆 ends, the Saturday is worked
 * ```
 */
export function deadlineInForce(deadline: CalendarDay, calendar: Calendar = EVERY_DAY): CalendarDay {
  return nextWorkingDay(calendar, deadline);
}

/**
 * Whether a deadline is overdue on `asOf`: its deadline in force is over (overdue starts
 * the day after the last day allowed).
 */
export function isPastDeadline(deadline: CalendarDay, asOf: CalendarDay, calendar: Calendar = EVERY_DAY): boolean {
  return deadlineInForce(deadline, calendar) < asOf;
}

/**
 * Whether a finding is overdue (逾期) on `asOf`: its work is open (not started, in
 * progress, reopened), it has a deadline, and that deadline is past.
 */
export function isFindingOverdue(finding: Pick<FindingState, 'status' | 'assignment'>, asOf: CalendarDay, calendar: Calendar = EVERY_DAY): boolean {
  return isOpenStatus(finding.status) && finding.assignment !== undefined && isPastDeadline(finding.assignment.deadline, asOf, calendar);
}

/**
 * The first deadline that is not overdue on `asOf`: a deadline is overdue on `asOf`
 * exactly when it comes before this day, so that a whole day's overdue findings are one
 * comparison (`deadline < ?` in SQL, one calendar lookup per day in a series).
 *
 * Why it is exact: the deadline in force is the first working day on or after the
 * deadline, so it is before `asOf` exactly when some working day lies between the
 * deadline and the day before `asOf`, that is when the deadline is on or before the last
 * working day before `asOf`.
 *
 * @example
 * ```ts
 * overdueCutoff('2023-10-08', calendarCn); // '2023-10-08': the 7th was worked, so deadlines up to it are overdue
 * overdueCutoff('2023-10-07', calendarCn); // '2023-09-29': nothing from 29 September to 6 October is overdue yet
 * ```
 */
export function overdueCutoff(asOf: CalendarDay, calendar: Calendar = EVERY_DAY): CalendarDay {
  if (calendar === EVERY_DAY) return asOf;
  return addCalendarDays(addWorkingDays(calendar, asOf, -1), 1);
}

/**
 * The last day of "due within `days` working days of `asOf`": a deadline is due soon when
 * its deadline in force falls from `asOf` to this day, both included.
 */
export function dueSoonUntil(asOf: CalendarDay, days: number, calendar: Calendar = EVERY_DAY): CalendarDay {
  return addWorkingDays(calendar, asOf, days);
}

/**
 * The deadlines that are due soon, as a range of plain days a database compares as text:
 * a deadline is due within `days` working days of `asOf` ({@link isDueWithin}) exactly
 * when it lies from `from` to `last`, both included; `undefined` when none is.
 */
export function dueSoonRange(asOf: CalendarDay, days: number, calendar: Calendar = EVERY_DAY): { from: CalendarDay; last: CalendarDay } | undefined {
  const from = overdueCutoff(asOf, calendar);
  const until = dueSoonUntil(asOf, days, calendar);
  // The last deadline whose deadline in force is on or before `until`: `until` when it is worked, else the working day before.
  const last = calendar.isWorkingDay(until) ? until : addWorkingDays(calendar, until, -1);
  return last < from ? undefined : { from, last };
}

/**
 * Whether a deadline is due soon: its deadline in force is `asOf` or falls within
 * `days` working days after it.
 */
export function isDueWithin(deadline: CalendarDay, asOf: CalendarDay, days: number, calendar: Calendar = EVERY_DAY): boolean {
  const inForce = deadlineInForce(deadline, calendar);
  return inForce >= asOf && inForce <= dueSoonUntil(asOf, days, calendar);
}

/** How a finding that was completed met its deadline: see {@link completionOutcome}. */
export type CompletionOutcome = 'on_time' | 'within_extension' | 'late';

/**
 * How a finding that was completed (or is sustaining) met its deadline: `on_time` by the
 * first deadline in force (an extension must not flatter 按期完成率), `within_extension`
 * by the extended deadline in force, else `late`. `undefined` while its work is open,
 * or when it never had a deadline or a completion day.
 */
export function completionOutcome(
  finding: Pick<FindingState, 'status' | 'assignment' | 'originalDeadline' | 'completedOn' | 'extensions'>,
  calendar: Calendar = EVERY_DAY,
): CompletionOutcome | undefined {
  const a = finding.assignment;
  if (a === undefined || isOpenStatus(finding.status) || finding.completedOn === undefined) return undefined;
  const first = finding.originalDeadline ?? a.deadline;
  if (finding.completedOn <= deadlineInForce(first, calendar)) return 'on_time';
  const extended = hasApprovedExtension(finding);
  return extended && finding.completedOn <= deadlineInForce(a.deadline, calendar) ? 'within_extension' : 'late';
}

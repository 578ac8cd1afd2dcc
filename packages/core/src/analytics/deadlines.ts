import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { workingDaysBetween } from '../calendar/working-days.js';
import { daysBetween, type CalendarDay } from '../dates/calendar-day.js';
import { isOpenStatus } from '../lifecycle/status.js';
import type { FindingState } from '../lifecycle/state.js';
import { deadlineInForce, dueSoonUntil, overdueCutoff } from './deadline-rule.js';

/** A finding whose deadline has passed, or is near, while its work is open. */
export interface DeadlineItem {
  findingId: string;
  title: string;
  status: FindingState['status'];
  deadline: CalendarDay;
  /** The first deadline assigned, when an extension moved it. */
  originalDeadline?: CalendarDay;
  /**
   * The last day allowed: the deadline, or the next working day when the deadline
   * falls on a rest day of the calendar (see {@link deadlineInForce}).
   */
  deadlineInForce: CalendarDay;
  /** Calendar days past the deadline in force (positive) or left before it (negative or 0). */
  daysOverdue: number;
  /** The same in working days of the calendar; equal to `daysOverdue` with {@link EVERY_DAY}. */
  workingDaysOverdue: number;
  unitId: string | undefined;
  personId: string | undefined;
}

/** Options of {@link overdue} and {@link dueSoon}. */
export interface DeadlineOptions {
  /** Which days are working days (default {@link EVERY_DAY}). */
  calendar?: Calendar;
}

function item(f: FindingState, deadline: CalendarDay, inForce: CalendarDay, asOf: CalendarDay, calendar: Calendar): DeadlineItem {
  return {
    findingId: f.finding.id,
    title: f.finding.title,
    status: f.status,
    deadline,
    ...(f.originalDeadline !== undefined && f.originalDeadline !== deadline ? { originalDeadline: f.originalDeadline } : {}),
    deadlineInForce: inForce,
    daysOverdue: daysBetween(inForce, asOf),
    workingDaysOverdue: inForce <= asOf ? workingDaysBetween(calendar, inForce, asOf) : -workingDaysBetween(calendar, asOf, inForce),
    unitId: f.assignment?.leadUnitId,
    personId: f.assignment?.responsiblePersonId,
  };
}

/** The open, assigned findings with their deadline in force, computed once per finding. */
function openDeadlines(findings: readonly FindingState[], calendar: Calendar): { f: FindingState; deadline: CalendarDay; inForce: CalendarDay }[] {
  const out = [];
  for (const f of findings) {
    if (!isOpenStatus(f.status) || f.assignment === undefined) continue;
    const deadline = f.assignment.deadline;
    out.push({ f, deadline, inForce: deadlineInForce(deadline, calendar) });
  }
  return out;
}

/**
 * Findings still open after their deadline (逾期 / 超过整改时限) as of a day, most
 * overdue first. A deadline is the last day allowed: overdue starts the day after, and,
 * with a working-day calendar, a deadline on a rest day stands until the next working day.
 *
 * @throws whatever the calendar throws for a day it does not know
 * (`calendar.unknown_day` from `@rectify/calendar-cn`).
 *
 * @example
 * ```ts
 * overdue(findings, '2023-12-01').map((o) => `${o.title}: ${o.daysOverdue} days`);
 * overdue(findings, '2023-10-08', { calendar: calendarCn }); // a 1 October deadline is not yet overdue
 * ```
 */
export function overdue(findings: readonly FindingState[], asOf: CalendarDay, options: DeadlineOptions = {}): DeadlineItem[] {
  const calendar = options.calendar ?? EVERY_DAY;
  return openDeadlines(findings, calendar)
    .filter((d) => d.inForce < asOf)
    .map((d) => item(d.f, d.deadline, d.inForce, asOf, calendar))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.findingId.localeCompare(b.findingId));
}

/**
 * Open findings whose deadline in force falls within `days` days from `asOf`
 * (inclusive), soonest first; working days with a working-day calendar.
 */
export function dueSoon(findings: readonly FindingState[], asOf: CalendarDay, days: number, options: DeadlineOptions = {}): DeadlineItem[] {
  const calendar = options.calendar ?? EVERY_DAY;
  const until = dueSoonUntil(asOf, days, calendar);
  return openDeadlines(findings, calendar)
    .filter((d) => d.inForce >= asOf && d.inForce <= until)
    .map((d) => item(d.f, d.deadline, d.inForce, asOf, calendar))
    .sort((a, b) => a.deadlineInForce.localeCompare(b.deadlineInForce) || a.findingId.localeCompare(b.findingId));
}

/** A measure past its own deadline while its finding is still being worked on. */
export interface OverdueMeasure {
  findingId: string;
  measureId: string;
  ordinal: number;
  deadline: CalendarDay;
  /** Calendar days past its deadline in force. */
  daysOverdue: number;
}

/**
 * Measures with their own deadline that is past (in force, as for findings), not done,
 * in findings not yet signed off.
 */
export function overdueMeasures(findings: readonly FindingState[], asOf: CalendarDay, options: DeadlineOptions = {}): OverdueMeasure[] {
  const calendar = options.calendar ?? EVERY_DAY;
  const cutoff = overdueCutoff(asOf, calendar);
  const out: OverdueMeasure[] = [];
  for (const f of findings) {
    if (f.status === 'signed_off') continue;
    for (const m of f.measures) {
      if (m.status !== 'open' || m.kind === 'long_term' || m.deadline === undefined || m.deadline >= cutoff) continue;
      out.push({ findingId: f.finding.id, measureId: m.id, ordinal: m.ordinal, deadline: m.deadline, daysOverdue: daysBetween(deadlineInForce(m.deadline, calendar), asOf) });
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.findingId.localeCompare(b.findingId) || a.ordinal - b.ordinal);
}

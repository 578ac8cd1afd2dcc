import { addCalendarDays, daysBetween, type CalendarDay } from '../dates/calendar-day.js';
import { isOpenStatus } from '../lifecycle/status.js';
import type { FindingState } from '../lifecycle/state.js';

/** A finding whose deadline has passed, or is near, while its work is open. */
export interface DeadlineItem {
  findingId: string;
  title: string;
  status: FindingState['status'];
  deadline: CalendarDay;
  /** The first deadline assigned, when an extension moved it. */
  originalDeadline?: CalendarDay;
  /** Days past the deadline (positive) or left before it (negative or 0). */
  daysOverdue: number;
  unitId: string | undefined;
  personId: string | undefined;
}

function item(f: FindingState, deadline: CalendarDay, asOf: CalendarDay): DeadlineItem {
  return {
    findingId: f.finding.id,
    title: f.finding.title,
    status: f.status,
    deadline,
    ...(f.originalDeadline !== undefined && f.originalDeadline !== deadline ? { originalDeadline: f.originalDeadline } : {}),
    daysOverdue: daysBetween(deadline, asOf),
    unitId: f.assignment?.leadUnitId,
    personId: f.assignment?.responsiblePersonId,
  };
}

/**
 * Findings still open after their deadline (逾期 / 超过整改时限) as of a day, most
 * overdue first. A deadline is the last day allowed: overdue starts the day after.
 *
 * @example
 * ```ts
 * overdue(findings, '2023-12-01').map((o) => `${o.title}: ${o.daysOverdue} days`);
 * ```
 */
export function overdue(findings: readonly FindingState[], asOf: CalendarDay): DeadlineItem[] {
  return findings
    .filter((f) => isOpenStatus(f.status) && f.assignment !== undefined && f.assignment.deadline < asOf)
    .map((f) => item(f, f.assignment!.deadline, asOf))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.findingId.localeCompare(b.findingId));
}

/**
 * Open findings whose deadline falls within `days` days from `asOf` (inclusive),
 * soonest first.
 */
export function dueSoon(findings: readonly FindingState[], asOf: CalendarDay, days: number): DeadlineItem[] {
  const until = addCalendarDays(asOf, days);
  return findings
    .filter((f) => isOpenStatus(f.status) && f.assignment !== undefined && f.assignment.deadline >= asOf && f.assignment.deadline <= until)
    .map((f) => item(f, f.assignment!.deadline, asOf))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.findingId.localeCompare(b.findingId));
}

/** A measure past its own deadline while its finding is still being worked on. */
export interface OverdueMeasure {
  findingId: string;
  measureId: string;
  ordinal: number;
  deadline: CalendarDay;
  daysOverdue: number;
}

/** Measures with their own deadline that is past, not done, in findings not yet signed off. */
export function overdueMeasures(findings: readonly FindingState[], asOf: CalendarDay): OverdueMeasure[] {
  const out: OverdueMeasure[] = [];
  for (const f of findings) {
    if (f.status === 'signed_off') continue;
    for (const m of f.measures) {
      if (m.status !== 'open' || m.kind === 'long_term' || m.deadline === undefined || m.deadline >= asOf) continue;
      out.push({ findingId: f.finding.id, measureId: m.id, ordinal: m.ordinal, deadline: m.deadline, daysOverdue: daysBetween(m.deadline, asOf) });
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.findingId.localeCompare(b.findingId) || a.ordinal - b.ordinal);
}

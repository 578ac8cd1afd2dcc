import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import { isOpenStatus } from '../lifecycle/status.js';
import { hasApprovedExtension, type FindingState } from '../lifecycle/state.js';
import { completionOutcome } from './deadline-rule.js';

/**
 * How findings met their deadlines, extensions (延期) counted apart: the figure behind
 * "按期完成率" that an extension must not flatter.
 */
export interface DeadlineOutcomes {
  /** Completed (or sustaining) on or before the first deadline in force. */
  onTime: number;
  /** Completed after the first deadline, within an approved extension (in force). */
  withinExtension: number;
  /** Completed after the deadline in force. */
  late: number;
  /** Still open; of them, `openExtended` have an approved extension. */
  open: number;
  openExtended: number;
  /** Extension requests: waiting for a decision, approved, rejected. */
  requests: { pending: number; approved: number; rejected: number };
  /** `onTime` over the findings completed (0 when none is). */
  onTimeRate: number;
  /** The findings behind `withinExtension` and `late`, for a list. */
  findings: { findingId: string; title: string; outcome: 'within_extension' | 'late'; originalDeadline: CalendarDay; deadline: CalendarDay; completedOn: CalendarDay }[];
}

/**
 * Counts completions on time, within an extension and late, open findings with an
 * extension, and extension requests by decision. A finding without an assignment
 * (no deadline) counts in none of the completion figures. Each finding's outcome is
 * {@link completionOutcome}: a deadline on a rest day of `options.calendar` stands until
 * the next working day.
 *
 * @example
 * ```ts
 * const o = deadlineOutcomes(findings);
 * `按期完成 ${o.onTime}，延期后完成 ${o.withinExtension}，逾期完成 ${o.late}`;
 * ```
 */
export function deadlineOutcomes(findings: readonly FindingState[], options: { calendar?: Calendar } = {}): DeadlineOutcomes {
  const calendar = options.calendar ?? EVERY_DAY;
  const out: DeadlineOutcomes = { onTime: 0, withinExtension: 0, late: 0, open: 0, openExtended: 0, requests: { pending: 0, approved: 0, rejected: 0 }, onTimeRate: 0, findings: [] };
  for (const f of findings) {
    for (const x of f.extensions) out.requests[x.status]++;
    const a = f.assignment;
    if (a === undefined) continue;
    const extended = hasApprovedExtension(f);
    if (isOpenStatus(f.status)) {
      out.open++;
      if (extended) out.openExtended++;
      continue;
    }
    const outcome = completionOutcome(f, calendar);
    if (outcome === undefined) continue;
    if (outcome === 'on_time') out.onTime++;
    else {
      if (outcome === 'late') out.late++;
      else out.withinExtension++;
      out.findings.push({ findingId: f.finding.id, title: f.finding.title, outcome, originalDeadline: f.originalDeadline ?? a.deadline, deadline: a.deadline, completedOn: f.completedOn! });
    }
  }
  const completed = out.onTime + out.withinExtension + out.late;
  out.onTimeRate = completed === 0 ? 0 : out.onTime / completed;
  out.findings.sort((x, y) => x.completedOn.localeCompare(y.completedOn) || x.findingId.localeCompare(y.findingId));
  return out;
}

import type { CalendarDay } from '../dates/calendar-day.js';
import type { FindingStatus } from '../lifecycle/status.js';
import type { FindingState, MeasureState, ProgressEntry, ReviewRecord } from '../lifecycle/state.js';
import type { Assignment } from '../model/assignment.js';
import type { Finding } from '../model/finding.js';

/**
 * What a finding's warning reads of its state, and nothing else: a few hundred bytes where
 * the state is kilobytes. A SQL store keeps it in a column of its own, so that deciding a
 * day's warnings over tens of thousands of findings parses these instead of every state.
 *
 * A full {@link FindingState} is a `WarningView` too (every field here is one of its own,
 * or a part of one), so {@link findingLight} and {@link warningNotices} take either; the
 * view gives exactly the same lights and notices as the state it was made from.
 */
export interface WarningView {
  finding: Pick<Finding, 'id' | 'inspectionId' | 'title' | 'ordinal'>;
  status: FindingStatus;
  assignment?: Assignment;
  assignedOn?: CalendarDay;
  completedOn?: CalendarDay;
  /** In the view, the open measures only: what a notice lists, and whether long-term work goes on. */
  measures: Pick<MeasureState, 'ordinal' | 'text' | 'kind' | 'status'>[];
  /** In the view, the latest ledger entry (the day the ledger was last kept) and the monthly reports (the months reported). */
  progress: Pick<ProgressEntry, 'kind' | 'on' | 'period'>[];
  /** In the view, the look-backs that found a relapse. */
  reviews: Pick<ReviewRecord, 'outcome' | 'conductedOn'>[];
}

/**
 * The {@link WarningView} of a finding's state: what a SQL store writes in its `warning`
 * column whenever it writes the row (derived, like every other column, never set by hand).
 */
export function warningView(state: FindingState): WarningView {
  const latest = state.progress.reduce<ProgressEntry | undefined>((last, p) => (last === undefined || p.on > last.on ? p : last), undefined);
  const progress = state.progress.filter((p) => p === latest || (p.kind === 'monthly_report' && p.period !== undefined));
  const { id, inspectionId, title, ordinal } = state.finding;
  return {
    finding: { id, inspectionId, title, ordinal },
    status: state.status,
    ...(state.assignment === undefined ? {} : { assignment: state.assignment }),
    ...(state.assignedOn === undefined ? {} : { assignedOn: state.assignedOn }),
    ...(state.completedOn === undefined ? {} : { completedOn: state.completedOn }),
    measures: state.measures.filter((m) => m.status === 'open').map(({ ordinal, text, kind, status }) => ({ ordinal, text, kind, status })),
    progress: progress.map(({ kind, on, period }) => (period === undefined ? { kind, on } : { kind, on, period })),
    reviews: state.reviews.filter((r) => r.outcome === 'relapsed').map((r) => (r.conductedOn === undefined ? { outcome: 'relapsed' as const } : { outcome: 'relapsed' as const, conductedOn: r.conductedOn })),
  };
}

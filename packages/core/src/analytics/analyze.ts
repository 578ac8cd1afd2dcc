import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import { missedMonthlyReports, staleLedgers, type MissedMonthlyReport, type StaleLedger } from './cadence.js';
import { deadlineOutcomes, type DeadlineOutcomes } from './extensions.js';
import { dueSoon, overdue, overdueMeasures, type DeadlineItem, type OverdueMeasure } from './deadlines.js';
import { laggingUnits, type LaggingUnit, type LaggingWeights } from './lagging.js';
import { reconcile, type Discrepancy } from './reconcile.js';
import { totals, type Totals } from './totals.js';

/** Everything a dashboard shows, as of one day. */
export interface Analysis {
  asOf: CalendarDay;
  totals: Totals;
  overdue: DeadlineItem[];
  dueSoon: DeadlineItem[];
  overdueMeasures: OverdueMeasure[];
  staleLedgers: StaleLedger[];
  missedMonthlyReports: MissedMonthlyReport[];
  laggingUnits: LaggingUnit[];
  discrepancies: Discrepancy[];
  /** Completions on time, within an extension (延期) and late; extension requests. */
  deadlineOutcomes: DeadlineOutcomes;
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** How the lagging-unit score weighs its parts. */
  laggingWeights?: LaggingWeights;
  /**
   * Which days are working days, for overdue and due-soon (default {@link EVERY_DAY}:
   * calendar days). `calendarCn` from `@rectify/calendar-cn` for mainland China.
   */
  calendar?: Calendar;
}

/**
 * Runs every analysis over the findings of one inspection as of a day, with the
 * inspection's cadence. Pure: the same findings and day give the same result.
 *
 * Pass the findings' state *as of* that day (see {@link replayAsOf}) to report on
 * a past day.
 *
 * @example
 * ```ts
 * const a = analyze(findings, inspection, '2023-11-15');
 * console.log(a.totals.byStatus, a.overdue.length, a.laggingUnits[0]);
 * ```
 */
export function analyze(
  findings: readonly FindingState[],
  inspection: Inspection,
  asOf: CalendarDay,
  options: AnalyzeOptions = {},
): Analysis {
  const cadence = inspection.workflow.cadence;
  const deadlines = { calendar: options.calendar ?? EVERY_DAY };
  return {
    asOf,
    totals: totals(findings, inspection),
    overdue: overdue(findings, asOf, deadlines),
    dueSoon: dueSoon(findings, asOf, cadence.dueSoonDays, deadlines),
    overdueMeasures: overdueMeasures(findings, asOf, deadlines),
    staleLedgers: staleLedgers(findings, asOf, cadence),
    missedMonthlyReports: missedMonthlyReports(findings, asOf, cadence),
    laggingUnits: laggingUnits(findings, asOf, cadence, { ...deadlines, ...(options.laggingWeights === undefined ? {} : { weights: options.laggingWeights }) }),
    discrepancies: reconcile(findings, inspection),
    deadlineOutcomes: deadlineOutcomes(findings, deadlines),
  };
}

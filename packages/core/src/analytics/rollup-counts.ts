import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addCalendarMonths, daysBetween, monthOf, monthsBetween, type CalendarDay } from '../dates/calendar-day.js';
import { isOpenStatus, type FindingStatus } from '../lifecycle/status.js';
import type { Inspection } from '../model/inspection.js';
import type { Cadence } from '../model/workflow.js';
import type { FindingRow } from '../storage/row.js';
import { nextLedgerUpdate } from './cadence.js';
import { completionOutcome, dueSoonRange, overdueCutoff } from './deadline-rule.js';
import { progressLag } from './lagging.js';

// A roll-up in two steps, so that a database can do the heavy one: counting findings by
// organisation, round, lead unit and status (`rollupCounts`: a SQL GROUP BY over indexed
// columns, or the pure function below over rows), then assembling the figures from those
// counts (`rollupFromCounts`), once for every store.

/** One round (inspection) a roll-up counts, with what its cadence says. */
export interface RollupRoundQuery {
  tenantId: string;
  inspectionId: string;
  /** Working days before a deadline that count as due soon. */
  dueSoonDays: number;
  /** Days an open finding's ledger may go without an entry (7: weekly). */
  ledgerUpdateDays: number;
  /** Days a sustaining finding's ledger may go without an entry. */
  longTermReportDays: number;
  /** Where the inspection is, for the day an instant falls on. */
  utcOffset: string;
}

/** What a store counts for a roll-up ({@link rollupQuery} makes one). */
export interface RollupQuery {
  asOf: CalendarDay;
  /** Which days are working days, for overdue, due soon and on time. */
  calendar: Calendar;
  rounds: RollupRoundQuery[];
  /** The trend's months, `YYYY-MM`, the day's month last (for the assembly: a store need not read them). */
  months: string[];
  /**
   * The rounds are every round of the store: a store may count every row without
   * filtering by round (counts of a round not named are ignored by the assembly).
   */
  everyRound?: boolean;
}

/**
 * The findings of one organisation, round, lead unit (`null`: not assigned) and status,
 * counted for a roll-up. Every count follows the core's one definition of it: see
 * {@link rollupCounts}, the reference a store's query must agree with.
 */
export interface RollupCount {
  tenantId: string;
  inspectionId: string;
  unitId: string | null;
  status: FindingStatus;
  findings: number;
  /** Open and past the deadline in force (`isFindingOverdue`). */
  overdue: number;
  /** Open with the deadline in force within the round's due-soon days (`isDueWithin`). */
  dueSoon: number;
  /** Completed by the first deadline in force, within an extension, late (`completionOutcome`). */
  onTime: number;
  withinExtension: number;
  late: number;
  /** Owing a ledger entry longer than the cadence allows (`staleLedgers`). */
  stale: number;
  /** The sum of their `progressLag`. */
  lagSum: number;
  /**
   * The latest `updatedAt` among them (UTC): a group changed after the day of the
   * roll-up is counted from the events as of that day instead.
   */
  lastUpdatedAt: string;
}

/**
 * The findings of one organisation, round and status created in one month and completed
 * in another (or not completed): what the trend is read from. As of a day, nothing was
 * created or completed after it, so "by a month's end" is "in that month or before".
 */
export interface RollupMonthCount {
  tenantId: string;
  inspectionId: string;
  status: FindingStatus;
  /** `YYYY-MM` of `createdOn`. */
  createdIn: string;
  /** `YYYY-MM` of `completedOn`, `null` without one. */
  completedIn: string | null;
  findings: number;
}

/** What a store counts for a roll-up: by unit and status, and by month for the trend. */
export interface RollupCounts {
  groups: RollupCount[];
  months: RollupMonthCount[];
}

/**
 * The query of a roll-up of these rounds as of a day: each round's cadence, and the
 * trend's months, the day's month last.
 */
export function rollupQuery(
  rounds: readonly { tenantId: string; inspection: Pick<Inspection, 'id' | 'utcOffset'> & { workflow: { cadence: Pick<Cadence, 'dueSoonDays' | 'ledgerUpdateDays' | 'longTermReportDays'> } } }[],
  asOf: CalendarDay,
  options: { calendar?: Calendar; months?: number } = {},
): RollupQuery {
  const months = monthsBetween(addCalendarMonths(asOf, 1 - (options.months ?? 6)), asOf);
  return {
    asOf,
    calendar: options.calendar ?? EVERY_DAY,
    months,
    rounds: rounds.map(({ tenantId, inspection }) => {
      const { dueSoonDays, ledgerUpdateDays, longTermReportDays } = inspection.workflow.cadence;
      return { tenantId, inspectionId: inspection.id, dueSoonDays, ledgerUpdateDays, longTermReportDays, utcOffset: inspection.utcOffset };
    }),
  };
}

/**
 * Counts rows for a roll-up: the reference every store's `rollupCounts` agrees with (the
 * memory driver runs it; the SQL drivers' GROUP BY is tested against it). Rows of a round
 * not in the query are left out. Each count calls the core's own definition on the state.
 */
export function rollupCounts(rows: Iterable<FindingRow>, query: RollupQuery): RollupCounts {
  const rounds = new Map(query.rounds.map((r) => [`${r.tenantId}\u0000${r.inspectionId}`, { ...r, dueSoon: dueSoonRange(query.asOf, r.dueSoonDays, query.calendar) }]));
  const cutoff = overdueCutoff(query.asOf, query.calendar);
  const groups = new Map<string, RollupCount>();
  const months = new Map<string, RollupMonthCount>();
  for (const row of rows) {
    const round = rounds.get(`${row.tenantId}\u0000${row.inspectionId}`);
    if (round === undefined) continue;
    const f = row.state;
    const key = `${row.tenantId}\u0000${row.inspectionId}\u0000${row.leadUnitId ?? ''}\u0000${row.status}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { tenantId: row.tenantId, inspectionId: row.inspectionId, unitId: row.leadUnitId, status: row.status, findings: 0, overdue: 0, dueSoon: 0, onTime: 0, withinExtension: 0, late: 0, stale: 0, lagSum: 0, lastUpdatedAt: row.updatedAt };
      groups.set(key, g);
    }
    g.findings++;
    if (row.updatedAt > g.lastUpdatedAt) g.lastUpdatedAt = row.updatedAt;
    const deadline = f.assignment?.deadline;
    if (deadline !== undefined && isOpenStatus(f.status)) {
      if (deadline < cutoff) g.overdue++;
      const range = round.dueSoon;
      if (range !== undefined && deadline >= range.from && deadline <= range.last) g.dueSoon++;
    }
    const outcome = completionOutcome(f, query.calendar);
    if (outcome === 'on_time') g.onTime++;
    else if (outcome === 'within_extension') g.withinExtension++;
    else if (outcome === 'late') g.late++;
    if (f.assignment !== undefined) {
      const next = nextLedgerUpdate(f, round);
      if (next !== undefined && daysBetween(next.since, query.asOf) > next.allowedDays) g.stale++;
      g.lagSum += progressLag(f, query.asOf);
    }
    const createdIn = monthOf(row.createdOn);
    const completedIn = f.completedOn === undefined ? null : monthOf(f.completedOn);
    const monthKey = `${row.tenantId}\u0000${row.inspectionId}\u0000${row.status}\u0000${createdIn}\u0000${completedIn ?? ''}`;
    const m = months.get(monthKey);
    if (m === undefined) months.set(monthKey, { tenantId: row.tenantId, inspectionId: row.inspectionId, status: row.status, createdIn, completedIn, findings: 1 });
    else m.findings++;
  }
  return { groups: [...groups.values()], months: [...months.values()] };
}

import {
  addCalendarDays,
  daysBetween,
  dayOfFollowingMonth,
  monthOf,
  monthsBetween,
  type CalendarDay,
  type CalendarMonth,
} from '../dates/calendar-day.js';
import { isSustained, lastProgressOn, type FindingState, type MeasureState, type ProgressEntry } from '../lifecycle/state.js';
import type { Cadence } from '../model/workflow.js';

/** A finding whose ledger has not been updated within the cadence. */
export interface StaleLedger {
  findingId: string;
  title: string;
  status: FindingState['status'];
  /** The last ledger entry, or `undefined` if there has never been one. */
  lastUpdateOn: CalendarDay | undefined;
  /** Days since the last entry (or since assignment when there is none). */
  daysSince: number;
  /** The allowed gap that was exceeded. */
  allowedDays: number;
  unitId: string | undefined;
  personId: string | undefined;
}

/**
 * 责任人每周更新工作进度: findings whose ledger is stale as of a day. Open findings
 * must be updated every `cadence.ledgerUpdateDays` days (7: weekly); sustaining ones
 * every `cadence.longTermReportDays` (their long-term work goes on). Unassigned
 * findings are not counted: the reconciliation report lists them.
 */
export function staleLedgers(findings: readonly FindingState[], asOf: CalendarDay, cadence: Pick<Cadence, 'ledgerUpdateDays' | 'longTermReportDays'>): StaleLedger[] {
  const out: StaleLedger[] = [];
  for (const f of findings) {
    const next = nextLedgerUpdate(f, cadence);
    if (next === undefined) continue;
    const daysSince = daysBetween(next.since, asOf);
    if (daysSince <= next.allowedDays) continue;
    out.push({
      findingId: f.finding.id,
      title: f.finding.title,
      status: f.status,
      lastUpdateOn: next.lastUpdateOn,
      daysSince,
      allowedDays: next.allowedDays,
      unitId: f.assignment?.leadUnitId,
      personId: f.assignment?.responsiblePersonId,
    });
  }
  return out.sort((a, b) => b.daysSince - a.daysSince || a.findingId.localeCompare(b.findingId));
}

/** When a finding's ledger must next be updated, and from what. */
export interface LedgerUpdateDue {
  /** The last day the next entry may be made without the ledger going stale. */
  dueOn: CalendarDay;
  /** The last entry, or the assignment day when there is none. */
  since: CalendarDay;
  lastUpdateOn: CalendarDay | undefined;
  allowedDays: number;
}

/**
 * What the ledger's and the monthly reports' cadence reads of a finding: its state, or the
 * smaller `WarningView` a store keeps for deciding warnings.
 */
export type LedgerKeeping = Pick<FindingState, 'status' | 'assignedOn' | 'completedOn'> & {
  measures: readonly Pick<MeasureState, 'kind' | 'status'>[];
  progress: readonly Pick<ProgressEntry, 'kind' | 'on' | 'period'>[];
};

/**
 * The next ledger update a finding owes: every `cadence.ledgerUpdateDays` while open,
 * every `cadence.longTermReportDays` while its long-term work goes on ({@link isSustained}:
 * sustaining, or signed off with a long-term measure open); `undefined` when it owes none
 * (unassigned, or completed, awaiting sign-off or signed off with nothing long-term left).
 */
export function nextLedgerUpdate(f: LedgerKeeping, cadence: Pick<Cadence, 'ledgerUpdateDays' | 'longTermReportDays'>): LedgerUpdateDue | undefined {
  const allowedDays =
    isSustained(f) ? cadence.longTermReportDays
    : f.status === 'not_started' || f.status === 'in_progress' || f.status === 'reopened' ? cadence.ledgerUpdateDays
    : undefined;
  if (allowedDays === undefined || f.assignedOn === undefined) return undefined;
  const lastUpdateOn = lastProgressOn(f);
  const since = lastUpdateOn ?? f.assignedOn;
  return { dueOn: addCalendarDays(since, allowedDays), since, lastUpdateOn, allowedDays };
}

/** A monthly report (每月一报) that was due and not made. */
export interface MissedMonthlyReport {
  findingId: string;
  /** The month it should have covered. */
  period: CalendarMonth;
  /** The day it was due. */
  dueOn: CalendarDay;
  unitId: string | undefined;
}

/**
 * 每月一报: for every finding, every month from its assignment on, a monthly report is
 * due on `cadence.monthlyReportDueDay` of the following month, up to the month before
 * the one in which the finding was completed (completion itself reports that month;
 * sustaining findings keep reporting). Lists those
 * due by `asOf` and not made. Empty when the workflow has no monthly report.
 */
export function missedMonthlyReports(findings: readonly FindingState[], asOf: CalendarDay, cadence: Pick<Cadence, 'monthlyReportDueDay'>): MissedMonthlyReport[] {
  const out: MissedMonthlyReport[] = [];
  for (const f of findings) for (const r of monthlyReportsOwed(f, asOf, cadence)) out.push({ findingId: f.finding.id, ...r, unitId: f.assignment?.leadUnitId });
  return out.sort((a, b) => a.period.localeCompare(b.period) || a.findingId.localeCompare(b.findingId));
}

/**
 * The monthly reports a finding owes that fall due by `until` and are not made, oldest
 * first, under the rules of {@link missedMonthlyReports}; with `until` after today,
 * those coming due as well.
 */
export function monthlyReportsOwed(f: LedgerKeeping, until: CalendarDay, cadence: Pick<Cadence, 'monthlyReportDueDay'>): { period: CalendarMonth; dueOn: CalendarDay }[] {
  const dueDay = cadence.monthlyReportDueDay;
  if (dueDay === null || f.assignedOn === undefined) return [];
  const reported = new Set(f.progress.filter((p) => p.kind === 'monthly_report' && p.period).map((p) => p.period));
  // A finding done (and not sustained) stops reporting with the month it was completed.
  const stopsAfter = !isSustained(f) && f.completedOn !== undefined && !['in_progress', 'reopened', 'not_started'].includes(f.status)
    ? monthOf(f.completedOn)
    : undefined;
  const out: { period: CalendarMonth; dueOn: CalendarDay }[] = [];
  for (const period of monthsBetween(f.assignedOn, until)) {
    if (stopsAfter !== undefined && period >= stopsAfter) break;
    const dueOn = dayOfFollowingMonth(period, dueDay);
    if (dueOn > until) break;
    if (!reported.has(period)) out.push({ period, dueOn });
  }
  return out;
}

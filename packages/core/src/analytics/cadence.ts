import {
  daysBetween,
  dayOfFollowingMonth,
  monthOf,
  monthsBetween,
  type CalendarDay,
  type CalendarMonth,
} from '../dates/calendar-day.js';
import { lastProgressOn, type FindingState } from '../lifecycle/state.js';
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
    const allowedDays =
      f.status === 'sustaining' ? cadence.longTermReportDays
      : f.status === 'not_started' || f.status === 'in_progress' || f.status === 'reopened' ? cadence.ledgerUpdateDays
      : undefined;
    if (allowedDays === undefined || f.assignedOn === undefined) continue;
    const last = lastProgressOn(f);
    const since = last ?? f.assignedOn;
    const daysSince = daysBetween(since, asOf);
    if (daysSince <= allowedDays) continue;
    out.push({
      findingId: f.finding.id,
      title: f.finding.title,
      status: f.status,
      lastUpdateOn: last,
      daysSince,
      allowedDays,
      unitId: f.assignment?.leadUnitId,
      personId: f.assignment?.responsiblePersonId,
    });
  }
  return out.sort((a, b) => b.daysSince - a.daysSince || a.findingId.localeCompare(b.findingId));
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
  const dueDay = cadence.monthlyReportDueDay;
  if (dueDay === null) return [];
  const out: MissedMonthlyReport[] = [];
  for (const f of findings) {
    if (f.assignedOn === undefined) continue;
    const reported = new Set(f.progress.filter((p) => p.kind === 'monthly_report' && p.period).map((p) => p.period));
    // A finding done (not sustaining) stops reporting with the month it was completed.
    const stopsAfter = f.status !== 'sustaining' && f.completedOn !== undefined && !['in_progress', 'reopened', 'not_started'].includes(f.status)
      ? monthOf(f.completedOn)
      : undefined;
    for (const period of monthsBetween(f.assignedOn, asOf)) {
      if (stopsAfter !== undefined && period >= stopsAfter) break;
      const dueOn = dayOfFollowingMonth(period, dueDay);
      if (dueOn > asOf) break;
      if (reported.has(period)) continue;
      out.push({ findingId: f.finding.id, period, dueOn, unitId: f.assignment?.leadUnitId });
    }
  }
  return out.sort((a, b) => a.period.localeCompare(b.period) || a.findingId.localeCompare(b.findingId));
}

import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { daysBetween, type CalendarDay } from '../dates/calendar-day.js';
import { DONE_STATUSES, isOpenStatus } from '../lifecycle/status.js';
import { activeMeasures, type FindingState } from '../lifecycle/state.js';
import type { Cadence } from '../model/workflow.js';
import { staleLedgers } from './cadence.js';
import { overdueCutoff } from './deadline-rule.js';

/** How much each factor weighs in the lagging score; they need not sum to 1. */
export interface LaggingWeights {
  /** Share of the unit's findings that are overdue. */
  overdue: number;
  /** How far the unit's progress is behind the time elapsed (see {@link progressLag}). */
  lag: number;
  /** Share of the unit's findings whose ledger is stale. */
  stale: number;
  /** The unit's share of all findings (问题集中). */
  concentration: number;
}

/** The default weights: overdue 0.4, lag 0.3, stale 0.2, concentration 0.1. */
export const DEFAULT_LAGGING_WEIGHTS: LaggingWeights = { overdue: 0.4, lag: 0.3, stale: 0.2, concentration: 0.1 };

/** Options of {@link laggingUnits}. */
export interface LaggingOptions {
  /** How much each factor weighs (default {@link DEFAULT_LAGGING_WEIGHTS}). */
  weights?: LaggingWeights;
  /** Which days are working days, for what is overdue (default {@link EVERY_DAY}). */
  calendar?: Calendar;
}

/** One unit in the lagging ranking, with the factors behind its score. */
export interface LaggingUnit {
  /** 1 for the unit that lags most. */
  rank: number;
  unitId: string;
  findings: number;
  open: number;
  overdue: number;
  stale: number;
  /** Share of all assigned findings led by this unit (0–1). */
  concentration: number;
  /** Mean {@link progressLag} of its findings (0–1). */
  lag: number;
  /** Weighted sum of the factors; higher lags more. */
  score: number;
}

/**
 * How far a finding is behind schedule as of a day, from 0 (on time) to 1: the share
 * of the time from assignment to deadline that has elapsed, minus the share of its
 * measures done (a finding completed in any sense counts as fully done).
 */
export function progressLag(f: FindingState, asOf: CalendarDay): number {
  const a = f.assignment;
  if (a === undefined || f.assignedOn === undefined) return 0;
  if (!isOpenStatus(f.status)) return 0;
  const span = daysBetween(f.assignedOn, a.deadline);
  const elapsed = daysBetween(f.assignedOn, asOf);
  const expected = span <= 0 ? 1 : Math.min(1, Math.max(0, elapsed / span));
  const measures = activeMeasures(f);
  const actual = measures.length === 0 ? 0 : measures.filter((m) => m.status === 'done').length / measures.length;
  return Math.max(0, expected - actual);
}

/**
 * 对问题集中、整改进度滞后的股室，重点跟踪督促: ranks lead units by how much they lag,
 * combining overdue findings, progress behind schedule, stale ledgers and the
 * concentration of findings. Returns every factor so the ranking can be explained.
 *
 * @example
 * ```ts
 * laggingUnits(findings, '2023-10-31', inspection.workflow.cadence, { calendar: calendarCn }).slice(0, 3);
 * ```
 */
export function laggingUnits(
  findings: readonly FindingState[],
  asOf: CalendarDay,
  cadence: Pick<Cadence, 'ledgerUpdateDays' | 'longTermReportDays'>,
  options: LaggingOptions = {},
): LaggingUnit[] {
  const weights = options.weights ?? DEFAULT_LAGGING_WEIGHTS;
  // Overdue as isFindingOverdue has it, as one comparison per finding.
  const cutoff = overdueCutoff(asOf, options.calendar ?? EVERY_DAY);
  const assigned = findings.filter((f) => f.assignment !== undefined);
  const stale = new Set(staleLedgers(assigned, asOf, cadence).map((s) => s.findingId));
  const byUnit = new Map<string, UnitTally>();
  for (const f of assigned) {
    const unitId = f.assignment!.leadUnitId;
    let t = byUnit.get(unitId);
    if (t === undefined) byUnit.set(unitId, (t = { unitId, findings: 0, open: 0, overdue: 0, stale: 0, lagSum: 0 }));
    t.findings++;
    if (!DONE_STATUSES.includes(f.status) && f.status !== 'sustaining') t.open++;
    if (isOpenStatus(f.status) && f.assignment!.deadline < cutoff) t.overdue++;
    if (stale.has(f.finding.id)) t.stale++;
    t.lagSum += progressLag(f, asOf);
  }
  return rankLagging([...byUnit.values()], assigned.length, weights);
}

/** The order of the lagging ranking: the highest score first, then the most findings, then by unit id. */
export function byLagging(a: Pick<LaggingUnit, 'score' | 'findings' | 'unitId'>, b: Pick<LaggingUnit, 'score' | 'findings' | 'unitId'>): number {
  return b.score - a.score || b.findings - a.findings || a.unitId.localeCompare(b.unitId);
}

/**
 * What a unit's lagging score is made of, counted over its assigned findings: the
 * findings, those not yet completed, the overdue, the stale, and the sum of their
 * {@link progressLag}. What a store's roll-up query counts per unit (`rollupCounts`).
 */
export interface UnitTally {
  unitId: string;
  findings: number;
  open: number;
  overdue: number;
  stale: number;
  lagSum: number;
}

/**
 * Scores and ranks units from their tallies (`assigned`: the assigned findings of all of
 * them, for the concentration): the one scoring of {@link laggingUnits} and the roll-up.
 */
export function rankLagging(tallies: readonly UnitTally[], assigned: number, weights: LaggingWeights = DEFAULT_LAGGING_WEIGHTS): LaggingUnit[] {
  const rows = tallies.map((t) => {
    const concentration = t.findings / assigned;
    const lag = t.lagSum / t.findings;
    const score =
      weights.overdue * (t.overdue / t.findings) +
      weights.lag * lag +
      weights.stale * (t.stale / t.findings) +
      weights.concentration * concentration;
    return { rank: 0, unitId: t.unitId, findings: t.findings, open: t.open, overdue: t.overdue, stale: t.stale, concentration, lag, score };
  });
  rows.sort(byLagging);
  return rows.map((row, i) => ({ ...row, rank: i + 1 }));
}

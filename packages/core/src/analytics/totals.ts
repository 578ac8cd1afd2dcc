import { DONE_STATUSES, FINDING_STATUSES, OPEN_STATUSES, type FindingStatus } from '../lifecycle/status.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';

/** A count per status, every status present (0 when none). */
export type StatusCounts = Record<FindingStatus, number>;

/** Totals for one group of findings. */
export interface GroupTotals {
  total: number;
  byStatus: StatusCounts;
}

/** Totals for one category, in the inspection's order. */
export interface CategoryTotals extends GroupTotals {
  /** `null` for findings without a category. */
  categoryId: string | null;
  ordinal: number | null;
  title: string | null;
}

/** Totals for one lead unit. */
export interface UnitTotals extends GroupTotals {
  /** `null` for unassigned findings. */
  unitId: string | null;
}

/** Rates of completion. Each is a fraction from 0 to 1 (0 when there are no findings). */
export interface CompletionRates {
  /** Completed, submitted or signed off, over all findings (已完成). */
  completed: number;
  /** The same plus `sustaining` (阶段性完成): findings whose concentrated phase is done. */
  phaseCompleted: number;
  /** Signed off (已销号), over all findings. */
  signedOff: number;
}

/** What {@link totals} returns. */
export interface Totals extends GroupTotals {
  /** Findings still open (not started, in progress, reopened). */
  open: number;
  rates: CompletionRates;
  byCategory: CategoryTotals[];
  byUnit: UnitTotals[];
}

/** A count of 0 for every status. */
export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

function countStatuses(findings: readonly FindingState[]): GroupTotals {
  const byStatus = emptyStatusCounts();
  for (const f of findings) byStatus[f.status] += 1;
  return { total: findings.length, byStatus };
}

/** Completion rates of a status count (see {@link CompletionRates}). */
export function completionRates(counts: GroupTotals): CompletionRates {
  const sum = (statuses: readonly FindingStatus[]) => statuses.reduce((n, s) => n + counts.byStatus[s], 0);
  const ratio = (n: number) => (counts.total === 0 ? 0 : n / counts.total);
  const done = sum(DONE_STATUSES);
  return {
    completed: ratio(done),
    phaseCompleted: ratio(done + counts.byStatus.sustaining),
    signedOff: ratio(counts.byStatus.signed_off),
  };
}

/**
 * Totals by status, by category (in the inspection's order) and by lead unit, with
 * completion rates: the headline figures of a dashboard or a notice.
 *
 * @example
 * ```ts
 * const t = totals(findings, inspection);
 * t.byStatus.signed_off; // 5
 * t.byCategory.map((c) => c.total); // [8, 6, 8]
 * ```
 */
export function totals(findings: readonly FindingState[], inspection?: Pick<Inspection, 'categories'>): Totals {
  const all = countStatuses(findings);
  const categories = [...(inspection?.categories ?? [])].sort((a, b) => a.ordinal - b.ordinal);
  const byCategory: CategoryTotals[] = categories.map((c) => ({
    categoryId: c.id,
    ordinal: c.ordinal,
    title: c.title,
    ...countStatuses(findings.filter((f) => f.finding.categoryId === c.id)),
  }));
  const known = new Set(categories.map((c) => c.id));
  const uncategorised = findings.filter((f) => f.finding.categoryId === undefined || !known.has(f.finding.categoryId));
  if (uncategorised.length > 0) byCategory.push({ categoryId: null, ordinal: null, title: null, ...countStatuses(uncategorised) });

  const units = new Map<string | null, FindingState[]>();
  for (const f of findings) {
    const key = f.assignment?.leadUnitId ?? null;
    units.set(key, [...(units.get(key) ?? []), f]);
  }
  const byUnit = [...units.entries()]
    .map(([unitId, list]) => ({ unitId, ...countStatuses(list) }))
    .sort((a, b) => (a.unitId ?? '\uffff').localeCompare(b.unitId ?? '\uffff'));

  return {
    ...all,
    open: OPEN_STATUSES.reduce((n, s) => n + all.byStatus[s], 0),
    rates: completionRates(all),
    byCategory,
    byUnit,
  };
}

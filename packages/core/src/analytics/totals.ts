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
 * One group of findings counted by status: what a store's `GROUP BY category, unit,
 * status` returns, and what {@link totalsFromCounts} assembles into {@link Totals}.
 */
export interface StatusCount {
  categoryId: string | null;
  unitId: string | null;
  status: FindingStatus;
  count: number;
}

/** Counts findings by category, lead unit and status (the pure twin of a SQL `GROUP BY`). */
export function countByGroup(findings: readonly FindingState[]): StatusCount[] {
  const counts = new Map<string, StatusCount>();
  for (const f of findings) {
    const categoryId = f.finding.categoryId ?? null;
    const unitId = f.assignment?.leadUnitId ?? null;
    const key = JSON.stringify([categoryId, unitId, f.status]);
    const row = counts.get(key);
    if (row) row.count += 1;
    else counts.set(key, { categoryId, unitId, status: f.status, count: 1 });
  }
  return [...counts.values()];
}

function sumCounts(rows: readonly StatusCount[]): GroupTotals {
  const byStatus = emptyStatusCounts();
  let total = 0;
  for (const r of rows) {
    byStatus[r.status] += r.count;
    total += r.count;
  }
  return { total, byStatus };
}

/**
 * Assembles {@link Totals} from group counts, in the categories' order. Stores compute
 * the counts in the database and call this, so their totals equal {@link totals}.
 */
export function totalsFromCounts(rows: readonly StatusCount[], inspection?: Pick<Inspection, 'categories'>): Totals {
  const all = sumCounts(rows);
  const categories = [...(inspection?.categories ?? [])].sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id));
  const byCategory: CategoryTotals[] = categories.map((c) => ({
    categoryId: c.id,
    ordinal: c.ordinal,
    title: c.title,
    ...sumCounts(rows.filter((r) => r.categoryId === c.id)),
  }));
  const known = new Set(categories.map((c) => c.id));
  const uncategorised = rows.filter((r) => r.categoryId === null || !known.has(r.categoryId));
  if (uncategorised.length > 0) byCategory.push({ categoryId: null, ordinal: null, title: null, ...sumCounts(uncategorised) });

  const unitIds = [...new Set(rows.map((r) => r.unitId))].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));
  const byUnit = unitIds.map((unitId) => ({ unitId, ...sumCounts(rows.filter((r) => r.unitId === unitId)) }));

  return {
    ...all,
    open: OPEN_STATUSES.reduce((n, s) => n + all.byStatus[s], 0),
    rates: completionRates(all),
    byCategory,
    byUnit,
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
  return totalsFromCounts(countByGroup(findings), inspection);
}

import type { FindingQuery, FindingState, FindingStatus, Inspection } from '@rectify/core';

/**
 * The kit's own answers to a query and to the totals, written out plainly over findings'
 * states, apart from the core's `runQuery` and `totals`. The memory driver answers with
 * those very functions, so comparing a store with them would compare the reference
 * driver with itself; this is the independent side of that comparison.
 */

/** Statuses counted as open: not yet done, so a passed deadline makes them overdue. */
const OPEN: readonly FindingStatus[] = ['not_started', 'in_progress', 'reopened'];

/** The ids a query must return, in order, over all its pages. */
export function expectedIds(states: readonly FindingState[], inspection: Inspection, q: FindingQuery): string[] {
  const ordinalOf = (categoryId: string | undefined) => inspection.categories.find((c) => c.id === categoryId)?.ordinal ?? 0;
  const matched = states.filter((s) => {
    const deadline = s.assignment?.deadline;
    const open = OPEN.includes(s.status);
    if (q.inspectionId !== undefined && s.finding.inspectionId !== q.inspectionId) return false;
    if (q.categoryId !== undefined && s.finding.categoryId !== q.categoryId) return false;
    if (q.unitId !== undefined && s.assignment?.leadUnitId !== q.unitId) return false;
    if (q.personId !== undefined && s.assignment?.responsiblePersonId !== q.personId) return false;
    if (q.status !== undefined && !q.status.includes(s.status)) return false;
    if (q.overdueAsOf !== undefined && !(open && deadline !== undefined && deadline < q.overdueAsOf)) return false;
    if (q.dueWithin !== undefined) {
      // Whole days counted in UTC, where a day is always 24 hours long.
      const until = new Date(Date.parse(`${q.dueWithin.asOf}T00:00:00Z`) + q.dueWithin.days * 86_400_000).toISOString().slice(0, 10);
      if (!(open && deadline !== undefined && deadline >= q.dueWithin.asOf && deadline <= until)) return false;
    }
    if (q.text !== undefined && !s.finding.title.toLowerCase().includes(q.text.toLowerCase())) return false;
    return true;
  });
  // Each sort key, then the finding id, so that no two findings tie; no deadline sorts last.
  const key = (s: FindingState): (string | number)[] => {
    switch (q.sort) {
      case 'ordinal':
        return [ordinalOf(s.finding.categoryId), s.finding.ordinal, s.finding.id];
      case 'deadline':
        return [s.assignment?.deadline ?? '9999-12-31', s.finding.id];
      case 'updatedAt':
        return [new Date(s.updatedAt).getTime(), s.finding.id];
      case 'title':
        return [s.finding.title, s.finding.id];
    }
  };
  const compare = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  };
  const sign = q.order === 'desc' ? -1 : 1;
  return matched.map((s) => ({ id: s.finding.id, key: key(s) })).sort((a, b) => sign * compare(a.key, b.key)).map((x) => x.id);
}

/** Findings counted by status, by category and by lead unit, as `Store.totals` must count them. */
export interface ExpectedCounts {
  total: number;
  byStatus: Partial<Record<FindingStatus, number>>;
  byCategory: Record<string, number>;
  byUnit: Record<string, number>;
}

/** Counts findings' states plainly (categories and units absent counted under `-`). */
export function expectedCounts(states: readonly FindingState[]): ExpectedCounts {
  const out: ExpectedCounts = { total: 0, byStatus: {}, byCategory: {}, byUnit: {} };
  for (const s of states) {
    out.total += 1;
    out.byStatus[s.status] = (out.byStatus[s.status] ?? 0) + 1;
    const category = s.finding.categoryId ?? '-';
    out.byCategory[category] = (out.byCategory[category] ?? 0) + 1;
    const unit = s.assignment?.leadUnitId ?? '-';
    out.byUnit[unit] = (out.byUnit[unit] ?? 0) + 1;
  }
  return out;
}

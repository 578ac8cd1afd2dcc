/**
 * The example's summary: computed by the library from the replayed ledger.
 */
import { analyze, STATUS_LABELS, type FindingState, type Inspection, type Totals } from '@rectify/core';

/** What `out/summary.json` holds. */
export interface Summary {
  asOf: string;
  findings: number;
  byStatus: Record<string, number>;
  /** What the notice calls each status (整改进度), counted. */
  byNoticeWording: Record<string, number>;
  byCategory: { ordinal: number | null; title: string | null; total: number; byStatus: Record<string, number> }[];
  rates: { completed: number; phaseCompleted: number; signedOff: number };
  measures: number;
  events: number;
  overdue: number;
  staleLedgers: number;
  missedMonthlyReports: number;
  laggingUnits: { rank: number; unitId: string; score: number }[];
  discrepancies: number;
}

/**
 * Summarises the findings as of a day. The headline totals come from the store (its
 * SQL `GROUP BY`); the rest from the core's analytics over the findings.
 */
export function summarise(findings: readonly FindingState[], inspection: Inspection, asOf: string, events: number, totals: Totals): Summary {
  const a = analyze(findings, inspection, asOf);
  const byNoticeWording: Record<string, number> = {};
  for (const f of findings) {
    const wording = STATUS_LABELS[f.status].notice;
    byNoticeWording[wording] = (byNoticeWording[wording] ?? 0) + 1;
  }
  return {
    asOf,
    findings: totals.total,
    byStatus: totals.byStatus,
    byNoticeWording,
    byCategory: totals.byCategory.map((c) => ({ ordinal: c.ordinal, title: c.title, total: c.total, byStatus: c.byStatus })),
    rates: totals.rates,
    measures: findings.reduce((n, f) => n + f.measures.length, 0),
    events,
    overdue: a.overdue.length,
    staleLedgers: a.staleLedgers.length,
    missedMonthlyReports: a.missedMonthlyReports.length,
    laggingUnits: a.laggingUnits.map((u) => ({ rank: u.rank, unitId: u.unitId, score: Number(u.score.toFixed(4)) })),
    discrepancies: a.discrepancies.length,
  };
}

/**
 * Case 7: a supervising office's roll-up of 1,000 organisations × 100 findings, and
 * case 2's roll-up of one organisation of 100,000 (its lagging ranking), each against
 * hand-written SQL GROUP BY queries over the same tables in the same run. The hand-written side is what an application would write for
 * the same figures with every day a working day and one cadence for every round: one
 * statement, no join, no records read, no assembly.
 */
import { addCalendarDays, DONE_STATUSES, OPEN_STATUSES } from '@rectify/core';

const list = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');
const OPEN = list(OPEN_STATUSES);
const DONE = list(DONE_STATUSES);


/** How a database counts days between two `YYYY-MM-DD` texts, and names a float type. */
export interface DaysSql {
  days(from: string, to: string): string;
  real: string;
}

/** A `CASE` of progressLag, written out by hand. */
function lagSql(d: DaysSql, asOf: string): string {
  const span = d.days('assigned_on', 'deadline');
  const elapsed = d.days('assigned_on', `'${asOf}'`);
  const expected = `CASE WHEN ${span} <= 0 THEN 1.0 WHEN ${elapsed} <= 0 THEN 0.0 WHEN ${elapsed} >= ${span} THEN 1.0 ELSE ${elapsed} / ${span} END`;
  const actual = `CASE WHEN measures_active = 0 THEN 0.0 ELSE measures_done / CAST(measures_active AS ${d.real}) END`;
  return `SUM(CASE WHEN status IN (${OPEN}) AND deadline IS NOT NULL AND assigned_on IS NOT NULL AND ${expected} > ${actual} THEN ${expected} - ${actual} ELSE 0.0 END)`;
}

/**
 * Every roll-up figure as of a day (due soon: 7 days; ledgers: 7 and 30 days), in two
 * statements: by organisation, round, unit and status; and, for the trend, by round,
 * status and the months of creation and completion.
 */
export function handRollupSql(findings: string, d: DaysSql, asOf: string, tenant?: string): string[] {
  const stale = (days: number) => `'${addCalendarDays(asOf, -days)}'`;
  const where = tenant === undefined ? '' : ` WHERE tenant_id = '${tenant}'`;
  return [
    `SELECT tenant_id, inspection_id, lead_unit_id, status, COUNT(*) AS findings,
    SUM(CASE WHEN status IN (${OPEN}) AND deadline < '${asOf}' THEN 1 ELSE 0 END) AS overdue,
    SUM(CASE WHEN status IN (${OPEN}) AND deadline >= '${asOf}' AND deadline <= '${addCalendarDays(asOf, 7)}' THEN 1 ELSE 0 END) AS due_soon,
    SUM(CASE WHEN status NOT IN (${OPEN}) AND deadline IS NOT NULL AND completed_on <= original_deadline THEN 1 ELSE 0 END) AS on_time,
    SUM(CASE WHEN status NOT IN (${OPEN}) AND deadline IS NOT NULL AND completed_on > original_deadline AND extended = 1 AND completed_on <= deadline THEN 1 ELSE 0 END) AS within_extension,
    SUM(CASE WHEN status NOT IN (${OPEN}) AND deadline IS NOT NULL AND completed_on > original_deadline AND NOT (extended = 1 AND completed_on <= deadline) THEN 1 ELSE 0 END) AS late,
    SUM(CASE WHEN deadline IS NULL OR assigned_on IS NULL THEN 0
      WHEN sustained = 1 THEN CASE WHEN COALESCE(last_progress_on, assigned_on) < ${stale(30)} THEN 1 ELSE 0 END
      WHEN status IN (${OPEN}) THEN CASE WHEN COALESCE(last_progress_on, assigned_on) < ${stale(7)} THEN 1 ELSE 0 END ELSE 0 END) AS stale,
    ${lagSql(d, asOf)} AS lag_sum,
    MAX(updated_at) AS last_updated_at
    FROM ${findings}${where} GROUP BY tenant_id, inspection_id, lead_unit_id, status`,
    `SELECT tenant_id, inspection_id, status, SUBSTR(created_on, 1, 7) AS created_in, SUBSTR(completed_on, 1, 7) AS completed_in, COUNT(*) AS n
    FROM ${findings}${where} GROUP BY tenant_id, inspection_id, status, SUBSTR(created_on, 1, 7), SUBSTR(completed_on, 1, 7)`,
  ];
}

export const SQLITE_DAYS: DaysSql = { days: (a, b) => `(julianday(${b}) - julianday(${a}))`, real: 'REAL' };
export const POSTGRES_DAYS: DaysSql = { days: (a, b) => `CAST(CAST(${b} AS DATE) - CAST(${a} AS DATE) AS DOUBLE PRECISION)`, real: 'DOUBLE PRECISION' };

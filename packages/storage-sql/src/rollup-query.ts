import {
  addCalendarDays,
  deadlineInForce,
  DONE_STATUSES,
  dueSoonRange,
  EVERY_DAY,
  OPEN_STATUSES,
  overdueCutoff,
  type CalendarDay,
  type FindingStatus,
  type RollupCount,
  type RollupQuery,
} from '@rectify/core';
import type { SqlDialect } from './dialect.js';

type Query = <R>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

/** Most parameters one roll-up statement binds (under SQLite's 32,766 and PostgreSQL's 65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * A roll-up's counts as GROUP BY statements over the findings table: the SQL twin of
 * the core's `rollupCounts`, each count written as that function decides it, from the
 * columns `findingRow` derives (so no state is read or parsed).
 *
 * The rounds and their cadence's days come in as a `VALUES` list joined on (tenant,
 * inspection), as many rounds a statement as the parameters allow. With a working-day
 * calendar, "on time" compares with the deadline in force, which is the deadline itself
 * unless it falls on a rest day: the rest days among the deadlines of completed findings
 * come in as a second `VALUES` list, each with its deadline in force.
 */
export async function rollupCounts(q: Query, findings: string, dialect: SqlDialect, query: RollupQuery): Promise<RollupCount[]> {
  if (query.rounds.length === 0) return [];
  const { asOf, calendar } = query;
  const text = (sql: string) => `CAST(${sql} AS TEXT)`;
  const list = (statuses: readonly FindingStatus[]) => statuses.map((s) => `'${s}'`).join(', ');
  const open = list(OPEN_STATUSES);
  const done = list(DONE_STATUSES);
  const params: unknown[] = [];
  const p = (value: unknown) => (params.push(value), '?');

  const rest = calendar === EVERY_DAY ? [] : await restDaysOfCompletions(q, findings, calendar);
  const inForce = (column: string) => (rest.length === 0 ? column : `COALESCE(rest_${column}.in_force, f.${column})`);
  const deadlineColumn = (column: string) => (rest.length === 0 ? `f.${column}` : inForce(column));
  const restJoins = rest.length === 0 ? '' : ' LEFT JOIN rest rest_original_deadline ON rest_original_deadline.day = f.original_deadline LEFT JOIN rest rest_deadline ON rest_deadline.day = f.deadline';

  const cutoff = overdueCutoff(asOf, calendar);
  const days = (from: string, to: string) => dialect.daysBetween(from, to);
  const active = `CAST(f.measures_active AS ${dialect.name === 'postgres' ? 'DOUBLE PRECISION' : 'REAL'})`;
  // progressLag: the share of the time from assignment to deadline elapsed, less the share of active measures done.
  const span = days('f.assigned_on', 'f.deadline');
  const elapsed = days('f.assigned_on', 'CAST(? AS TEXT)');
  const expected = `CASE WHEN ${span} <= 0 THEN 1.0 WHEN ${elapsed} <= 0 THEN 0.0 WHEN ${elapsed} >= ${span} THEN 1.0 ELSE ${elapsed} / ${span} END`;
  const actual = `CASE WHEN f.measures_active = 0 THEN 0.0 ELSE f.measures_done / ${active} END`;
  const lagged = `f.status IN (${open}) AND f.deadline IS NOT NULL AND f.assigned_on IS NOT NULL`;

  // Parameters in the order they appear in the statement, each `?` bound once.
  const head: string[] = [];
  if (rest.length > 0) head.push(`rest(day, in_force) AS (VALUES ${rest.map((r) => `(${text(p(r.day))}, ${text(p(r.inForce))})`).join(', ')})`);
  const restParams = params.length;
  const select = [
    'f.tenant_id, f.inspection_id, f.lead_unit_id, f.status, COUNT(*) AS findings',
    `SUM(CASE WHEN f.status IN (${open}) AND f.deadline < ${text('?')} THEN 1 ELSE 0 END) AS overdue`,
    `SUM(CASE WHEN f.status IN (${open}) AND f.deadline >= r.due_from AND f.deadline <= r.due_last THEN 1 ELSE 0 END) AS due_soon`,
    // completionOutcome: of completed findings with a deadline and a completion day.
    `SUM(CASE WHEN f.status NOT IN (${open}) AND f.deadline IS NOT NULL AND f.completed_on IS NOT NULL AND f.completed_on <= ${deadlineColumn('original_deadline')} THEN 1 ELSE 0 END) AS on_time`,
    `SUM(CASE WHEN f.status NOT IN (${open}) AND f.deadline IS NOT NULL AND f.completed_on IS NOT NULL AND f.completed_on > ${deadlineColumn('original_deadline')} AND f.extended = 1 AND f.completed_on <= ${deadlineColumn('deadline')} THEN 1 ELSE 0 END) AS within_extension`,
    `SUM(CASE WHEN f.status NOT IN (${open}) AND f.deadline IS NOT NULL AND f.completed_on IS NOT NULL AND f.completed_on > ${deadlineColumn('original_deadline')} AND NOT (f.extended = 1 AND f.completed_on <= ${deadlineColumn('deadline')}) THEN 1 ELSE 0 END) AS late`,
    // nextLedgerUpdate: sustained findings every longTermReportDays, open ones every ledgerUpdateDays.
    `SUM(CASE WHEN f.deadline IS NULL OR f.assigned_on IS NULL THEN 0
      WHEN f.sustained = 1 THEN CASE WHEN COALESCE(f.last_progress_on, f.assigned_on) < r.long_before THEN 1 ELSE 0 END
      WHEN f.status IN (${open}) THEN CASE WHEN COALESCE(f.last_progress_on, f.assigned_on) < r.open_before THEN 1 ELSE 0 END
      ELSE 0 END) AS stale`,
    `SUM(CASE WHEN ${lagged} THEN CASE WHEN ${expected} - ${actual} > 0 THEN ${expected} - ${actual} ELSE 0.0 END ELSE 0.0 END) AS lag_sum`,
    'MAX(f.updated_at) AS last_updated_at',
  ];
  const selectParams: unknown[] = [cutoff];
  // The lag expression names the day six times (twice per `elapsed`, thrice over).
  const lagParams = Array((expected.match(/\?/g) ?? []).length * 2).fill(asOf);
  query.months.forEach((m, i) => {
    select.push(`SUM(CASE WHEN f.created_on <= ${text('?')} THEN 1 ELSE 0 END) AS existed_${i}`);
    select.push(`SUM(CASE WHEN f.created_on <= ${text('?')} AND f.completed_on IS NOT NULL AND f.status IN (${done}, 'sustaining') AND SUBSTR(f.completed_on, 1, 7) = ${text('?')} THEN 1 ELSE 0 END) AS completed_${i}`);
    select.push(`SUM(CASE WHEN f.created_on <= ${text('?')} AND f.completed_on IS NOT NULL AND f.status IN (${done}) AND f.completed_on <= ${text('?')} THEN 1 ELSE 0 END) AS done_${i}`);
  });
  const monthParams = query.months.flatMap((m) => [m.end, m.end, m.month, m.end, m.end]);

  const rounds = query.rounds.map((r) => {
    const range = dueSoonRange(asOf, r.dueSoonDays, calendar);
    return [r.tenantId, r.inspectionId, range?.from ?? null, range?.last ?? null, addCalendarDays(asOf, -r.ledgerUpdateDays), addCalendarDays(asOf, -r.longTermReportDays)];
  });
  const fixed = restParams + selectParams.length + lagParams.length + monthParams.length;
  const perStatement = Math.max(1, Math.floor((MAX_PARAMETERS - fixed) / 6));
  const out: RollupCount[] = [];
  for (let at = 0; at < rounds.length; at += perStatement) {
    const chunk = rounds.slice(at, at + perStatement);
    const values = chunk.map(() => `(${Array(6).fill(text('?')).join(', ')})`).join(', ');
    const sql =
      `WITH ${[...head, `r(tenant_id, inspection_id, due_from, due_last, open_before, long_before) AS (VALUES ${values})`].join(', ')}
      SELECT ${select.join(',\n')}
      FROM ${findings} f JOIN r ON r.tenant_id = f.tenant_id AND r.inspection_id = f.inspection_id${restJoins}
      GROUP BY f.tenant_id, f.inspection_id, f.lead_unit_id, f.status`;
    const rows = await q<Record<string, unknown>>(sql, [...params.slice(0, restParams), ...chunk.flat(), ...selectParams, ...lagParams, ...monthParams]);
    for (const row of rows) out.push(countOf(row, query.months.length));
  }
  return out;
}

/** A row of the statement as the core's `RollupCount` (PostgreSQL returns sums as text). */
function countOf(row: Record<string, unknown>, months: number): RollupCount {
  const n = (key: string) => Number(row[key] ?? 0);
  const each = (prefix: string) => Array.from({ length: months }, (_, i) => n(`${prefix}_${i}`));
  return {
    tenantId: String(row['tenant_id']),
    inspectionId: String(row['inspection_id']),
    unitId: row['lead_unit_id'] === null ? null : String(row['lead_unit_id']),
    status: row['status'] as FindingStatus,
    findings: n('findings'),
    overdue: n('overdue'),
    dueSoon: n('due_soon'),
    onTime: n('on_time'),
    withinExtension: n('within_extension'),
    late: n('late'),
    stale: n('stale'),
    lagSum: n('lag_sum'),
    existedBy: each('existed'),
    completedIn: each('completed'),
    doneBy: each('done'),
    lastUpdatedAt: String(row['last_updated_at']),
  };
}

/**
 * The rest days among the deadlines that completed findings were judged by, each with
 * its deadline in force: every day from the earliest to the latest such deadline is
 * asked of the calendar once.
 */
async function restDaysOfCompletions(q: Query, findings: string, calendar: RollupQuery['calendar']): Promise<{ day: CalendarDay; inForce: CalendarDay }[]> {
  const [bounds] = await q<{ first: string | null; last: string | null }>(
    `SELECT MIN(CASE WHEN original_deadline < deadline THEN original_deadline ELSE deadline END) AS first,
      MAX(CASE WHEN original_deadline > deadline THEN original_deadline ELSE deadline END) AS last
      FROM ${findings} WHERE completed_on IS NOT NULL AND deadline IS NOT NULL`,
  );
  if (!bounds?.first || !bounds.last) return [];
  const out: { day: CalendarDay; inForce: CalendarDay }[] = [];
  for (let day = bounds.first; day <= bounds.last; day = addCalendarDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) out.push({ day, inForce: deadlineInForce(day, calendar) });
  }
  return out;
}

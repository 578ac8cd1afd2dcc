import {
  addCalendarDays,
  deadlineInForce,
  dueSoonRange,
  EVERY_DAY,
  OPEN_STATUSES,
  overdueCutoff,
  type CalendarDay,
  type FindingStatus,
  type RollupCount,
  type RollupCounts,
  type RollupQuery,
  type RollupRoundQuery,
} from '@rectify/core';
import type { SqlDialect } from './dialect.js';

type Query = <R>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

/** A rest day a deadline fell on, and the deadline in force it gives. */
interface RestDay {
  day: CalendarDay;
  inForce: CalendarDay;
}

/** Most parameters one roll-up statement binds (under SQLite's 32,766 and PostgreSQL's 65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * A roll-up's counts as GROUP BY statements over the findings table: the SQL twin of
 * the core's `rollupCounts`, each count written as that function decides it, from the
 * columns `findingRow` derives (so no state is read or parsed). Both statements read the
 * findings' roll-up index alone (`findings_for_rollup`).
 *
 * The days a count compares with (the overdue cutoff, the due-soon range, the ledger's
 * limits) come from the round's cadence: the rounds of one cadence (usually all of them)
 * are counted by one statement, the rounds named in a `(tenant, inspection) IN (VALUES …)`
 * list, as many a statement as the parameters allow. With a working-day calendar, "on
 * time" compares with the deadline in force, which is the deadline itself unless it falls
 * on a rest day: the rest days among the deadlines of completed findings come in as a
 * `VALUES` list, each with its deadline in force.
 */
export async function rollupCounts(q: Query, tables: { findings: string; rollupIndex: string }, dialect: SqlDialect, query: RollupQuery): Promise<RollupCounts> {
  const { findings } = tables;
  const hint = dialect.useIndex(tables.rollupIndex);
  const out: RollupCounts = { groups: [], months: [] };
  if (query.rounds.length === 0) return out;
  const rest = query.calendar === EVERY_DAY ? [] : await restDaysOfCompletions(q, findings, query.calendar);
  const perStatement = Math.floor((MAX_PARAMETERS - 2 * rest.length - 20) / 2);
  const byCadence = new Map<string, RollupRoundQuery[]>();
  for (const r of query.rounds) {
    const key = `${r.dueSoonDays}/${r.ledgerUpdateDays}/${r.longTermReportDays}`;
    const list = byCadence.get(key);
    if (list === undefined) byCadence.set(key, [r]);
    else list.push(r);
  }
  // Every round of the store, of one cadence: no list of rounds, every row counted.
  const whole = query.everyRound === true && byCadence.size === 1;
  const batches = (rounds: RollupRoundQuery[]) => (whole ? [{ first: rounds[0]!, named: [] }] : chunks(rounds, perStatement).map((named) => ({ first: named[0]!, named })));
  for (const rounds of byCadence.values()) {
    for (const { first, named } of batches(rounds)) {
      const { sql, params } = groupsStatement(`${findings} f${hint}`, dialect, query, first, named, rest);
      const rows = await q<Record<string, unknown>>(sql, params);
      for (const row of rows) out.groups.push(countOf(row));
    }
  }
  // The trend's counts, by the months of creation and completion: a second, narrower GROUP BY
  // costs less than a sum per month and row.
  for (const { named } of batches(query.rounds)) {
    const rows = await q<{ tenant_id: string; inspection_id: string; status: string; created_in: string; completed_in: string | null; n: number | string }>(
      `SELECT tenant_id, inspection_id, status, SUBSTR(created_on, 1, 7) AS created_in, SUBSTR(completed_on, 1, 7) AS completed_in, COUNT(*) AS n
      FROM ${findings}${hint} WHERE ${inRounds('', named.length)}
      GROUP BY tenant_id, inspection_id, status, SUBSTR(created_on, 1, 7), SUBSTR(completed_on, 1, 7)`,
      named.flatMap((r) => [r.tenantId, r.inspectionId]),
    );
    for (const m of rows) out.months.push({ tenantId: m.tenant_id, inspectionId: m.inspection_id, status: m.status as FindingStatus, createdIn: m.created_in, completedIn: m.completed_in, findings: Number(m.n) });
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/** `(tenant_id, inspection_id) IN (VALUES (?, ?), …)` for `n` rounds; none for every round of the store (`n` 0). */
function inRounds(alias: string, n: number): string {
  if (n === 0) return '1 = 1';
  return `(${alias}tenant_id, ${alias}inspection_id) IN (VALUES ${Array(n).fill('(CAST(? AS TEXT), CAST(? AS TEXT))').join(', ')})`;
}

/**
 * The counts by organisation, round, unit and status of `rounds` of the cadence of
 * `round` (none named: every row), `from` being the findings table as `f`, with its
 * parameters. The days are bound where they are used (not joined in from a row), so that
 * the database computes what depends on them alone once, not once a finding.
 */
function groupsStatement(from: string, dialect: SqlDialect, query: RollupQuery, round: RollupRoundQuery, rounds: readonly RollupRoundQuery[], rest: readonly RestDay[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  // Binds a value where the statement uses it: call in the order of the text.
  const bind = (value: unknown) => (params.push(value), 'CAST(? AS TEXT)');
  const { asOf, calendar } = query;
  const range = dueSoonRange(asOf, round.dueSoonDays, calendar);
  const open = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  // The deadline in force: the deadline, or the working day after it when it is a rest day.
  const inForce = (column: string) => (rest.length > 0 ? `COALESCE(rest_${column}.in_force, f.${column})` : `f.${column}`);
  const days = (from: string, to: string) => dialect.daysBetween(from, to);
  const real = dialect.name === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
  // progressLag: the share of the time from assignment to deadline elapsed, less the share of active measures done.
  const span = days('f.assigned_on', 'f.deadline');
  const expected = () => {
    const elapsed = () => days('f.assigned_on', bind(asOf));
    return `CASE WHEN ${span} <= 0 THEN 1.0 WHEN ${elapsed()} <= 0 THEN 0.0 WHEN ${elapsed()} >= ${span} THEN 1.0 ELSE ${elapsed()} / ${span} END`;
  };
  const actual = `CASE WHEN f.measures_active = 0 THEN 0.0 ELSE f.measures_done / CAST(f.measures_active AS ${real}) END`;
  const completed = `f.status NOT IN (${open}) AND f.deadline IS NOT NULL AND f.completed_on IS NOT NULL`;
  const late = `f.completed_on > ${inForce('original_deadline')}`;
  const extended = `f.extended = 1 AND f.completed_on <= ${inForce('deadline')}`;
  const restRows = rest.map((r) => `(${bind(r.day)}, ${bind(r.inForce)})`).join(', ');
  const sql = `${rest.length > 0 ? `WITH rest(day, in_force) AS (VALUES ${restRows}) ` : ''}SELECT f.tenant_id, f.inspection_id, f.lead_unit_id, f.status, COUNT(*) AS findings,
    SUM(CASE WHEN f.status IN (${open}) AND f.deadline < ${bind(overdueCutoff(asOf, calendar))} THEN 1 ELSE 0 END) AS overdue,
    SUM(CASE WHEN f.status IN (${open}) AND f.deadline >= ${bind(range?.from ?? null)} AND f.deadline <= ${bind(range?.last ?? null)} THEN 1 ELSE 0 END) AS due_soon,
    SUM(CASE WHEN ${completed} AND NOT ${late} THEN 1 ELSE 0 END) AS on_time,
    SUM(CASE WHEN ${completed} AND ${late} AND ${extended} THEN 1 ELSE 0 END) AS within_extension,
    SUM(CASE WHEN ${completed} AND ${late} AND NOT (${extended}) THEN 1 ELSE 0 END) AS late,
    SUM(CASE WHEN f.deadline IS NULL OR f.assigned_on IS NULL THEN 0
      WHEN f.sustained = 1 THEN CASE WHEN COALESCE(f.last_progress_on, f.assigned_on) < ${bind(addCalendarDays(asOf, -round.longTermReportDays))} THEN 1 ELSE 0 END
      WHEN f.status IN (${open}) THEN CASE WHEN COALESCE(f.last_progress_on, f.assigned_on) < ${bind(addCalendarDays(asOf, -round.ledgerUpdateDays))} THEN 1 ELSE 0 END
      ELSE 0 END) AS stale,
    SUM(CASE WHEN f.status IN (${open}) AND f.deadline IS NOT NULL AND f.assigned_on IS NOT NULL AND ${expected()} > ${actual} THEN ${expected()} - ${actual} ELSE 0.0 END) AS lag_sum,
    MAX(f.updated_at) AS last_updated_at
    FROM ${from}${rest.length > 0 ? ' LEFT JOIN rest rest_original_deadline ON rest_original_deadline.day = f.original_deadline LEFT JOIN rest rest_deadline ON rest_deadline.day = f.deadline' : ''}
    WHERE ${inRounds('f.', rounds.length)}
    GROUP BY f.tenant_id, f.inspection_id, f.lead_unit_id, f.status`;
  params.push(...rounds.flatMap((r) => [r.tenantId, r.inspectionId]));
  return { sql, params };
}

/** A row of the statement as the core's `RollupCount` (PostgreSQL returns sums as text). */
function countOf(row: Record<string, unknown>): RollupCount {
  const n = (key: string) => Number(row[key] ?? 0);
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
    lastUpdatedAt: String(row['last_updated_at']),
  };
}

/**
 * The rest days among the deadlines that completed findings were judged by, each with
 * its deadline in force: every day from the earliest to the latest such deadline is
 * asked of the calendar once.
 */
async function restDaysOfCompletions(q: Query, findings: string, calendar: RollupQuery['calendar']): Promise<RestDay[]> {
  const [bounds] = await q<{ first: string | null; last: string | null }>(
    `SELECT MIN(CASE WHEN original_deadline < deadline THEN original_deadline ELSE deadline END) AS first,
      MAX(CASE WHEN original_deadline > deadline THEN original_deadline ELSE deadline END) AS last
      FROM ${findings} WHERE completed_on IS NOT NULL AND deadline IS NOT NULL`,
  );
  if (!bounds?.first || !bounds.last) return [];
  const out: RestDay[] = [];
  for (let day = bounds.first; day <= bounds.last; day = addCalendarDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) out.push({ day, inForce: deadlineInForce(day, calendar) });
  }
  return out;
}

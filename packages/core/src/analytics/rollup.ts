import type { Calendar } from '../calendar/calendar.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import { DONE_STATUSES, OPEN_STATUSES } from '../lifecycle/status.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation } from '../model/organisation.js';
import { findingRow } from '../storage/row.js';
import { rankLagging, type LaggingUnit, type UnitTally } from './lagging.js';
import { rollupCounts, rollupQuery, type RollupCount, type RollupQuery } from './rollup-counts.js';
import { completionRates, emptyStatusCounts, type CompletionRates, type StatusCounts } from './totals.js';

/** One organisation as {@link rollup} takes it: its inspections (every round) and its findings as of the day. */
export interface RollupInput {
  organisation: Organisation;
  inspections: readonly Inspection[];
  findings: readonly FindingState[];
}

/** Options of {@link rollup}. */
export interface RollupOptions {
  /** Which days are working days, for overdue and due soon (default every day). */
  calendar?: Calendar;
  /** Months of the trend, the day's month last (default 6). */
  months?: number;
  /** Lagging units kept per organisation and round (default 3). */
  laggingTop?: number;
}

/** One month of the trend: findings completed in it, and the completion rate at its end. */
export interface RollupMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Findings whose (last) completion fell in the month. */
  completed: number;
  /** Findings completed by the month's end (or the day, for its month) over the findings that existed by then. */
  rate: number;
}

/** The figures of a group of findings (an organisation, a round, or all of them). */
export interface RollupFigures {
  total: number;
  byStatus: StatusCounts;
  /** Not started, in progress, reopened. */
  open: number;
  /**
   * 整改率: `rates.completed` counts completed, awaiting sign-off and signed off findings
   * over all; `rates.phaseCompleted` adds the sustaining ones (阶段性完成); `rates.signedOff`
   * the signed off (已销号) alone. See `completionRates`.
   */
  rates: CompletionRates;
  /** Open and past the deadline in force (as everywhere: `isFindingOverdue`). */
  overdue: number;
  /** Open with the deadline in force within the inspection's due-soon days. */
  dueSoon: number;
  /** Completions on time, within an extension and late, and the on-time rate (`deadlineOutcomes`). */
  outcomes: { onTime: number; withinExtension: number; late: number; onTimeRate: number };
  /** The units that lag most (`laggingUnits`), the most lagging first. */
  laggingUnits: LaggingUnit[];
  /** Month by month, the day's month last. */
  trend: RollupMonth[];
}

/** One round (an inspection) of an organisation. */
export interface RollupRound extends RollupFigures {
  inspectionId: string;
  title: string;
}

/** One organisation, with each of its rounds. */
export interface RollupOrganisation extends RollupFigures {
  organisationId: string;
  name: string;
  rounds: RollupRound[];
}

/** What {@link rollup} returns. */
export interface Rollup {
  asOf: CalendarDay;
  /**
   * Ranked for a supervising office: the largest share of overdue findings first, then
   * the lowest completion rate, then by id.
   */
  organisations: RollupOrganisation[];
  /** Every organisation together. */
  all: RollupFigures;
}

/**
 * The supervising office's overview (巡察办、纪委): per organisation and per round, the
 * counts by status, 整改率, overdue, due soon, the on-time rate, the lagging units and a
 * monthly trend, as of a day, with one definition of each shared with the analysis of a
 * single inspection. Pure: give it each organisation's findings as of the day.
 *
 * The trend is read from the findings' states as of the day: a finding reopened and
 * completed again counts in the month of its last completion.
 *
 * @example
 * ```ts
 * const r = rollup(inputs, '2023-11-30', { calendar: calendarCn });
 * r.organisations.map((o) => `${o.name} ${(o.rates.completed * 100).toFixed(0)}% 逾期${o.overdue}`);
 * ```
 */
export function rollup(inputs: readonly RollupInput[], asOf: CalendarDay, options: RollupOptions = {}): Rollup {
  const query = rollupQuery(roundsOf(inputs), asOf, options);
  const byId = new Map(inputs.flatMap((input) => input.inspections.map((i) => [`${input.organisation.id}\u0000${i.id}`, i] as const)));
  const rows = inputs.flatMap((input) =>
    input.findings.flatMap((f) => {
      const inspection = byId.get(`${input.organisation.id}\u0000${f.finding.inspectionId}`);
      return inspection === undefined ? [] : [findingRow(input.organisation.id, f, inspection)];
    }),
  );
  return rollupFromCounts(inputs, rollupCounts(rows, query), query, options);
}

/** Every round of these organisations, as {@link rollupQuery} takes them. */
export function roundsOf(inputs: readonly Pick<RollupInput, 'organisation' | 'inspections'>[]): { tenantId: string; inspection: Inspection }[] {
  return inputs.flatMap((input) => input.inspections.map((inspection) => ({ tenantId: input.organisation.id, inspection })));
}

/**
 * Assembles a roll-up from counts (`rollupCounts`, or a store's GROUP BY): what
 * {@link rollup} does after counting, and what a store's roll-up does with its
 * database's counts.
 */
export function rollupFromCounts(
  inputs: readonly Pick<RollupInput, 'organisation' | 'inspections'>[],
  counts: readonly RollupCount[],
  query: RollupQuery,
  options: Pick<RollupOptions, 'laggingTop'> = {},
): Rollup {
  const byRound = new Map<string, RollupCount[]>();
  for (const c of counts) {
    const key = `${c.tenantId}\u0000${c.inspectionId}`;
    const list = byRound.get(key);
    if (list === undefined) byRound.set(key, [c]);
    else list.push(c);
  }
  const top = options.laggingTop ?? 3;
  const organisations = inputs.map((input): RollupOrganisation => {
    // Rounds in id order, each with its counts.
    const rounds = [...input.inspections].sort((a, b) => a.id.localeCompare(b.id)).map((inspection) => ({ inspection, counts: byRound.get(`${input.organisation.id}\u0000${inspection.id}`) ?? [] }));
    return {
      organisationId: input.organisation.id,
      name: input.organisation.name,
      ...figures(rounds.map((r) => r.counts), query, top),
      rounds: rounds.map((r): RollupRound => ({ inspectionId: r.inspection.id, title: r.inspection.title, ...figures([r.counts], query, top) })),
    };
  });
  const share = (o: RollupFigures) => (o.total === 0 ? 0 : o.overdue / o.total);
  organisations.sort((a, b) => share(b) - share(a) || a.rates.completed - b.rates.completed || a.organisationId.localeCompare(b.organisationId));
  const everyRound = inputs.flatMap((input) => input.inspections.map((i) => byRound.get(`${input.organisation.id}\u0000${i.id}`) ?? []));
  return { asOf: query.asOf, organisations, all: figures(everyRound, query, 0) };
}

/** The figures of rounds, each given by its counts. */
function figures(rounds: readonly (readonly RollupCount[])[], query: RollupQuery, laggingTop: number): RollupFigures {
  const counts = rounds.flat();
  const byStatus = emptyStatusCounts();
  const sum = (pick: (c: RollupCount) => number) => counts.reduce((n, c) => n + pick(c), 0);
  for (const c of counts) byStatus[c.status] += c.findings;
  const totals = { total: sum((c) => c.findings), byStatus };
  const onTime = sum((c) => c.onTime);
  const withinExtension = sum((c) => c.withinExtension);
  const late = sum((c) => c.late);
  const completed = onTime + withinExtension + late;
  // Lagging units by each round's own cadence, the most lagging across rounds first.
  const lagging = rounds
    .flatMap(laggingOfRound)
    .sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId))
    .slice(0, laggingTop)
    .map((u, i) => ({ ...u, rank: i + 1 }));
  return {
    ...totals,
    open: OPEN_STATUSES.reduce((n, status) => n + byStatus[status], 0),
    rates: completionRates(totals),
    overdue: sum((c) => c.overdue),
    dueSoon: sum((c) => c.dueSoon),
    outcomes: { onTime, withinExtension, late, onTimeRate: completed === 0 ? 0 : onTime / completed },
    laggingUnits: lagging,
    trend: query.months.map((m, i): RollupMonth => {
      const existed = sum((c) => c.existedBy[i] ?? 0);
      return { month: m.month, completed: sum((c) => c.completedIn[i] ?? 0), rate: existed === 0 ? 0 : sum((c) => c.doneBy[i] ?? 0) / existed };
    }),
  };
}

/** A round's lagging units from its counts: its assigned findings, tallied by lead unit. */
function laggingOfRound(counts: readonly RollupCount[]): LaggingUnit[] {
  const byUnit = new Map<string, UnitTally>();
  let assigned = 0;
  for (const c of counts) {
    if (c.unitId === null) continue;
    assigned += c.findings;
    let t = byUnit.get(c.unitId);
    if (t === undefined) byUnit.set(c.unitId, (t = { unitId: c.unitId, findings: 0, open: 0, overdue: 0, stale: 0, lagSum: 0 }));
    t.findings += c.findings;
    if (!DONE_STATUSES.includes(c.status) && c.status !== 'sustaining') t.open += c.findings;
    t.overdue += c.overdue;
    t.stale += c.stale;
    t.lagSum += c.lagSum;
  }
  return rankLagging([...byUnit.values()], assigned);
}

import type { Calendar } from '../calendar/calendar.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import { DONE_STATUSES, OPEN_STATUSES } from '../lifecycle/status.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation } from '../model/organisation.js';
import { findingRow, type FindingRow } from '../storage/row.js';
import { byLagging, rankLagging, type LaggingUnit, type UnitTally } from './lagging.js';
import { rollupCounts, rollupQuery, type RollupCounts, type RollupQuery } from './rollup-counts.js';
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
  return rollupFromCounts(inputs, rollupCounts(inputs.flatMap(rowsOf), query), query, options);
}

/** An organisation's findings as rows (what a store counts), those of a round it does not list left out. */
export function rowsOf(input: RollupInput): FindingRow[] {
  const rounds = new Map(input.inspections.map((i) => [i.id, i]));
  return input.findings.flatMap((f) => {
    const inspection = rounds.get(f.finding.inspectionId);
    return inspection === undefined ? [] : [findingRow(input.organisation.id, f, inspection)];
  });
}

/** Every round of these organisations, as {@link rollupQuery} takes them. */
export function roundsOf(inputs: readonly Pick<RollupInput, 'organisation' | 'inspections'>[]): { tenantId: string; inspection: Inspection }[] {
  return inputs.flatMap((input) => input.inspections.map((inspection) => ({ tenantId: input.organisation.id, inspection })));
}

/**
 * Assembles a roll-up from counts (`rollupCounts`, or a store's GROUP BY): what
 * {@link rollup} does after counting, and what a store's roll-up does with its
 * database's counts. Each round is tallied once; an organisation's figures and the
 * total are sums of its rounds' tallies.
 */
export function rollupFromCounts(
  inputs: readonly Pick<RollupInput, 'organisation' | 'inspections'>[],
  counts: RollupCounts,
  query: RollupQuery,
  options: Pick<RollupOptions, 'laggingTop'> = {},
): Rollup {
  const tallies = new Map<string, Tally>();
  const tallyOf = (c: { tenantId: string; inspectionId: string }) => {
    const key = `${c.tenantId}\u0000${c.inspectionId}`;
    let t = tallies.get(key);
    if (t === undefined) tallies.set(key, (t = emptyTally(query.months.length)));
    return t;
  };
  // Lagging units of a round, from its groups by unit (assigned findings only).
  const units = new Map<Tally, Map<string, UnitTally>>();
  for (const c of counts.groups) {
    const t = tallyOf(c);
    t.byStatus[c.status] += c.findings;
    t.overdue += c.overdue;
    t.dueSoon += c.dueSoon;
    t.onTime += c.onTime;
    t.withinExtension += c.withinExtension;
    t.late += c.late;
    if (c.unitId === null) continue;
    t.assigned += c.findings;
    let byUnit = units.get(t);
    if (byUnit === undefined) units.set(t, (byUnit = new Map()));
    let u = byUnit.get(c.unitId);
    if (u === undefined) byUnit.set(c.unitId, (u = { unitId: c.unitId, findings: 0, open: 0, overdue: 0, stale: 0, lagSum: 0 }));
    u.findings += c.findings;
    if (!DONE_STATUSES.includes(c.status) && c.status !== 'sustaining') u.open += c.findings;
    u.overdue += c.overdue;
    u.stale += c.stale;
    u.lagSum += c.lagSum;
  }
  for (const [t, byUnit] of units) t.units = rankLagging([...byUnit.values()], t.assigned);
  // The trend: as of the day nothing was created or completed after it, so "by a month's
  // end" is "in that month or before".
  for (const m of counts.months) {
    const t = tallyOf(m);
    const isDone = DONE_STATUSES.includes(m.status);
    for (const [i, month] of query.months.entries()) {
      if (m.createdIn > month) continue;
      const to = t.trend[i]!;
      to.existed += m.findings;
      if (m.completedIn === null) continue;
      if ((isDone || m.status === 'sustaining') && m.completedIn === month) to.completed += m.findings;
      if (isDone && m.completedIn <= month) to.done += m.findings;
    }
  }
  const top = options.laggingTop ?? 3;
  const none = emptyTally(query.months.length);
  const organisations = inputs.map((input): RollupOrganisation => {
    // Rounds in id order, each with its tally.
    const rounds = [...input.inspections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((inspection) => ({ inspection, tally: tallies.get(`${input.organisation.id}\u0000${inspection.id}`) ?? none }));
    return {
      organisationId: input.organisation.id,
      name: input.organisation.name,
      ...figures(rounds.map((r) => r.tally), query, top),
      rounds: rounds.map((r): RollupRound => ({ inspectionId: r.inspection.id, title: r.inspection.title, ...figures([r.tally], query, top) })),
    };
  });
  const share = (o: RollupFigures) => (o.total === 0 ? 0 : o.overdue / o.total);
  // Ties by id as code points: the same order whatever the machine's locale.
  organisations.sort((a, b) => share(b) - share(a) || a.rates.completed - b.rates.completed || (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0));
  const everyRound = inputs.flatMap((input) => input.inspections.map((i) => tallies.get(`${input.organisation.id}\u0000${i.id}`) ?? none));
  return { asOf: query.asOf, organisations, all: figures(everyRound, query, 0) };
}

/** One round's counts, summed. */
interface Tally {
  byStatus: StatusCounts;
  assigned: number;
  overdue: number;
  dueSoon: number;
  onTime: number;
  withinExtension: number;
  late: number;
  /** Its lagging units, ranked within the round (by its own cadence). */
  units: LaggingUnit[];
  /** Per month of the query: findings that existed, completed in the month, done by its end. */
  trend: { existed: number; completed: number; done: number }[];
}

function emptyTally(months: number): Tally {
  return { byStatus: emptyStatusCounts(), assigned: 0, overdue: 0, dueSoon: 0, onTime: 0, withinExtension: 0, late: 0, units: [], trend: Array.from({ length: months }, () => ({ existed: 0, completed: 0, done: 0 })) };
}

/** The figures of rounds, each given by its tally. */
function figures(rounds: readonly Tally[], query: RollupQuery, laggingTop: number): RollupFigures {
  // One pass over the tallies: this runs for every round and organisation of a store.
  const sum = rounds.length === 1 ? copyTally(rounds[0]!) : rounds.reduce(addTally, emptyTally(query.months.length));
  const byStatus = sum.byStatus;
  let total = 0;
  for (const status of STATUSES) total += byStatus[status];
  const totals = { total, byStatus };
  const completed = sum.onTime + sum.withinExtension + sum.late;
  // Lagging units by each round's own cadence, the most lagging across rounds first.
  // (One round's are ranked already.)
  const lagging = laggingTop === 0 ? [] : (rounds.length === 1 ? rounds[0]!.units : rounds.flatMap((t) => t.units).sort(byLagging))
    .slice(0, laggingTop)
    .map((u, i) => ({ ...u, rank: i + 1 }));
  return {
    ...totals,
    open: OPEN_STATUSES.reduce((n, status) => n + byStatus[status], 0),
    rates: completionRates(totals),
    overdue: sum.overdue,
    dueSoon: sum.dueSoon,
    outcomes: { onTime: sum.onTime, withinExtension: sum.withinExtension, late: sum.late, onTimeRate: completed === 0 ? 0 : sum.onTime / completed },
    laggingUnits: lagging,
    trend: query.months.map((month, i): RollupMonth => {
      const m = sum.trend[i]!;
      return { month, completed: m.completed, rate: m.existed === 0 ? 0 : m.done / m.existed };
    }),
  };
}

const STATUSES = Object.keys(emptyStatusCounts()) as (keyof StatusCounts)[];

/** A copy of a tally's sums (its units are not summed: see {@link figures}). */
function copyTally(t: Tally): Tally {
  return { ...t, byStatus: { ...t.byStatus }, trend: t.trend.map((m) => ({ ...m })) };
}

/** Adds a tally's sums into `into`, and answers it. */
function addTally(into: Tally, t: Tally): Tally {
  for (const status of STATUSES) into.byStatus[status] += t.byStatus[status];
  into.assigned += t.assigned;
  into.overdue += t.overdue;
  into.dueSoon += t.dueSoon;
  into.onTime += t.onTime;
  into.withinExtension += t.withinExtension;
  into.late += t.late;
  t.trend.forEach((m, i) => {
    const to = into.trend[i]!;
    to.existed += m.existed;
    to.completed += m.completed;
    to.done += m.done;
  });
  return into;
}

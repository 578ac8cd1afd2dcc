import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addCalendarDays, addCalendarMonths, minDay, monthOf, monthsBetween, type CalendarDay } from '../dates/calendar-day.js';
import { dayOfInstant } from '../dates/instant.js';
import { DONE_STATUSES, OPEN_STATUSES } from '../lifecycle/status.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation } from '../model/organisation.js';
import { dueSoon, overdue } from './deadlines.js';
import { deadlineOutcomes } from './extensions.js';
import { laggingUnits, type LaggingUnit } from './lagging.js';
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
  // Each organisation's findings split by round once; every figure below reads these groups.
  const grouped = inputs.map((input) => ({ input, groups: byInspection(input) }));
  const organisations = grouped.map(({ input, groups }): RollupOrganisation => ({
    organisationId: input.organisation.id,
    name: input.organisation.name,
    ...figures(groups, asOf, options),
    rounds: groups.map((g): RollupRound => ({ inspectionId: g.inspection.id, title: g.inspection.title, ...figures([g], asOf, options) })),
  }));
  const share = (o: RollupFigures) => (o.total === 0 ? 0 : o.overdue / o.total);
  organisations.sort((a, b) => share(b) - share(a) || a.rates.completed - b.rates.completed || a.organisationId.localeCompare(b.organisationId));
  return { asOf, organisations, all: figures(grouped.flatMap((g) => g.groups), asOf, { ...options, laggingTop: 0 }) };
}

interface Group {
  inspection: Inspection;
  findings: FindingState[];
}

/** An organisation's findings by round, the rounds in id order. */
function byInspection(input: RollupInput): Group[] {
  const groups = new Map<string, Group>([...input.inspections].sort((a, b) => a.id.localeCompare(b.id)).map((inspection) => [inspection.id, { inspection, findings: [] }]));
  for (const f of input.findings) groups.get(f.finding.inspectionId)?.findings.push(f);
  return [...groups.values()];
}

/** The figures of findings grouped by their inspection (whose cadence says what is due soon and stale). */
function figures(groups: readonly Group[], asOf: CalendarDay, options: RollupOptions): RollupFigures {
  const calendar = options.calendar ?? EVERY_DAY;
  const findings = groups.flatMap((g) => g.findings);
  const byStatus = emptyStatusCounts();
  for (const f of findings) byStatus[f.status]++;
  const counts = { total: findings.length, byStatus };
  const outcomes = deadlineOutcomes(findings, { calendar });
  // Lagging units by each round's own cadence, the most lagging across rounds first.
  const lagging = groups
    .flatMap((g) => laggingUnits(g.findings, asOf, g.inspection.workflow.cadence, { calendar }))
    .sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId))
    .slice(0, options.laggingTop ?? 3)
    .map((u, i) => ({ ...u, rank: i + 1 }));
  return {
    ...counts,
    open: OPEN_STATUSES.reduce((n, status) => n + byStatus[status], 0),
    rates: completionRates(counts),
    overdue: overdue(findings, asOf, { calendar }).length,
    dueSoon: groups.reduce((n, g) => n + dueSoon(g.findings, asOf, g.inspection.workflow.cadence.dueSoonDays, { calendar }).length, 0),
    outcomes: { onTime: outcomes.onTime, withinExtension: outcomes.withinExtension, late: outcomes.late, onTimeRate: outcomes.onTimeRate },
    laggingUnits: lagging,
    trend: trend(groups, asOf, options.months ?? 6),
  };
}

function trend(groups: readonly Group[], asOf: CalendarDay, months: number): RollupMonth[] {
  // The day each finding was created, where its inspection is.
  const findings = groups.flatMap((g) => g.findings.map((f) => ({ f, createdOn: dayOfInstant(f.createdAt, g.inspection.utcOffset) })));
  return monthsBetween(addCalendarMonths(asOf, 1 - months), asOf).map((month) => {
    // The month's last day, or the day itself for its own month.
    const end = minDay(asOf, addCalendarDays(addCalendarMonths(`${month}-01`, 1), -1));
    let completed = 0;
    let existed = 0;
    let done = 0;
    for (const { f, createdOn } of findings) {
      if (createdOn > end) continue;
      existed++;
      const on = f.completedOn;
      if (on === undefined || !(DONE_STATUSES.includes(f.status) || f.status === 'sustaining')) continue;
      if (monthOf(on) === month) completed++;
      if (on <= end && DONE_STATUSES.includes(f.status)) done++;
    }
    return { month, completed, rate: existed === 0 ? 0 : done / existed };
  });
}

import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { analyze, type Analysis, type AnalyzeOptions } from '../analytics/analyze.js';
import { replaySeries, sampleDays, statusSeries, type SeriesPoint } from '../analytics/series.js';
import { totals, type Totals } from '../analytics/totals.js';
import { daysBetween, minDay, type CalendarDay } from '../dates/calendar-day.js';
import { STATUS_LABELS } from '../i18n/labels.js';
import type { FindingEvent } from '../lifecycle/events.js';
import type { FindingStatus } from '../lifecycle/status.js';
import { latestReading, type FindingState, type ProgressEntry } from '../lifecycle/state.js';
import type { Contact, Inspection } from '../model/inspection.js';
import { historyDigest, verifyChain, type ChainBreak } from '../integrity/chain.js';
import type { Evidence } from '../model/evidence.js';
import type { MeasureKind } from '../model/measure.js';
import type { Organisation, Person } from '../model/organisation.js';
import { findingLight, type FindingLight, type RaiseReason } from '../warnings/light.js';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy, type Light } from '../warnings/policy.js';

/** One measure as a report shows it. */
export interface ReportMeasure {
  id: string;
  ordinal: number;
  text: string;
  kind: MeasureKind;
  /** Its own deadline, when it differs from the finding's. */
  deadline: CalendarDay | undefined;
  done: boolean;
  /** The day it was declared done. */
  doneOn: CalendarDay | undefined;
  /** The evidence it was declared done with. */
  evidence: Evidence[];
}

/** Who answers for a finding and by when, as a report shows it (ids; see {@link ReportModel.directory}). */
export interface ReportAssignment {
  responsibleLeaderId: string;
  leadUnitId: string;
  coUnitIds: string[];
  responsiblePersonId: string;
  /** The deadline in force. */
  deadline: CalendarDay;
  /** The first deadline, when an approved extension moved it. */
  originalDeadline: CalendarDay | undefined;
}

/** One ledger (台账) entry as a report shows it. */
export interface ReportProgress {
  on: CalendarDay;
  kind: ProgressEntry['kind'];
  /** The month a monthly report covers. */
  period: string | undefined;
  /** The ordinal of the measure it is about, if any. */
  measureOrdinal: number | undefined;
  text: string;
  actorId: string;
  /** What the entry gave as proof: documents, meetings, files (each file by its hash). */
  evidence: Evidence[];
}

/** One event of a finding's history, for a report's timeline. */
export interface ReportHistoryItem {
  on: CalendarDay;
  /** The event's type, e.g. `measure_completed`. */
  type: FindingEvent['type'];
  actorId: string;
}

/** One finding as a report shows it. */
export interface ReportFinding {
  id: string;
  /** `null` for a finding without a category. */
  categoryId: string | null;
  ordinal: number;
  title: string;
  status: FindingStatus;
  /** The wording a public notice uses for the status (整改进度). */
  statusWording: string;
  measures: ReportMeasure[];
  /** Absent until the finding is assigned. */
  assignment: ReportAssignment | undefined;
  /** The ledger entries, by day. */
  progress: ReportProgress[];
  /** The day the finding last reached `completed` or `sustaining`. */
  completedOn: CalendarDay | undefined;
  /** The day it was signed off (销号), while signed off. */
  signedOffOn: CalendarDay | undefined;
  /** How often it was reopened (a relapse counts). */
  reopenings: number;
  /** Days past the deadline in force as of the report's day, when open and overdue; else 0. */
  daysOverdue: number;
  /** Its warning light (红黄绿灯) as of the report's day under the model's escalation policy; absent when none is on. */
  light: Light | undefined;
  /** What raised the light beyond its deadline's (a stale ledger, a missed 月报, a relapse). */
  lightReasons: RaiseReason[];
  indicators: { name: string; unit: string; baseline: number | undefined; value: number | undefined }[];
  /** Its events up to the report's day; empty unless the model was built with `events`. */
  history: ReportHistoryItem[];
}

/** One category with its findings, in order. */
export interface ReportCategory {
  /** `null` for findings without a category. */
  id: string | null;
  ordinal: number | null;
  title: string | null;
  findings: ReportFinding[];
}

/** A name for an id: a unit or a person. */
export interface NamedId {
  id: string;
  name: string;
}

/**
 * What every report format renders: one inspection's findings as of a day, grouped
 * and ordered, with the totals, the analyses and what the notice discloses. Computed
 * once by the core; each format only lays it out.
 */
export interface ReportModel {
  asOf: CalendarDay;
  organisation: { id: string; name: string; shortName: string | undefined };
  inspection: Inspection;
  categories: ReportCategory[];
  totals: Totals;
  /** Overdue, due soon, stale ledgers, lagging units… as of `asOf`. */
  analysis: Analysis;
  /**
   * Names for the ids the findings carry: the organisation's units, and the people
   * passed in (people's names are internal: they appear only when the caller passes them).
   */
  directory: { units: NamedId[]; people: NamedId[] };
  /** Counts by status, open and overdue from the first event (or feedback) to `asOf`; empty without `events`. */
  timeline: SeriesPoint[];
  /** The same, day by day over the concentrated rectification period up to `asOf`; empty without `events` or a period. */
  burnDown: SeriesPoint[];
  contacts: Contact[];
  signer: string | undefined;
  publishedOn: CalendarDay | undefined;
  /**
   * Whether the history the report rests on (its findings' events up to `asOf`) is as it
   * was written, by the hash chain of each finding; `undefined` when the model was built
   * without `events` (nothing to check).
   */
  history: HistoryVerification | undefined;
}

/** What {@link ReportModel.history} found. */
export interface HistoryVerification {
  /** Events checked: those of the reported findings up to `asOf`. */
  events: number;
  /** True when every event is chained and none was edited, removed or inserted. */
  verified: boolean;
  /** Every event edited, removed or inserted (events written before the chain are counted in `unchained`). */
  breaks: ChainBreak[];
  /** Events that carry no hash (written before the chain): they cannot be checked. */
  unchained: number;
  /**
   * The digest of the reported findings' histories as of `asOf` (`historyDigest`): kept
   * with a published report, it shows later whether the history it rested on was rewritten.
   */
  digest: string;
}

/** Options of {@link buildReportModel}. */
export interface ReportModelOptions {
  /** People whose names the report may show (internal reports: ledger, dashboard). */
  people?: readonly Person[];
  /**
   * The findings' events (any order of findings, each finding's oldest first, as a
   * bundle holds them): with them the model carries each finding's history, the
   * timeline and the burn-down. Events after `asOf`, and of findings not reported, are
   * left out.
   */
  events?: readonly FindingEvent[];
  /** At most this many points in the timeline (default 60). */
  timelinePoints?: number;
  /** Which days are working days, for overdue and due-soon (default every day; see {@link AnalyzeOptions}). */
  calendar?: Calendar;
  /** The escalation policy of the findings' lights (default {@link DEFAULT_ESCALATION_POLICY}). */
  escalation?: EscalationPolicy;
  /**
   * Check the hash chain of the events (default true when `events` are given): about 10 µs
   * an event. Off, {@link ReportModel.history} is `undefined`.
   */
  verifyHistory?: boolean;
}

/**
 * Builds the {@link ReportModel} of an inspection from its findings' states (take
 * them as of `asOf` with `findingsAsOf` or `replayAsOf` to report on a past day).
 *
 * @example
 * ```ts
 * const model = buildReportModel(await store.findingsAsOf(scope, '2024-04-17'), inspection, organisation, '2024-04-17');
 * ```
 */
export function buildReportModel(
  findings: readonly FindingState[],
  inspection: Inspection,
  organisation: Organisation,
  asOf: CalendarDay,
  options: ReportModelOptions = {},
): ReportModel {
  const calendar = options.calendar ?? EVERY_DAY;
  const reported = new Set(findings.map((f) => f.finding.id));
  const histories = groupHistories(options.events ?? [], asOf, (id) => reported.has(id));
  const { timelineDays, burnDownDays } = seriesDays(inspection, histories, asOf, options.timelinePoints ?? 60);
  const points = histories.size === 0 ? [] : statusSeries(histories.values(), union(timelineDays, burnDownDays), { calendar });
  return assemble(findings, inspection, organisation, asOf, options, histories, seriesOf(points, timelineDays, burnDownDays));
}

/**
 * The {@link ReportModel} of an inspection from its events alone, for a report that
 * reads the store once (`store.read` and `reader.events`): the findings' states as of
 * the day, the timeline and the burn-down all come from one replay of each history,
 * where {@link buildReportModel}, given states already replayed, replays the events
 * again for its series. Returns the states too, for what else needs them (the
 * redaction rules).
 *
 * @param events - the inspection's events, in (finding, version) order (`reader.events({ organisationId, inspectionId })`); later ones than `asOf` are left out
 *
 * @example
 * ```ts
 * const { model } = await store.read(async (r) =>
 *   reportModelFromEvents(await r.events(scope), (await r.inspection(scope))!, (await r.organisation(scope.organisationId))!, asOf));
 * ```
 */
export function reportModelFromEvents(
  events: readonly FindingEvent[],
  inspection: Inspection,
  organisation: Organisation,
  asOf: CalendarDay,
  options: Omit<ReportModelOptions, 'events'> = {},
): { model: ReportModel; findings: FindingState[] } {
  const calendar = options.calendar ?? EVERY_DAY;
  const histories = groupHistories(events, asOf, () => true);
  // Events of the organisation's other inspections are not this report's.
  for (const [id, history] of histories) {
    const created = history[0];
    if (created?.type === 'created' && created.payload.finding.inspectionId !== inspection.id) histories.delete(id);
  }
  const { timelineDays, burnDownDays } = seriesDays(inspection, histories, asOf, options.timelinePoints ?? 60);
  // The day itself is a point, so that the replay ends with the states as of the day.
  const { points, states } = replaySeries(histories.values(), union(timelineDays, burnDownDays, [asOf]), { calendar });
  const findings = states.filter((s) => s.finding.inspectionId === inspection.id);
  const model = assemble(findings, inspection, organisation, asOf, { ...options, events }, histories, seriesOf(points, timelineDays, burnDownDays));
  return { model, findings };
}

function union(...lists: readonly CalendarDay[][]): CalendarDay[] {
  return [...new Set(lists.flat())].sort();
}

/** The model from the states, their histories and the series already replayed. */
function assemble(
  findings: readonly FindingState[],
  inspection: Inspection,
  organisation: Organisation,
  asOf: CalendarDay,
  options: ReportModelOptions,
  histories: Map<string, FindingEvent[]>,
  series: { timeline: SeriesPoint[]; burnDown: SeriesPoint[] },
): ReportModel {
  const analysis = analyze(findings, inspection, asOf, { calendar: options.calendar ?? EVERY_DAY });
  // Each finding's days overdue as the analysis counts them (the deadline in force, the calendar).
  const overdueDays = new Map(analysis.overdue.map((o) => [o.findingId, o.daysOverdue]));
  const escalation = options.escalation ?? DEFAULT_ESCALATION_POLICY;
  const ordered = [...inspection.categories].sort((a, b) => a.ordinal - b.ordinal);
  const known = new Set(ordered.map((c) => c.id));
  const byCategory = new Map<string | null, FindingState[]>();
  for (const f of findings) {
    const key = f.finding.categoryId !== undefined && known.has(f.finding.categoryId) ? f.finding.categoryId : null;
    const group = byCategory.get(key);
    if (group === undefined) byCategory.set(key, [f]);
    else group.push(f);
  }
  const group = (id: string | null) =>
    (byCategory.get(id) ?? [])
      .sort((a, b) => a.finding.ordinal - b.finding.ordinal || a.finding.id.localeCompare(b.finding.id))
      .map((f) => reportFinding(f, id, histories.get(f.finding.id) ?? [], overdueDays.get(f.finding.id) ?? 0, findingLight(f, asOf, escalation, inspection.workflow.cadence, options.calendar ?? EVERY_DAY)));
  const categories: ReportCategory[] = ordered.map((c) => ({ id: c.id, ordinal: c.ordinal, title: c.title, findings: group(c.id) }));
  if (byCategory.has(null)) categories.push({ id: null, ordinal: null, title: null, findings: group(null) });

  return {
    asOf,
    organisation: { id: organisation.id, name: organisation.name, shortName: organisation.shortName },
    inspection,
    categories,
    totals: totals(findings, inspection),
    analysis,
    directory: {
      units: organisation.units.map((u) => ({ id: u.id, name: u.name })),
      people: (options.people ?? []).map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.id.localeCompare(b.id)),
    },
    ...series,
    contacts: inspection.disclosure?.contacts ?? [],
    signer: inspection.disclosure?.signer,
    publishedOn: inspection.disclosure?.publishedOn,
    history: options.events === undefined || options.verifyHistory === false ? undefined : verifyHistories(findings, histories),
  };
}

/** The chain of every reported finding's events up to the day, against the head its state as of that day records. */
function verifyHistories(findings: readonly FindingState[], histories: ReadonlyMap<string, FindingEvent[]>): HistoryVerification {
  const breaks: ChainBreak[] = [];
  let events = 0;
  let unchained = 0;
  for (const f of findings) {
    const history = histories.get(f.finding.id) ?? [];
    events += history.length;
    if (history.length === 0) {
      // A finding reported with none of its events: they are not where the report was given them.
      for (let v = 1; v <= f.version; v++) breaks.push({ findingId: f.finding.id, version: v, kind: 'removed', message: `finding ${f.finding.id}, event ${v}: missing from the history` });
      continue;
    }
    for (const b of verifyChain(history, { version: f.version, head: f.head })) {
      if (b.kind === 'unchained') unchained += 1;
      else breaks.push(b);
    }
  }
  return { events, verified: breaks.length === 0 && unchained === 0, breaks, unchained, digest: historyDigest(findings) };
}

/** The name of a unit or person for an id, or the id itself when the directory lacks it. */
export function nameOf(entries: readonly NamedId[], id: string): string {
  return entries.find((e) => e.id === id)?.name ?? id;
}

/** Every finding of the model, in report order. */
export function reportFindings(model: ReportModel): ReportFinding[] {
  return model.categories.flatMap((c) => c.findings);
}

/** The events of the reported findings up to the day, by finding (a bundle may hold other inspections'). */
function groupHistories(events: readonly FindingEvent[], asOf: CalendarDay, reported: (findingId: string) => boolean): Map<string, FindingEvent[]> {
  const histories = new Map<string, FindingEvent[]>();
  for (const e of events) {
    if (e.on > asOf || !reported(e.findingId)) continue;
    const list = histories.get(e.findingId);
    if (list) list.push(e);
    else histories.set(e.findingId, [e]);
  }
  for (const list of histories.values()) list.sort((a, b) => a.version - b.version);
  return histories;
}

function timelineStart(inspection: Inspection, histories: Map<string, FindingEvent[]>, asOf: CalendarDay): CalendarDay {
  let first = inspection.feedbackDate ?? asOf;
  for (const list of histories.values()) if (list[0] !== undefined) first = minDay(first, list[0].on);
  return first;
}

/**
 * The days of the timeline (sampled from the first event to the day) and of the burn-down
 * (every day of the concentrated period up to the day): one replay covers both.
 */
function seriesDays(inspection: Inspection, histories: Map<string, FindingEvent[]>, asOf: CalendarDay, timelinePoints: number): { timelineDays: CalendarDay[]; burnDownDays: CalendarDay[] } {
  if (histories.size === 0) return { timelineDays: [], burnDownDays: [] };
  const timelineDays = sampleDays(timelineStart(inspection, histories, asOf), asOf, timelinePoints);
  const period = inspection.concentratedPeriod;
  if (period === undefined || period.start > asOf) return { timelineDays, burnDownDays: [] };
  const end = minDay(period.end, asOf);
  return { timelineDays, burnDownDays: sampleDays(period.start, end, daysBetween(period.start, end) + 1) };
}

/** The timeline and the burn-down out of the points of their days, a point of its own in each, so that neither aliases the other. */
function seriesOf(points: readonly SeriesPoint[], timelineDays: readonly CalendarDay[], burnDownDays: readonly CalendarDay[]): { timeline: SeriesPoint[]; burnDown: SeriesPoint[] } {
  const byDay = new Map(points.map((p) => [p.day, p]));
  const point = (d: CalendarDay): SeriesPoint => {
    const p = byDay.get(d)!;
    return { ...p, byStatus: { ...p.byStatus } };
  };
  return { timeline: timelineDays.map(point), burnDown: burnDownDays.map(point) };
}

function reportFinding(f: FindingState, categoryId: string | null, history: readonly FindingEvent[], daysOverdue: number, light: FindingLight | undefined): ReportFinding {
  const a = f.assignment;
  const ordinalOf = new Map(f.measures.map((m) => [m.id, m.ordinal]));
  return {
    id: f.finding.id,
    categoryId,
    ordinal: f.finding.ordinal,
    title: f.finding.title,
    status: f.status,
    statusWording: STATUS_LABELS[f.status].notice,
    measures: f.measures
      .filter((m) => m.status !== 'withdrawn')
      .sort((x, y) => x.ordinal - y.ordinal)
      .map((m) => ({ id: m.id, ordinal: m.ordinal, text: m.text, kind: m.kind, deadline: m.deadline, done: m.status === 'done', doneOn: m.doneOn, evidence: [...(m.completionEvidence ?? [])] })),
    assignment: a && {
      responsibleLeaderId: a.responsibleLeaderId,
      leadUnitId: a.leadUnitId,
      coUnitIds: [...a.coUnitIds],
      responsiblePersonId: a.responsiblePersonId,
      deadline: a.deadline,
      originalDeadline: f.originalDeadline !== undefined && f.originalDeadline !== a.deadline ? f.originalDeadline : undefined,
    },
    progress: [...f.progress]
      .sort((x, y) => x.on.localeCompare(y.on) || x.at.localeCompare(y.at))
      .map((p) => ({ on: p.on, kind: p.kind, period: p.period, measureOrdinal: p.measureId === undefined ? undefined : ordinalOf.get(p.measureId), text: p.text, actorId: p.actorId, evidence: [...p.evidence] })),
    completedOn: f.completedOn,
    signedOffOn: f.status === 'signed_off' ? f.signOff?.on : undefined,
    reopenings: f.reopenings.length,
    daysOverdue,
    light: light?.light,
    lightReasons: light?.reasons ?? [],
    indicators: f.indicators.map((i) => ({ name: i.name, unit: i.unit, baseline: i.baseline, value: latestReading(i)?.value })),
    history: history.map((e) => ({ on: e.on, type: e.type, actorId: e.actorId })),
  };
}

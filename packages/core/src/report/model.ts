import { totals, type Totals } from '../analytics/totals.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import { STATUS_LABELS } from '../i18n/labels.js';
import type { FindingStatus } from '../lifecycle/status.js';
import { activeMeasures, latestReading, type FindingState } from '../lifecycle/state.js';
import type { Contact, Inspection } from '../model/inspection.js';
import type { Organisation } from '../model/organisation.js';

/** One measure as a report shows it. */
export interface ReportMeasure {
  ordinal: number;
  text: string;
  kind: string;
  done: boolean;
}

/** One finding as a report shows it. */
export interface ReportFinding {
  id: string;
  ordinal: number;
  title: string;
  status: FindingStatus;
  /** The wording a public notice uses for the status (整改进度). */
  statusWording: string;
  measures: ReportMeasure[];
  deadline: string | undefined;
  leadUnitId: string | undefined;
  indicators: { name: string; unit: string; baseline: number | undefined; value: number | undefined }[];
}

/** One category with its findings, in order. */
export interface ReportCategory {
  /** `null` for findings without a category. */
  id: string | null;
  ordinal: number | null;
  title: string | null;
  findings: ReportFinding[];
}

/**
 * What every report format renders: one inspection's findings as of a day, grouped
 * and ordered, with the totals and what the notice discloses. Computed once by the
 * core; each format only lays it out.
 */
export interface ReportModel {
  asOf: CalendarDay;
  organisation: { id: string; name: string; shortName: string | undefined };
  inspection: Inspection;
  categories: ReportCategory[];
  totals: Totals;
  contacts: Contact[];
  signer: string | undefined;
  publishedOn: CalendarDay | undefined;
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
export function buildReportModel(findings: readonly FindingState[], inspection: Inspection, organisation: Organisation, asOf: CalendarDay): ReportModel {
  const ordered = [...inspection.categories].sort((a, b) => a.ordinal - b.ordinal);
  const byCategory = (id: string | null) =>
    findings
      .filter((f) => (f.finding.categoryId ?? null) === id || (id === null && !ordered.some((c) => c.id === f.finding.categoryId)))
      .sort((a, b) => a.finding.ordinal - b.finding.ordinal || a.finding.id.localeCompare(b.finding.id))
      .map(reportFinding);
  const categories: ReportCategory[] = ordered.map((c) => ({ id: c.id, ordinal: c.ordinal, title: c.title, findings: byCategory(c.id) }));
  const loose = byCategory(null);
  if (loose.length > 0) categories.push({ id: null, ordinal: null, title: null, findings: loose });
  return {
    asOf,
    organisation: { id: organisation.id, name: organisation.name, shortName: organisation.shortName },
    inspection,
    categories,
    totals: totals(findings, inspection),
    contacts: inspection.disclosure?.contacts ?? [],
    signer: inspection.disclosure?.signer,
    publishedOn: inspection.disclosure?.publishedOn,
  };
}

function reportFinding(f: FindingState): ReportFinding {
  return {
    id: f.finding.id,
    ordinal: f.finding.ordinal,
    title: f.finding.title,
    status: f.status,
    statusWording: STATUS_LABELS[f.status].notice,
    measures: activeMeasures(f)
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((m) => ({ ordinal: m.ordinal, text: m.text, kind: m.kind, done: m.status === 'done' })),
    deadline: f.assignment?.deadline,
    leadUnitId: f.assignment?.leadUnitId,
    indicators: f.indicators.map((i) => ({ name: i.name, unit: i.unit, baseline: i.baseline, value: latestReading(i)?.value })),
  };
}

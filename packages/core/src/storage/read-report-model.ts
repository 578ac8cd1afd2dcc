import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import { NotFoundError } from '../errors/domain-errors.js';
import type { FindingState } from '../lifecycle/state.js';
import { publicRedactionRules, redactReportModel, type Redaction } from '../publication/redact.js';
import { reportModelFromEvents, type ReportModel } from '../report/model.js';
import type { StoreReader } from './reader.js';

/** What goes into a report model beyond the scope and the day. */
export interface ReadReportModelOptions {
  /** Internal reports (ledger, dashboard) name people; public ones (a notice) do not. */
  internal: boolean;
  /** Which days are working days (default every day). */
  calendar?: Calendar;
  /** Mask personal data (`publicRedactionRules`) before the model is rendered. */
  redact?: boolean;
}

/**
 * The report model of one inspection as of a day, read through `reader` (give it one
 * snapshot, `store.read`): the inspection, the organisation, its people and the
 * inspection's events, each read once, and the events replayed once for the states and
 * every series. Masked when asked, with what was masked; the states as of the day come
 * back too. What `rectify report`, `rectify serve` and `@rectify/http` build a report from.
 *
 * @example
 * ```ts
 * const { model } = await store.read((r) => readReportModel(r, { organisationId: 'xq', inspectionId: 'xc-2023' }, '2023-11-20', { internal: true }));
 * ```
 */
export async function readReportModel(
  reader: StoreReader,
  scope: { organisationId: string; inspectionId: string },
  asOf: CalendarDay,
  options: ReadReportModelOptions,
): Promise<{ model: ReportModel; redactions: Redaction[]; findings: FindingState[] }> {
  const inspection = await reader.inspection(scope);
  if (inspection === undefined) throw new NotFoundError('inspection', scope.inspectionId);
  const organisation = (await reader.organisation(scope.organisationId))!;
  const people = options.internal || options.redact ? await reader.people(scope.organisationId) : [];
  const events = await reader.events(scope, { upTo: asOf });
  const { model, findings } = reportModelFromEvents(events, inspection, organisation, asOf, { people: options.internal ? people : [], calendar: options.calendar ?? EVERY_DAY });
  if (!options.redact) return { model, redactions: [], findings };
  const { value, redactions } = redactReportModel(model, publicRedactionRules(inspection, findings, people, organisation));
  return { model: value, redactions, findings };
}

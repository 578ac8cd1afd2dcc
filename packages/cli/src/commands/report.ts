import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildReportModel,
  countRedactions,
  EVERY_DAY,
  namesToRedact,
  redactValue,
  type Calendar,
  type CalendarDay,
  type Inspection,
  type Redaction,
  type RedactionRules,
  type ReportModel,
  type ReportRenderer,
  type Store,
} from '@rectify/core';
import { csvLedgerRenderer, jsonReportRenderer } from '@rectify/report-data';
import { docxNoticeRenderer } from '@rectify/report-docx';
import { htmlDashboardRenderer } from '@rectify/report-html';
import { noticeMarkdownRenderer, noticeTextRenderer } from '@rectify/report-notice';
import { xlsxLedgerRenderer } from '@rectify/report-xlsx';
import { instantAt, resolveScope, today, type GlobalOptions, type Io, type Scope } from '../context.js';
import { UsageError } from '../exit.js';

/**
 * The formats of `rectify report --format`, with whether the report may show people's
 * names: the internal ones (ledger, dashboard) do, the public notice never does.
 */
export const FORMATS: Record<string, { renderer: ReportRenderer; internal: boolean }> = {
  notice: { renderer: noticeTextRenderer, internal: false },
  md: { renderer: noticeMarkdownRenderer, internal: false },
  docx: { renderer: docxNoticeRenderer, internal: false },
  html: { renderer: htmlDashboardRenderer, internal: true },
  xlsx: { renderer: xlsxLedgerRenderer, internal: true },
  csv: { renderer: csvLedgerRenderer, internal: true },
  json: { renderer: jsonReportRenderer, internal: false },
};

/** The report model of a scope as of a day, with history (and names, for internal reports). */
export async function modelOf(store: Store, scope: Scope, asOf: CalendarDay, internal: boolean, calendar: Calendar = EVERY_DAY): Promise<ReportModel> {
  const inspection = (await store.inspection(scope))!;
  const organisation = (await store.organisation(scope.organisationId))!;
  const { events } = await store.exportBundle({ organisationId: scope.organisationId });
  const people = internal ? await store.people(scope.organisationId) : [];
  // The organisation's events: the model keeps those of this inspection's findings.
  return buildReportModel(await store.findingsAsOf(scope, asOf), inspection, organisation, asOf, { events, people, calendar });
}

/** Options of `rectify report`. */
export interface ReportOptions {
  format: string;
  asOf: CalendarDay | undefined;
  output: string | undefined;
  /** Mask personal data first (names of people interviewed or held accountable, phones, ID numbers, e-mails; the declared contacts kept). */
  redact: boolean;
  /** Record the report as a published version (who: `publishedBy`). */
  publish: boolean;
  publishedBy: string | undefined;
}

/** `rectify report --format F`: writes one report as of a day (today by default) to `-o FILE` or its own file name. */
export async function reportCommand(store: Store, global: GlobalOptions, options: ReportOptions, io: Io): Promise<void> {
  const format = FORMATS[options.format];
  if (format === undefined) throw new UsageError(`Unknown format "${options.format}": one of ${Object.keys(FORMATS).join(', ')}`);
  const scope = await resolveScope(store, global);
  const inspection = (await store.inspection(scope))!;
  const asOf = options.asOf ?? today(io, inspection.utcOffset);
  if (options.publish && options.publishedBy === undefined) throw new UsageError('Who publishes? --publish needs --as PERSON');
  let model = await modelOf(store, scope, asOf, format.internal, global.calendar);
  let redactions: Redaction[] = [];
  if (options.redact) {
    ({ value: model, redactions } = redactValue(model, await redactionRules(store, scope, asOf, inspection)));
    const counts = Object.entries(countRedactions(redactions)).map(([kind, n]) => `${kind} ${n}`);
    io.err(`redacted: ${counts.length === 0 ? 'nothing' : counts.join(', ')}`);
  }
  const rendered = await format.renderer.render(model, { locale: global.lang });
  const file = resolve(io.cwd, options.output ?? rendered.fileName);
  writeFileSync(file, rendered.data);
  io.out(file);
  if (options.publish) {
    // A binary format is kept as the notice text it carries, so versions can be compared.
    const text = typeof rendered.data === 'string' ? rendered.data : String((await noticeTextRenderer.render(model, { locale: global.lang })).data);
    const v = await store.publish({
      ...scope, format: options.format, text, publishedAt: instantAt(io.now(), inspection.utcOffset), publishedBy: options.publishedBy!, redacted: countRedactions(redactions),
    });
    io.out(`published: ${options.format} version ${v.version} (${v.publishedAt})`);
  }
}

/**
 * The redaction rules of a public report: the people interviewed or held accountable
 * are masked; the contacts the inspection declares for public supervision are kept.
 */
async function redactionRules(store: Store, scope: Scope, asOf: CalendarDay, inspection: Inspection): Promise<RedactionRules> {
  const contacts = inspection.disclosure?.contacts ?? [];
  return {
    names: namesToRedact(await store.findingsAsOf(scope, asOf), await store.people(scope.organisationId)),
    phones: { keep: contacts.filter((c) => c.kind === 'phone').map((c) => c.value) },
    emails: { keep: contacts.filter((c) => c.kind === 'email').map((c) => c.value) },
  };
}

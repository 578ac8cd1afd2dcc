import {
  analyze,
  InspectionSchema,
  buildReportModel,
  parseInspection,
  parseOrganisation,
  STATUS_LABELS,
  totalsFromCounts,
  ValidationError,
  type CalendarDay,
  type ReportCategory,
  type ReportModel,
} from '@rectify/core';
import type { NoticeContent } from '../layout.js';
import type { ParsedNotice } from './types.js';

/** Options of {@link noticeReport}. */
export interface NoticeReportOptions {
  /** Ids to give the inspection and the organisation (default `notice`, `notice-org`). */
  inspectionId?: string;
  organisationId?: string;
  /**
   * The day the report speaks for; default: the notice's date (发布日期), or its feedback
   * date. A notice that gives neither needs it here: the report is refused rather than
   * dated a day nobody chose.
   */
  asOf?: CalendarDay;
}

/**
 * A parsed notice as a report model and the notice's own words (title, preamble,
 * narrative sections, closing), so it can be rendered again with any report format:
 * `noticeText(layoutNotice(model, 'zh-CN', content))` prints the notice anew, and a
 * ledger workbook can be started from last round's notice. Findings keep their
 * numbers, titles, measures and the status wording as published; a finding without a
 * status line is taken as in progress.
 *
 * @example
 * ```ts
 * const { model, content } = noticeReport(parseNotice(text));
 * const again = noticeTextRenderer.render(model, { locale: 'zh-CN', ...content });
 * ```
 */
export function noticeReport(notice: ParsedNotice, options: NoticeReportOptions = {}): { model: ReportModel; content: NoticeContent } {
  const ins = notice.inspection;
  const organisationId = options.organisationId ?? 'notice-org';
  const asOf = options.asOf ?? ins.publishedOn?.value ?? ins.feedbackDate?.value;
  if (asOf === undefined) {
    throw new ValidationError('notice', [{
      path: 'asOf',
      message: 'The notice gives no date (neither the day it was published nor the feedback date): give the day it speaks for (options.asOf; rectify import --as-of DATE)',
      code: 'custom',
    }]);
  }
  const input: Record<string, unknown> = {
    id: options.inspectionId ?? 'notice',
    kind: ins.kind?.value ?? 'xuncha',
    title: ins.title?.value ?? '整改进展情况通报',
    inspector: { name: ins.inspectors[0]?.value ?? '巡察组' },
    subjectOrganisationId: organisationId,
    ...(ins.onSite ? { onSite: ins.onSite.value } : {}),
    ...(ins.feedbackDate ? { feedbackDate: ins.feedbackDate.value } : {}),
    categories: categoriesOf(notice).map((c) => ({ id: `c${c.ordinal}`, ordinal: c.ordinal, title: c.title })),
    disclosure: {
      contacts: ins.contacts.map((c) => c.value),
      ...(ins.signer ? { signer: ins.signer.value } : {}),
      ...(ins.publishedOn ? { publishedOn: ins.publishedOn.value } : {}),
    },
  };
  // A damaged notice can contradict itself (feedback before the visit): what the
  // inspection's schema refuses is left out rather than failing the whole notice.
  for (const field of ['feedbackDate', 'onSite', 'disclosure', 'title', 'inspector'] as const) {
    if (InspectionSchema.safeParse(input).success) break;
    if (field === 'title') input['title'] = '整改进展情况通报';
    else if (field === 'inspector') input['inspector'] = { name: '巡察组' };
    else delete input[field];
  }
  const inspection = parseInspection(input);
  const organisation = parseOrganisation({ id: organisationId, name: ins.inspected[0]?.value.trim() || ins.issuer?.value.trim() || '被巡察单位' });
  const base = buildReportModel([], inspection, organisation, asOf);
  const categories: ReportCategory[] = base.categories.map((c) => ({
    ...c,
    findings: notice.findings.filter((f) => f.categoryOrdinal === c.ordinal).map((f) => reportFinding(f, c.id, notice.findings.indexOf(f))),
  }));
  const loose = notice.findings.filter((f) => f.categoryOrdinal === null || !notice.categories.some((c) => c.ordinal === f.categoryOrdinal));
  if (loose.length > 0) categories.push({ id: null, ordinal: null, title: null, findings: loose.map((f) => reportFinding(f, null, notice.findings.indexOf(f))) });
  const counts = categories.flatMap((c) => c.findings.map((f) => ({ categoryId: c.id, unitId: null, status: f.status, count: 1 })));
  const totals = totalsFromCounts(counts, inspection);
  // A notice names no deadline, ledger or unit: nothing in it is overdue, due or stale,
  // so those lists are empty; the counts are the notice's own, the same in both places.
  const model: ReportModel = { ...base, categories, totals, analysis: { ...analyze([], inspection, asOf), totals } };
  // Findings read under several sections (a digest: one a unit) are written under each again.
  const findingSections = notice.sections.filter((s) => s.kind === 'findings');
  const held = findingSections.length > 1 ? new Map<number, string[]>() : undefined;
  if (held) {
    notice.findings.forEach((f, i) => {
      // One read before the first section (or under a section a damaged text lost) goes with the first.
      const home = findingSections.some((s) => s.ordinal === f.sectionOrdinal) ? f.sectionOrdinal! : findingSections[0]!.ordinal;
      held.set(home, [...(held.get(home) ?? []), `n${i + 1}`]);
    });
  }
  const content: NoticeContent = {
    ...(ins.title ? { title: ins.title.value } : {}),
    ...(ins.preamble ? { preamble: ins.preamble.value } : {}),
    // No closing paragraph in the notice: none in the rendering either (not the default one).
    closing: ins.closing?.value ?? '',
    categoryNumbers: 'ordinal',
    sections: notice.sections.map((s) => (s.kind === 'findings'
      ? { kind: 'findings', title: s.title, ...(held ? { findingIds: held.get(s.ordinal) ?? [] } : {}) }
      : { kind: 'text', title: s.title, paragraphs: s.paragraphs.map((p) => p.text) })),
  };
  return { model, content };
}

/** The categories, once each: a damaged notice may repeat a number; the first title wins. */
function categoriesOf(notice: ParsedNotice): ParsedNotice['categories'] {
  return notice.categories.filter((c, i) => notice.categories.findIndex((d) => d.ordinal === c.ordinal) === i);
}

function reportFinding(f: ParsedNotice['findings'][number], categoryId: string | null, index: number): ReportCategory['findings'][number] {
  const status = f.status?.value ?? 'in_progress';
  return {
    id: `n${index + 1}`,
    categoryId,
    ordinal: f.ordinal,
    title: f.title,
    status,
    statusWording: f.status?.wording ?? STATUS_LABELS[status].notice,
    measures: f.measures.map((m, i) => ({ id: `m${i + 1}`, ordinal: m.ordinal, text: m.text, kind: 'by_deadline', deadline: undefined, done: false, doneOn: undefined, evidence: [] })),
    assignment: undefined,
    progress: [],
    completedOn: undefined,
    signedOffOn: undefined,
    reopenings: 0,
    daysOverdue: 0,
    light: undefined,
    lightReasons: [],
    indicators: [],
    history: [],
  };
}

import { nameOf, numberLabel, numberLabelEn, STATUS_LABELS, type RenderedReport, type RenderOptions, type ReportModel, type SyncReportRenderer } from '@rectify/core';

/**
 * Makes a cell safe to open in a spreadsheet: a value starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be read as a formula (CSV injection), so it gets a
 * leading apostrophe, which spreadsheets show as text.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Quotes a CSV field (RFC 4180) when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADERS = {
  'zh-CN': ['序号', '问题类别', '反馈问题', '整改措施', '责任部门', '整改期限', '整改进度'],
  en: ['No.', 'Category', 'Finding', 'Measures', 'Lead unit', 'Deadline', 'Progress'],
} as const;

/**
 * The ledger (台账) as CSV: one row per finding, measures numbered in one cell. UTF-8
 * with a byte-order mark and CRLF line ends, so that Excel opens Chinese text correctly.
 */
export function ledgerCsv(model: ReportModel, locale: RenderOptions['locale']): string {
  const rows: string[][] = [[...HEADERS[locale]]];
  for (const category of model.categories) {
    for (const f of category.findings) {
      // Numbered 一是、二是… as in the notice; a measure alone is not numbered.
      const label = (n: number) => (f.measures.length === 1 ? '' : locale === 'zh-CN' ? numberLabel('measure', n) : `${numberLabelEn('measure', n)} `);
      const measures = f.measures.map((m) => `${label(m.ordinal)}${m.text}`).join('\n');
      rows.push([
        `${category.ordinal ?? ''}.${f.ordinal}`.replace(/^\./, ''),
        category.title ?? '',
        f.title,
        measures,
        f.assignment === undefined ? '' : nameOf(model.directory.units, f.assignment.leadUnitId),
        f.assignment?.deadline ?? '',
        locale === 'zh-CN' ? f.statusWording : STATUS_LABELS[f.status].en,
      ]);
    }
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The ledger as CSV; see {@link ledgerCsv}. */
export const csvLedgerRenderer: SyncReportRenderer = {
  name: 'ledger-csv',
  render: (model, options): RenderedReport => ({
    data: ledgerCsv(model, options.locale),
    mediaType: 'text/csv; charset=utf-8',
    fileName: `ledger-${model.inspection.id}-${options.asOf ?? model.asOf}${options.locale === 'en' ? '-en' : ''}.csv`,
  }),
};

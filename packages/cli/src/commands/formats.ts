import type { ReportRenderer } from '@rectify/core';

/** A format of `rectify report --format`: whether it may name people, and its renderer, loaded when asked for. */
export interface ReportFormat {
  /** Internal reports (ledger, dashboard) may show people's names; the public notice never does. */
  internal: boolean;
  /**
   * The renderer, imported only when this format is asked for: ECharts (the dashboard) and
   * exceljs (the workbook) take half a second each to load, which `rectify status` or a
   * notice should not pay.
   */
  load(): Promise<ReportRenderer>;
}

/** The formats of `rectify report --format`, by name. */
export const FORMATS: Record<string, ReportFormat> = {
  notice: { internal: false, load: async () => (await import('@rectify/report-notice')).noticeTextRenderer },
  md: { internal: false, load: async () => (await import('@rectify/report-notice')).noticeMarkdownRenderer },
  docx: { internal: false, load: async () => (await import('@rectify/report-docx')).docxNoticeRenderer },
  html: { internal: true, load: async () => (await import('@rectify/report-html')).htmlDashboardRenderer },
  xlsx: { internal: true, load: async () => (await import('@rectify/report-xlsx')).xlsxLedgerRenderer },
  csv: { internal: true, load: async () => (await import('@rectify/report-data')).csvLedgerRenderer },
  json: { internal: false, load: async () => (await import('@rectify/report-data')).jsonReportRenderer },
};

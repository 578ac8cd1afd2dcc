/**
 * `@rectify/report-data`: the ledger as CSV, the report model as JSON, and reminders as
 * an iCalendar feed.
 *
 * @packageDocumentation
 */
export { csvField, csvLedgerRenderer, ledgerCsv, neutraliseFormula } from './csv.js';
export { jsonReportRenderer } from './json.js';
export { escapeText, fold, toICalendar, type ICalendarOptions } from './ics.js';

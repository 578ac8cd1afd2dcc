/**
 * `@rectify/report-data`: the ledger as CSV and the report model as JSON.
 *
 * @packageDocumentation
 */
export { csvField, csvLedgerRenderer, ledgerCsv, neutraliseFormula } from './csv.js';
export { jsonReportRenderer } from './json.js';

/**
 * `@rectify/report-xlsx`: the ledger workbook (问题清单、任务清单、责任清单、台账), written
 * with exceljs and read back with an error per bad cell. Export → import → export
 * gives the same bytes.
 *
 * @packageDocumentation
 */
export {
  ledgerOf,
  type Ledger,
  type LedgerFinding,
  type LedgerFindingRows,
  type LedgerMeasure,
  type LedgerProgress,
  type LedgerResponsibility,
  type LedgerSheet,
  type LedgerSource,
} from './ledger.js';
export { writeLedgerWorkbook, type WriteLedgerOptions } from './write.js';
export { readLedgerWorkbook, type ReadLedgerOptions } from './read.js';
export { xlsxLedgerRenderer } from './renderer.js';
export { ledgerBundle, type LedgerBundle, type LedgerBundleOptions } from './to-bundle.js';
export { ReportLimitError, WorkbookValidationError, type CellIssue } from './errors.js';
export { LAYOUT, MAX_CELL_TEXT, MAX_SHEET_ROWS, type Column, type ColumnKind, type SheetKey, type SheetLayout } from './layout.js';
export * from './clerk/index.js';

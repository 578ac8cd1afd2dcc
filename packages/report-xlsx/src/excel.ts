import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded the first time a workbook is read or written: it takes longer to load
 * than the rest of the package (about a second on a small machine), and an app, or a
 * command line printing a status, that imports this package for its types or its
 * ledger model need not pay for it.
 */
export function excel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => (m as unknown as { default: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  return loading;
}

import { excel } from '../excel.js';
import { LAYOUT } from '../layout.js';
import { workbookTooLarge } from '../zip-guard.js';

/**
 * Tells whether a workbook is rectify's own ledger (it has the 说明/About sheet that
 * {@link writeLedgerWorkbook} writes) rather than one a clerk laid out: the first is
 * read by {@link readLedgerWorkbook}, exactly; the second by {@link readClerkLedger}.
 * A file that is not a workbook at all answers `false` (the clerk reader says why).
 */
export async function isRectifyWorkbook(data: Uint8Array): Promise<boolean> {
  if (workbookTooLarge(data) !== undefined) return false; // the clerk reader refuses it, saying why
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return false;
  }
  const about = LAYOUT.about.name;
  return wb.getWorksheet(about['zh-CN']) !== undefined || wb.getWorksheet(about.en) !== undefined;
}

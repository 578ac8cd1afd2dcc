import type ExcelJS from 'exceljs';
import { excel } from '../excel.js';
import { formatDay, isCalendarDay, type CalendarDay, type Locale } from '@rectify/core';
import { compressStoredZip } from '../zip.js';

/** Options of {@link writeLedgerTemplate}. */
export interface LedgerTemplateOptions {
  /** The language of the headers and words; default `zh-CN`. */
  locale?: Locale;
  /** The title row, e.g. `关于落实区委第一巡察组反馈意见的整改台账`; a placeholder to overwrite when left out. */
  title?: string;
  /** The ledger's day, written in the 填报时间 row; left for the clerk to fill when left out. */
  asOf?: CalendarDay;
}

/**
 * The columns of the template: the headers clerks already use (so the importer reads
 * them with no mapping), in the order of a typical 整改台账, with widths for their text.
 */
const COLUMNS: readonly { zh: string; en: string; width: number; note?: { zh: string; en: string } }[] = [
  { zh: '序号', en: 'No.', width: 6 },
  { zh: '反馈问题', en: 'Finding', width: 40, note: { zh: '每个问题一行；问题分几个方面时，在该方面第一个问题上方插入一行，只写“一、××方面”。', en: 'One row per finding. Findings in sections: insert a row above the first of each, holding only its title ("1. Governance").' } },
  { zh: '整改措施', en: 'Action plan', width: 48, note: { zh: '多条措施写在同一格，分行或用“一是……二是……”“1.……2.……”分开。', en: 'Several measures in one cell, one per line or numbered 1. 2. 3.' } },
  { zh: '责任领导', en: 'Leader in charge', width: 12 },
  { zh: '责任单位', en: 'Owner department', width: 16, note: { zh: '牵头单位写在前面，配合单位用“、”隔开。', en: 'The lead department first; others after it, separated by semicolons.' } },
  { zh: '责任人', en: 'Owner', width: 12 },
  { zh: '整改时限', en: 'Due date', width: 14, note: { zh: '写日期（2024年3月31日、2024-03-31），或“立行立改”“长期坚持”。', en: 'A date (2024-03-31), or "ongoing" for a standing measure.' } },
  { zh: '整改状态', en: 'Status', width: 12 },
  { zh: '整改进展', en: 'Progress', width: 48, note: { zh: '每次更新另起一行，以日期开头，如“11月20日：已修订制度”。', en: 'Each update on a line of its own, starting with its date: "2024-11-20: policy revised".' } },
  { zh: '实际完成时间', en: 'Date closed', width: 14 },
  { zh: '备注', en: 'Remarks', width: 20 },
];

/** The status words offered in the 整改状态 column's list: words the importer reads. */
const STATUSES: Record<Locale, readonly string[]> = {
  'zh-CN': ['未开始', '正在整改', '已完成', '长期坚持', '待销号', '已销号'],
  en: ['Not started', 'In progress', 'Completed', 'Pending verification', 'Verified'],
};

/** Rows the list validation and the borders reach: room for a long ledger. */
const ROWS = 300;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/**
 * A blank 整改台账 a clerk can start from (`rectify template`): one sheet, a title row, a
 * 填报时间 row and a header row of the words clerks already use, one row per finding,
 * with notes on the headers saying how to fill them and a list of status words. It is
 * laid out the way the importer reads with no mapping file: a filled-in copy imports
 * as it is. The same options give the same bytes.
 *
 * @example
 * ```ts
 * writeFileSync('整改台账.xlsx', await writeLedgerTemplate({ title: '关于落实区委第一巡察组反馈意见的整改台账' }));
 * ```
 */
export async function writeLedgerTemplate(options: LedgerTemplateOptions = {}): Promise<Uint8Array> {
  const locale = options.locale ?? 'zh-CN';
  const zh = locale === 'zh-CN';
  if (options.asOf !== undefined && !isCalendarDay(options.asOf)) throw new RangeError(`asOf must be a day written YYYY-MM-DD, not "${options.asOf}"`);
  const wb = new (await excel()).Workbook();
  wb.creator = 'rectify';
  // Fixed times: the same template twice is the same file.
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(zh ? '整改台账' : 'Findings tracker', { views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = COLUMNS.map((c) => ({ width: c.width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  const last = ws.getColumn(COLUMNS.length).letter;

  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = options.title ?? (zh ? '关于落实××巡察组反馈意见的整改台账' : 'Findings tracker: (name of the audit)');
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  ws.mergeCells(`A2:${last}2`);
  const day = options.asOf === undefined ? (zh ? '    年  月  日' : '') : zh ? formatDay(options.asOf, 'zh-CN') : options.asOf;
  ws.getCell('A2').value = zh ? `填报单位：            填报时间：${day}` : `Status as at: ${day}`;

  const header = ws.getRow(3);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = zh ? c.zh : c.en;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (c.note) cell.note = zh ? c.note.zh : c.note.en;
  });
  for (let r = 4; r < 4 + ROWS; r++) for (let col = 1; col <= COLUMNS.length; col++) ws.getCell(r, col).border = THIN;
  const status = ws.getColumn(COLUMNS.findIndex((c) => c.zh === '整改状态') + 1).letter;
  (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${status}4:${status}${3 + ROWS}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${STATUSES[locale].join(',')}"`],
    showErrorMessage: false, // a clerk's own word (部分完成) is allowed: the importer reads many
  });
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  return compressStoredZip(new Uint8Array(stored));
}

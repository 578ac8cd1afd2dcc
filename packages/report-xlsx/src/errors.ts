import { RectifyError, ValidationError, type Locale, type LocalizedText } from '@rectify/core';

/** One bad cell of an imported workbook. */
export interface CellIssue {
  /** The sheet's name as it appears in the workbook. */
  sheet: string;
  /** The row number as Excel shows it (1 is the header). */
  row: number;
  /** The column letter as Excel shows it (`A`), or `''` when the sheet itself is at fault. */
  column: string;
  /** The column's header, when the cell has one. */
  header: string;
  /** What is wrong and what to write instead, in English. */
  message: string;
  /** The same in both languages, for a message in the user's. */
  localized: LocalizedText;
}

/**
 * A workbook that cannot be imported: every bad cell, each with its sheet, row,
 * column and what is wrong. Nothing of the workbook is used when it is thrown.
 * Its `code` is `validation`, like every `ValidationError` of `@rectify/core`.
 */
export class WorkbookValidationError extends ValidationError {
  /** Every bad cell, sheet by sheet, row by row. */
  readonly cells: readonly CellIssue[];

  constructor(cells: readonly CellIssue[]) {
    super(
      'ledger workbook',
      cells.map((c) => ({ path: `${c.sheet}!${c.column}${c.row}${c.header ? ` (${c.header})` : ''}`, message: c.message, code: 'cell' })),
    );
    this.cells = cells;
  }

  /**
   * The refusal in a language: a heading, then one line per bad cell
   * (`  - 问题清单!G5 (整改期限): 整改期限须为日期…`), as `message` says it in English.
   */
  describe(locale: Locale): string {
    const heading = locale === 'zh-CN' ? '台账工作簿无法导入：' : 'Invalid ledger workbook:';
    return [heading, ...this.cells.map((c) => `  - ${c.sheet}!${c.column}${c.row}${c.header ? ` (${c.header})` : ''}: ${c.localized[locale]}`)].join('\n');
  }
}

/**
 * A report that a format cannot hold, such as a text longer than a spreadsheet cell
 * allows. Code `report.limit`; `details` names the limit and where it was exceeded.
 */
export class ReportLimitError extends RectifyError {
  constructor(message: string, details: Record<string, unknown>) {
    super('report.limit', message, { details });
  }
}

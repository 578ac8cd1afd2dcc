import type { LocalizedText } from '@rectify/core';

/**
 * Something the importer noticed in a ledger, with the cell it is about. An `error`
 * stops the import (nothing is written); a `warning` is shown in the preview and the
 * import goes on with the value read.
 */
export interface LedgerImportIssue {
  severity: 'error' | 'warning';
  /**
   * A stable code to filter on: `date.no_year`, `date.ambiguous`, `date.approximate`,
   * `date.none`, `date.not_a_day`, `deadline.defaulted`, `deadline.revised`,
   * `status.unknown`, `status.derived`, `status.overdue`, `header.ambiguous`,
   * `unit.group`, `unit.from_post`, `leader.from_person`, `name.near_duplicate`,
   * `sheet.no_table`, `sheet.formulas_skipped`, `sheet.hidden_columns`,
   * `assignment.incomplete`, `row.no_title`, `link.unknown`, `finding.duplicate`…
   */
  code: string;
  /** The sheet's name as the workbook shows it. */
  sheet: string;
  /** The cell (`H11`), or `''` when the issue is about the sheet or the workbook. */
  cell: string;
  /** The header of the cell's column, when it has one. */
  header?: string;
  /** What the cell holds, as text. */
  raw?: string;
  /** What the importer read from it, when it read something. */
  read?: string;
  /** What is wrong and what to write instead, in both languages. */
  message: LocalizedText;
}

/** Collects issues; the reader passes one along. */
export class IssueLog {
  readonly issues: LedgerImportIssue[] = [];

  warn(code: string, where: Where, zh: string, en: string): void {
    this.add(make('warning', code, where, zh, en));
  }

  error(code: string, where: Where, zh: string, en: string): void {
    this.add(make('error', code, where, zh, en));
  }

  /** A cell read twice (as the finding's deadline and as its measure's) is reported once. */
  private add(issue: LedgerImportIssue): void {
    if (!this.issues.some((i) => i.code === issue.code && i.sheet === issue.sheet && i.cell === issue.cell && i.cell !== '')) this.issues.push(issue);
  }

  get errors(): LedgerImportIssue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }
}

/** Where an issue is: the sheet, and the cell with its header and contents when there is one. */
export interface Where {
  sheet: string;
  cell?: string;
  header?: string | undefined;
  raw?: string | undefined;
  read?: string | undefined;
}

function make(severity: LedgerImportIssue['severity'], code: string, where: Where, zh: string, en: string): LedgerImportIssue {
  return {
    severity,
    code,
    sheet: where.sheet,
    cell: where.cell ?? '',
    ...(where.header === undefined ? {} : { header: where.header }),
    ...(where.raw === undefined ? {} : { raw: where.raw }),
    ...(where.read === undefined ? {} : { read: where.read }),
    message: { 'zh-CN': zh, en },
  };
}

/** `Sheet1!H11`, or the sheet alone. */
export function placeOf(issue: Pick<LedgerImportIssue, 'sheet' | 'cell'>): string {
  return issue.cell === '' ? issue.sheet : `${issue.sheet}!${issue.cell}`;
}

import type ExcelJS from 'exceljs';
import { excel } from './excel.js';
import {
  FINDING_STATUSES,
  INSPECTION_KIND_LABELS,
  LIGHT_LABELS,
  MEASURE_KIND_LABELS,
  nameOf,
  evidenceText,
  numberLabel,
  OPEN_STATUSES,
  STATUS_LABELS,
  type CalendarDay,
  type Evidence,
  type HistoryVerification,
  type Locale,
} from '@rectify/core';
import { ReportLimitError } from './errors.js';
import { FORMAT_TAG, LAYOUT, LIST_SEPARATOR, MAX_CELL_TEXT, MAX_SHEET_ROWS, WORDS, type SheetLayout } from './layout.js';
import type { Ledger, LedgerFinding } from './ledger.js';
import { compressStoredZip } from './zip.js';


/** Options of {@link writeLedgerWorkbook}. */
export interface WriteLedgerOptions {
  /** The language of sheet names, headers and dropdown values. */
  locale: Locale;
  /**
   * Whether the history behind the ledger verified (a report model's `history`): said on
   * the 说明 sheet with its digest. Not read back on import: the store checks its own.
   */
  history?: HistoryVerification | undefined;
}

type CellValue = string | number | Date | undefined;
type Row = Record<string, CellValue>;

/** A calendar day as the Excel date of that day (Excel dates have no time zone: UTC midnight maps to the day). */
function excelDay(day: CalendarDay | undefined): Date | undefined {
  return day === undefined ? undefined : new Date(`${day}T00:00:00Z`);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } };

/**
 * Writes the ledger workbook people keep by hand: 问题清单 (findings, with status and
 * deadline), 任务清单 (measures), 责任清单 (who answers for each finding), 台账 (the
 * ledger entries), 名录 (names of units and people) and 说明 (the inspection, the day,
 * the categories). Headers are frozen and filterable, columns sized, status and kind
 * columns offer dropdowns, and open findings past their deadline are highlighted.
 * Text cells are formatted as text, so nothing in them (`=`, `+`, `-`, `@`) becomes
 * a formula. The same ledger gives the same bytes.
 *
 * @throws {@link ReportLimitError} when a text is longer than a cell holds (32,767
 * characters), or a sheet would have more rows than Excel opens (1,048,576: the 台账 of
 * some 87,000 findings with weekly entries for three months).
 *
 * @example
 * ```ts
 * writeFileSync('ledger.xlsx', await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' }));
 * ```
 */
export async function writeLedgerWorkbook(ledger: Ledger, options: WriteLedgerOptions): Promise<Uint8Array> {
  const { locale } = options;
  const unit = (id: string) => nameOf(ledger.directory.units, id);
  const person = (id: string) => nameOf(ledger.directory.people, id);
  const categoryTitle = new Map(ledger.categories.map((c) => [c.ordinal, c.title]));
  const label = (f: LedgerFinding) => `${f.categoryOrdinal === null ? '' : `${f.categoryOrdinal}.`}${f.ordinal} ${f.title}`;

  const wb = new (await excel()).Workbook();
  // Fixed metadata: the workbook describes the ledger as of its day, not the moment it was written.
  wb.creator = 'rectify';
  wb.lastModifiedBy = 'rectify';
  wb.created = excelDay(ledger.asOf)!;
  wb.modified = excelDay(ledger.asOf)!;
  wb.title = ledger.inspection.title.slice(0, 255);

  const problems = addSheet(wb, LAYOUT.problems, locale, ledger.findings.map((f): Row => ({
    id: f.id,
    categoryOrdinal: f.categoryOrdinal ?? undefined,
    category: f.categoryOrdinal === null ? undefined : categoryLabel(f.categoryOrdinal, categoryTitle.get(f.categoryOrdinal) ?? '', locale),
    ordinal: f.ordinal,
    title: f.title,
    status: STATUS_LABELS[f.status][locale],
    deadline: excelDay(f.deadline),
    completedOn: excelDay(f.completedOn),
    signedOffOn: excelDay(f.signedOffOn),
    reopenings: f.reopenings,
    // As the report model counts it (the deadline in force, the calendar), never again here.
    daysOverdue: f.daysOverdue,
    light: f.light === undefined ? undefined : LIGHT_LABELS[f.light][locale],
  })));
  listValidation(problems, 'status', FINDING_STATUSES.map((s) => STATUS_LABELS[s][locale]), ledger.findings.length);
  highlightOverdue(problems, ledger, locale);

  const tasks = addSheet(wb, LAYOUT.tasks, locale, ledger.findings.flatMap((f) => f.measures.map((m): Row => ({
    findingId: f.id, finding: label(f), id: m.id, ordinal: m.ordinal, text: m.text, kind: MEASURE_KIND_LABELS[m.kind][locale],
    deadline: excelDay(m.deadline), done: (m.done ? WORDS.done : WORDS.open)[locale], doneOn: excelDay(m.doneOn), evidence: evidenceCell(m.evidence, locale),
  }))));
  const measureRows = ledger.findings.reduce((n, f) => n + f.measures.length, 0);
  listValidation(tasks, 'kind', Object.values(MEASURE_KIND_LABELS).map((k) => k[locale]), measureRows);
  listValidation(tasks, 'done', [WORDS.done[locale], WORDS.open[locale]], measureRows);

  addSheet(wb, LAYOUT.responsibility, locale, ledger.findings.filter((f) => f.responsibility).map((f): Row => {
    const r = f.responsibility!;
    return {
      findingId: f.id, finding: label(f), leader: person(r.responsibleLeaderId), leadUnit: unit(r.leadUnitId),
      coUnits: r.coUnitIds.map(unit).join(LIST_SEPARATOR[locale]) || undefined, person: person(r.responsiblePersonId), originalDeadline: excelDay(f.originalDeadline),
    };
  }));

  const entries = addSheet(wb, LAYOUT.ledger, locale, ledger.findings.flatMap((f) => f.progress.map((p): Row => ({
    findingId: f.id, finding: label(f), on: excelDay(p.on), kind: WORDS[p.kind][locale], period: p.period, measureOrdinal: p.measureOrdinal, text: p.text, actor: person(p.actorId), evidence: evidenceCell(p.evidence, locale),
  }))));
  listValidation(entries, 'kind', [WORDS.update[locale], WORDS.monthly_report[locale]], ledger.findings.reduce((n, f) => n + f.progress.length, 0));

  addSheet(wb, LAYOUT.directory, locale, [
    ...ledger.directory.units.map((u): Row => ({ type: WORDS.unit[locale], id: u.id, name: u.name })),
    ...ledger.directory.people.map((p): Row => ({ type: WORDS.person[locale], id: p.id, name: p.name })),
  ]);

  addSheet(wb, LAYOUT.about, locale, [
    { key: WORDS.format[locale], value: FORMAT_TAG },
    { key: WORDS.inspectionId[locale], value: ledger.inspection.id },
    { key: WORDS.inspectionTitle[locale], value: ledger.inspection.title },
    ...(ledger.inspection.kind === undefined ? [] : [{ key: WORDS.inspectionKind[locale], value: INSPECTION_KIND_LABELS[ledger.inspection.kind][locale] }]),
    ...(ledger.inspection.inspector === undefined ? [] : [{ key: WORDS.inspector[locale], value: ledger.inspection.inspector }]),
    { key: WORDS.organisation[locale], value: ledger.organisation.name },
    { key: WORDS.asOf[locale], value: ledger.asOf },
    { key: WORDS.note[locale], value: WORDS.noteText[locale] },
    ...(options.history === undefined ? [] : [
      { key: WORDS.history[locale], value: historyWords(options.history, locale) },
      { key: WORDS.digest[locale], value: options.history.digest },
    ]),
    {},
    { key: WORDS.categoryOrdinal[locale], value: WORDS.categories[locale] },
    ...ledger.categories.map((c): Row => ({ key: String(c.ordinal), value: c.title })),
  ]);

  // exceljs only stores the parts; they are compressed, with fixed times, by compressStoredZip.
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  return compressStoredZip(new Uint8Array(stored));
}

function categoryLabel(ordinal: number, title: string, locale: Locale): string {
  return locale === 'zh-CN' ? `${numberLabel('category', ordinal)}${title}` : `${ordinal}. ${title}`;
}

/** The 佐证材料 cell: each piece of evidence in a line of its own (a file with its size and the start of its hash). */
function evidenceCell(evidence: readonly Evidence[], locale: Locale): string | undefined {
  return evidence.length === 0 ? undefined : evidence.map((e) => evidenceText(e, locale)).join('\n');
}

/** Adds a sheet with its header row (bold, filled, frozen, filterable), column widths and formats, then the rows. */
function addSheet(wb: ExcelJS.Workbook, layout: SheetLayout, locale: Locale, rows: readonly Row[]): ExcelJS.Worksheet {
  const name = layout.name[locale];
  // Excel opens no sheet longer than this: refused before any row is written (and
  // before exceljs, which holds every row in memory, runs out of room for them).
  if (rows.length + 1 > MAX_SHEET_ROWS) {
    throw new ReportLimitError(
      `A sheet holds at most ${MAX_SHEET_ROWS.toLocaleString('en')} rows; ${name} would need ${(rows.length + 1).toLocaleString('en')}. Write the ledger of fewer findings (a category or a unit at a time).`,
      { limit: MAX_SHEET_ROWS, sheet: name, rows: rows.length + 1 },
    );
  }
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  // One style object per column, shared by every cell of it. exceljs caches a style's
  // id per object in a WeakMap; a fresh object per cell (what it makes by itself) made
  // that map hold millions of keys and the ledger of 20,000 findings 3.6 × slower than
  // that of 10,000 (docs/benchmarks.md).
  const styles: Partial<ExcelJS.Style>[] = layout.columns.map((c) =>
    c.kind === 'day' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'int' ? { numFmt: '0' } : { numFmt: '@', alignment: { wrapText: c.width >= 24, vertical: 'top' } });
  ws.columns = layout.columns.map((c, i) => ({ key: c.key, header: c.header[locale], width: c.width, style: styles[i]! }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => { cell.fill = HEADER_FILL; cell.alignment = { vertical: 'middle', wrapText: true }; });
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
        const column = layout.columns.find((c) => c.key === key)!;
        throw new ReportLimitError(
          `A spreadsheet cell holds at most ${MAX_CELL_TEXT} characters; ${name} row ${i + 2} (${column.header[locale]}) has ${value.length}`,
          { limit: MAX_CELL_TEXT, sheet: name, row: i + 2, column: column.header[locale], length: value.length },
        );
      }
    }
    ws.addRow(row).eachCell({ includeEmpty: true }, (cell, column) => { cell.style = styles[column - 1]!; });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.columns.length } };
  return ws;
}

/** Rows below the data that still get dropdowns, for entries added by hand. */
const SPARE_ROWS = 200;

function columnLetter(ws: ExcelJS.Worksheet, key: string): string {
  return ws.getColumn(key).letter;
}

/** exceljs keeps range validations here; its type declarations leave the property out. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** A dropdown on a column, over the data and some spare rows below. */
function listValidation(ws: ExcelJS.Worksheet, key: string, values: readonly string[], rows: number): void {
  const letter = columnLetter(ws, key);
  // A list validation is one quoted, comma-separated string; our labels hold no comma or quote.
  (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${rows + 1 + SPARE_ROWS}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: ws.name,
    error: values.join(' / '),
  });
}

/** Open findings past their deadline, as of the ledger's day, shown in red. */
/**
 * Highlights the rows with days overdue while their status is open: the 逾期天数 the
 * model counted (a formula comparing dates here would ignore the calendar), and no
 * longer once a clerk sets the status to a done one.
 */
function highlightOverdue(ws: ExcelJS.Worksheet, ledger: Ledger, locale: Locale): void {
  const days = columnLetter(ws, 'daysOverdue');
  const status = columnLetter(ws, 'status');
  const open = OPEN_STATUSES.map((s) => `$${status}2="${STATUS_LABELS[s][locale]}"`).join(',');
  const last = ws.getColumn(LAYOUT.problems.columns.length).letter;
  ws.addConditionalFormatting({
    ref: `A2:${last}${ledger.findings.length + 1 + SPARE_ROWS}`,
    rules: [{ type: 'expression', priority: 1, formulae: [`AND(ISNUMBER($${days}2),$${days}2>0,OR(${open}))`], style: { fill: OVERDUE_FILL, font: { color: { argb: 'FF9C0006' } } } }],
  });
}

/** What the 说明 sheet says of the history behind the ledger. */
function historyWords(h: HistoryVerification, locale: Locale): string {
  const broken = h.breaks.length;
  if (broken > 0) return locale === 'zh-CN' ? `未通过：${broken} 处被改动、删除或插入（共 ${h.events} 条）` : `Failed: ${broken} events edited, removed or inserted (of ${h.events})`;
  if (h.unchained > 0) return locale === 'zh-CN' ? `${h.unchained} 条无哈希，无法校验（共 ${h.events} 条）` : `${h.unchained} of ${h.events} events carry no hash and cannot be checked`;
  return locale === 'zh-CN' ? `通过：${h.events} 条记录的哈希链完整` : `Verified: the hash chain of ${h.events} events holds`;
}

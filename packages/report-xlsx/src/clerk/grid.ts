import type ExcelJS from 'exceljs';

/** One cell as the importer sees it: what it shows, and how it sits among merges. */
export interface GridCell {
  /** `H11`. */
  address: string;
  /** Its text as written (a date cell's text is its day, `2023-11-17`); `''` when empty. */
  text: string;
  /** The value Excel stored, for dates and numbers. */
  value: string | number | Date | boolean | undefined;
  /** A formula's cell: its cached result is in `text`, and the cell is flagged. */
  formula: boolean;
  /** The top-left cell of its merge, when it is part of one and not that cell. */
  mergedFrom?: string;
  /** How many columns its merge spans (1 when not merged). */
  span: number;
}

/** A worksheet as a grid of cells, merges resolved (every cell of a merge shows the top-left's value). */
export interface Grid {
  name: string;
  /** Rows by number (1-based); a missing row is empty. */
  rows: GridCell[][];
  /** The number of columns in use. */
  width: number;
  /** Column numbers (1-based) Excel hides. */
  hiddenColumns: Set<number>;
  /** Row numbers Excel hides. */
  hiddenRows: Set<number>;
  /** The share of non-empty cells that are formulas. */
  formulaShare: number;
}

/** The letter of a column (1 = A). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function textOf(value: ExcelJS.CellValue): { text: string; value: GridCell['value']; formula: boolean } {
  if (value === null || value === undefined) return { text: '', value: undefined, formula: false };
  if (typeof value === 'string') return { text: value.trim(), value, formula: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), value, formula: false };
  if (value instanceof Date) {
    const ok = !Number.isNaN(value.getTime());
    return { text: ok ? value.toISOString().slice(0, 10) : '', value, formula: false };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), value: undefined, formula: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    const inner = result === undefined || (typeof result === 'object' && result !== null && 'error' in result) ? { text: '', value: undefined } : textOf(result);
    return { text: inner.text, value: inner.value, formula: true };
  }
  if ('text' in value && typeof value.text === 'string') return { text: value.text.trim(), value: value.text, formula: false };
  return { text: '', value: undefined, formula: false };
}

/**
 * Reads a worksheet into a {@link Grid}. exceljs already answers a merged cell with
 * the value of the merge's top-left cell, which is what a clerk who merged 问题类别
 * down five rows means; the grid also records which cells were merged from where,
 * so that a problem merged over its measures' rows reads as one problem.
 */
export function gridOf(ws: ExcelJS.Worksheet): Grid {
  const spans = new Map<string, number>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (m) spans.set(`${m[1]}${m[2]}`, colNumber(m[3]!) - colNumber(m[1]!) + 1);
  }
  const rows: GridCell[][] = [];
  let width = 0;
  let filled = 0;
  let formulas = 0;
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (row.hidden) hiddenRows.add(number);
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const master = cell.isMerged ? cell.master : cell;
      const { text, value, formula } = textOf(master.value);
      const mergedFrom = master.address !== cell.address ? master.address : undefined;
      cells[col] = { address: cell.address, text, value, formula, ...(mergedFrom ? { mergedFrom } : {}), span: mergedFrom ? 1 : (spans.get(cell.address) ?? 1) };
      if (text !== '' && !mergedFrom) {
        filled++;
        if (formula) formulas++;
      }
      if (text !== '') width = Math.max(width, col);
    });
    rows[number] = cells;
  });
  const hiddenColumns = new Set<number>();
  for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c);
  return { name: ws.name, rows, width, hiddenColumns, hiddenRows, formulaShare: filled === 0 ? 0 : formulas / filled };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The cell at a row and column, or an empty one. */
export function cellAt(grid: Grid, row: number, col: number): GridCell {
  return grid.rows[row]?.[col] ?? { address: `${columnLetter(col)}${row}`, text: '', value: undefined, formula: false, span: 1 };
}

/** The number of the last row that holds anything. */
export function lastRow(grid: Grid): number {
  return grid.rows.length - 1;
}

import { decodeText, type DecodedText, type TextEncoding } from '@rectify/core';
import { columnLetter, type Grid, type GridCell } from './grid.js';

/**
 * A ledger saved as CSV, as a one-sheet grid. The text is UTF-8 (with or without a
 * BOM), UTF-16 with its BOM, or, when it is not valid UTF-8, GB18030 — what Chinese
 * Excel writes for "CSV (逗号分隔)". Fields are separated by commas, tabs or
 * semicolons (whichever the first lines use most), quoted as RFC 4180 says, with line
 * breaks inside quotes kept.
 */
export function csvSheet(data: Uint8Array, name: string): { sheet: { name: string; hidden: false; grid: () => Grid }; encoding: TextEncoding } | Extract<DecodedText, { ok: false }> {
  const decoded = decodeText(data);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded;
  const rows = parseCsv(text);
  const grid: Grid = { name, rows: [], width: 0, hiddenColumns: new Set(), hiddenRows: new Set(), formulaShare: 0 };
  rows.forEach((fields, i) => {
    const cells: GridCell[] = [];
    fields.forEach((field, j) => {
      const text = field.trim();
      cells[j + 1] = { address: `${columnLetter(j + 1)}${i + 1}`, text, value: text === '' ? undefined : text, formula: false, span: 1 };
      if (text !== '') grid.width = Math.max(grid.width, j + 1);
    });
    grid.rows[i + 1] = cells;
  });
  return { sheet: { name, hidden: false, grid: () => grid }, encoding };
}

/** RFC 4180 fields, with the separator guessed from the first lines. */
export function parseCsv(text: string): string[][] {
  const sample = text.split(/\r?\n/, 5).join('\n');
  const separator = [',', '\t', ';'].map((c) => [c, sample.split(c).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

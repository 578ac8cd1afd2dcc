import { cellAt, columnLetter, lastRow, type Grid, type GridCell } from './grid.js';
import { matchHeader, weekColumn, type LedgerField } from './headers.js';
import type { IssueLog } from './issues.js';
import { normaliseLabel, readStatusText } from './words.js';

/** One column of a table: where it is, what its header says and what the importer takes it for. */
export interface TableColumn {
  col: number;
  letter: string;
  header: string;
  /** `undefined`: not understood, left out (listed in the preview). */
  field: LedgerField | undefined;
  /** A week's progress column (第3周, 10月8日). */
  week?: boolean;
}

/** A table found in a sheet: its header rows, columns and the rows above (title, 填报时间). */
export interface Table {
  grid: Grid;
  headerRows: number[];
  columns: TableColumn[];
  /** The text of each row above the header (a title, 填报单位/填报时间), in order. */
  above: string[];
  /** The first data row. */
  firstRow: number;
}

/** What the sheet's mapping says, if anything. */
export interface SheetMapping {
  headerRow?: number | undefined;
  columns?: Readonly<Record<string, LedgerField>>;
}

const KEY_FIELDS: readonly LedgerField[] = ['title', 'measures', 'link'];

/**
 * Finds the header row of a sheet: among its first 30 rows, the one whose cells
 * name the most known fields (at least two, one of them a problem, a measure or a
 * link to a problem). A header whose cells are merged down over the next row, or
 * a merged group label (责任分工) over sub-headers (责任领导/责任部门/责任人), makes a
 * two-row header, read as one.
 */
export function findTable(grid: Grid, mapping: SheetMapping, log: IssueLog): Table | undefined {
  const extra = new Map(Object.entries(mapping.columns ?? {}).map(([h, f]) => [normaliseLabel(h), f]));
  const scoreOf = (row: number) => {
    const fields = new Set<LedgerField | 'ambiguous'>();
    for (const cell of grid.rows[row] ?? []) {
      if (!cell || cell.mergedFrom || cell.text === '') continue;
      const m = matchHeader(cell.text, extra);
      if (m) fields.add('field' in m ? m.field : 'ambiguous');
    }
    return fields;
  };
  let best: { row: number; score: number } | undefined;
  if (mapping.headerRow !== undefined) best = { row: mapping.headerRow, score: scoreOf(mapping.headerRow).size };
  else {
    for (let r = 1; r <= Math.min(30, lastRow(grid)); r++) {
      const fields = scoreOf(r);
      // A 责任清单 names its problem by 问题序号, which reads as a number until its sheet is settled.
      const joinsProblems = fields.has('ordinal') && (fields.has('leader') || fields.has('leadUnit') || fields.has('person'));
      if (fields.size < 2 || !(KEY_FIELDS.some((f) => fields.has(f)) || joinsProblems)) continue;
      if (best === undefined || fields.size > best.score) best = { row: r, score: fields.size };
    }
  }
  if (best === undefined) return undefined;
  const h = best.row;
  const below = h + 1;
  const twoRows = (grid.rows[below] ?? []).some((cell, col) => {
    if (!cell || cell.text === '') return false;
    const upper = cellAt(grid, h, col);
    const underGroup = upper.mergedFrom !== undefined || upper.span > 1;
    return (cell.mergedFrom === upper.address && upper.text !== '') || (underGroup && !cell.mergedFrom && matchHeader(cell.text, extra) !== undefined);
  });
  const headerRows = twoRows ? [h, below] : [h];
  const columns: TableColumn[] = [];
  for (let col = 1; col <= grid.width; col++) {
    const upper = cellAt(grid, h, col);
    const lower = twoRows ? cellAt(grid, below, col) : undefined;
    const header = lower && lower.text !== '' && lower.mergedFrom !== upper.address && (lower.mergedFrom === undefined || matchHeader(lower.text, extra)) ? lower.text : upper.text;
    if (header === '') continue;
    if (grid.hiddenColumns.has(col)) {
      log.warn('sheet.hidden_columns', { sheet: grid.name, cell: `${columnLetter(col)}${h}`, header }, `隐藏列“${header}”未导入`, `the hidden column "${header}" is not imported`);
      continue;
    }
    const m = matchHeader(header, extra);
    columns.push({ col, letter: columnLetter(col), header, field: m && 'field' in m ? m.field : undefined, ...(m === undefined && weekColumn(header) ? { week: true } : {}) });
    if (m && 'ambiguous' in m) (columns.at(-1) as TableColumn & { ambiguous?: readonly LedgerField[] }).ambiguous = m.ambiguous;
  }
  const firstRow = headerRows.at(-1)! + 1;
  settle(grid, columns, firstRow, log);
  const above: string[] = [];
  for (let r = 1; r < h; r++) {
    const texts = [...new Set((grid.rows[r] ?? []).filter((c) => c && c.text !== '').map((c) => c.text))];
    if (texts.length > 0) above.push(texts.join(' '));
  }
  return { grid, headerRows, columns, above, firstRow };
}

/**
 * Settles what the header words alone cannot: an ambiguous header by its column's
 * content (完成时间 next to a 整改时限 is the completion day), a second problem
 * column as the detail, a 问题序号 beside a 序号 as the link to the problem list.
 */
function settle(grid: Grid, columns: TableColumn[], firstRow: number, log: IssueLog): void {
  const has = (f: LedgerField) => columns.some((c) => c.field === f);
  for (const c of columns as (TableColumn & { ambiguous?: readonly LedgerField[] })[]) {
    if (!c.ambiguous) continue;
    const values = columnTexts(grid, c.col, firstRow);
    let field: LedgerField;
    if (c.ambiguous.includes('completedOn')) field = has('deadline') ? 'completedOn' : 'deadline';
    else {
      const statusLike = values.filter((v) => readStatusText(v) !== undefined && v.length <= 12).length;
      field = values.length > 0 && statusLike * 2 >= values.length ? 'status' : 'progress';
    }
    c.field = has(field) ? 'note' : field;
    log.warn('header.ambiguous', { sheet: grid.name, cell: `${c.letter}${firstRow - 1}`, header: c.header, read: c.field },
      `表头“${c.header}”含义不唯一，按本列内容读作${FIELD_ZH[c.field]}；如不对，请在映射文件中指定`,
      `the header "${c.header}" can mean several things; read as ${c.field} from what the column holds (say otherwise in the mapping file)`);
    delete c.ambiguous;
  }
  // 问题序号 beside a 序号 of its own, or in a sheet that lists no problems (任务清单, 责任清单), points to the problem.
  const ordinals = columns.filter((c) => c.field === 'ordinal');
  if (ordinals.length > 1 || (ordinals.length === 1 && !has('title'))) {
    for (const c of ordinals) if (/问题|finding/i.test(c.header)) c.field = 'link';
  }
  // A 联系人 (contact) stands for the responsible person only where the ledger has no 责任人 column.
  const people = columns.filter((c) => c.field === 'person');
  if (people.length > 1) for (const c of people) if (/联系人|contact/i.test(c.header)) c.field = 'ignored';
  const seen = new Set<LedgerField>();
  for (const c of columns) {
    if (c.field === undefined || c.field === 'ignored' || c.field === 'progress') continue;
    if (!seen.has(c.field)) {
      seen.add(c.field);
      continue;
    }
    if (c.field === 'title' && !seen.has('detail')) {
      c.field = 'detail';
      seen.add('detail');
    } else {
      log.warn('header.duplicate', { sheet: grid.name, cell: `${c.letter}${firstRow - 1}`, header: c.header },
        `表头“${c.header}”与前面的列含义相同，本列未导入`, `the column "${c.header}" means the same as an earlier one and is not imported`);
      c.field = undefined;
    }
  }
}

function columnTexts(grid: Grid, col: number, from: number): string[] {
  const out: string[] = [];
  for (let r = from; r <= Math.min(lastRow(grid), from + 200); r++) {
    const t = cellAt(grid, r, col).text;
    if (t !== '') out.push(t);
  }
  return out;
}

/** Field names in Chinese, for messages. */
export const FIELD_ZH: Readonly<Record<LedgerField, string>> = {
  ordinal: '序号', id: '编号', link: '问题序号', category: '问题类别', title: '问题', detail: '问题详情', measures: '整改措施',
  goal: '整改目标', kind: '整改类型', principalLeader: '牵头领导', leader: '责任领导', leadUnit: '责任单位', coUnits: '配合单位',
  person: '责任人', deadline: '整改时限', revisedDeadline: '调整后时限', status: '完成情况', progress: '整改进展', completedOn: '完成时间',
  signedOffOn: '销号时间', note: '备注', ignored: '不导入',
};

/** The cells of one row by field (the first column of each field), and the week columns. */
export function rowCells(table: Table, row: number): { by: Partial<Record<LedgerField, GridCell & { header: string }>>; weeks: (GridCell & { header: string })[] } {
  const by: Partial<Record<LedgerField, GridCell & { header: string }>> = {};
  const weeks: (GridCell & { header: string })[] = [];
  for (const c of table.columns) {
    const cell = { ...cellAt(table.grid, row, c.col), header: c.header };
    if (c.week) weeks.push(cell);
    else if (c.field === 'progress' && by.progress) weeks.push(cell);
    else if (c.field !== undefined && by[c.field] === undefined) by[c.field] = cell;
  }
  return { by, weeks };
}

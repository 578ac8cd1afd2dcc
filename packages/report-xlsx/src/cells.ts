import type ExcelJS from 'exceljs';
import { isCalendarDay, isCalendarMonth, parseChineseDate, text, type CalendarDay, type LocalizedText } from '@rectify/core';

/**
 * What a cell holds once read, or why it cannot be used: in both languages, each to
 * follow the column's header (`整改期限` + `须为日期…`, `Deadline` + ` must be a date…`).
 */
export type CellRead<T> = { ok: true; value: T | undefined } | { ok: false; message: LocalizedText };

const ok = <T>(value: T | undefined): CellRead<T> => ({ ok: true, value });
const bad = (zh: string, en: string): CellRead<never> => ({ ok: false, message: text(zh, en) });

/**
 * The text of a cell, whatever Excel stored: a string, a number typed into a text
 * column, rich text, a hyperlink's text. A formula is refused: a ledger holds what
 * people wrote, and a formula imported as data is how spreadsheet injection starts.
 */
export function readText(cell: ExcelJS.Cell): CellRead<string> {
  const v = cell.value;
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === 'string') return ok(v.trim() === '' ? undefined : v);
  if (typeof v === 'number' || typeof v === 'boolean') return ok(String(v));
  if (v instanceof Date) {
    const day = dayOfDate(v);
    return day === undefined ? bad('不是 Excel 能显示的日期', 'is not a date Excel can show') : ok(day);
  }
  if ('formula' in v || 'sharedFormula' in v) return bad('含有公式；请直接填写数值（不导入公式）', 'holds a formula; type the value itself (formulas are not imported)');
  if ('richText' in v) return ok(v.richText.map((r) => r.text).join('') || undefined);
  if ('text' in v && typeof v.text === 'string') return ok(v.text);
  if ('error' in v) return bad(`含有错误值 ${String(v.error)}`, `holds the error ${String(v.error)}`);
  return bad('含有非文本的值', 'holds a value that is not text');
}

/**
 * An identifier, a name or a key word: the cell's text without the spaces a clerk types
 * or pastes around it (ASCII, NBSP from a web page, the ideographic space of a Chinese
 * IME). `"u-law "` and `"u-law"` are one unit; narrative text keeps its spacing.
 */
export function readName(cell: ExcelJS.Cell): CellRead<string> {
  const t = readText(cell);
  if (!t.ok || t.value === undefined) return t;
  const trimmed = t.value.trim();
  return ok(trimmed === '' ? undefined : trimmed);
}

/** A whole number, from a number or digits. */
export function readInt(cell: ExcelJS.Cell, min = 1): CellRead<number> {
  const t = readText(cell);
  if (!t.ok || t.value === undefined) return t as CellRead<never>;
  const n = typeof cell.value === 'number' ? cell.value : /^\s*\d+\s*$/.test(t.value) ? Number(t.value) : NaN;
  if (!Number.isInteger(n) || n < min) return bad(`须为不小于 ${min} 的整数（现为“${t.value}”）`, `must be a whole number of at least ${min} (found "${t.value}")`);
  return ok(n);
}

/** Excel's day 0 (1899-12-30) in UTC milliseconds: Excel serial dates count days from it. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The day of a date read as UTC midnight, or undefined for an invalid date or one
 * outside the years Excel shows (1900–9999); `toISOString` throws on the first and
 * writes `+275760-…` for the second.
 */
function dayOfDate(date: Date): CalendarDay | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? date.toISOString().slice(0, 10) : undefined;
}

/**
 * A calendar day from an Excel date (read as UTC midnight, so the machine's time zone
 * never shifts it), a date serial, or text: `2023-11-30`, `2023/11/30`, `2023年11月30日`.
 */
export function readDay(cell: ExcelJS.Cell): CellRead<CalendarDay> {
  const v = cell.value;
  if (v instanceof Date) {
    const day = dayOfDate(v);
    return day === undefined ? bad('须为 1900 年至 9999 年之间的日期', 'is not a date between 1900 and 9999') : ok(day);
  }
  if (typeof v === 'number') {
    const day = Number.isInteger(v) && v >= 1 ? dayOfDate(new Date(EXCEL_EPOCH + v * 86_400_000)) : undefined;
    return day === undefined ? bad(`须为 1900 年至 9999 年之间的日期（现为 ${v}）`, `must be a date between 1900 and 9999 (found ${v})`) : ok(day);
  }
  const t = readText(cell);
  if (!t.ok || t.value === undefined) return t as CellRead<never>;
  const s = t.value.trim();
  const slashed = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s);
  const day = slashed ? `${slashed[1]}-${slashed[2]!.padStart(2, '0')}-${slashed[3]!.padStart(2, '0')}` : parseChineseDate(s);
  if (day === undefined || !isCalendarDay(day)) return bad(`须为日期，如 2023-11-30 或 2023年11月30日（现为“${s}”）`, `must be a date such as 2023-11-30 or 2023年11月30日 (found "${s}")`);
  return ok(day);
}

/** A month, `YYYY-MM`. */
export function readMonth(cell: ExcelJS.Cell): CellRead<string> {
  const t = readText(cell);
  if (!t.ok || t.value === undefined) return t;
  const m = /^(\d{4})[-/年](\d{1,2})月?$/.exec(t.value.trim());
  const month = m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : t.value.trim();
  if (!isCalendarMonth(month)) return bad(`须为月份，如 2023-10 或 2023年10月（现为“${t.value}”）`, `must be a month such as 2023-10 (found "${t.value}")`);
  return ok(month);
}

/**
 * One of a fixed set of words, in either language (or the value's identifier).
 * `choices` maps each accepted word to the value it stands for.
 */
export function readChoice<T>(cell: ExcelJS.Cell, choices: ReadonlyMap<string, T> | ((word: string) => T | undefined), shown: readonly string[]): CellRead<T> {
  const t = readText(cell);
  if (!t.ok || t.value === undefined) return t as CellRead<never>;
  const value = typeof choices === 'function' ? choices(t.value.trim()) : choices.get(t.value.trim());
  if (value === undefined) return bad(`须为以下之一：${shown.join('、')}（现为“${t.value}”）`, `must be one of ${shown.join(', ')} (found "${t.value}")`);
  return ok(value);
}

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readChoice, readDay, readInt, readMonth, readText } from '../src/cells.js';

/** A cell holding `value`, as exceljs gives it after reading a file. */
function cell(value: ExcelJS.CellValue): ExcelJS.Cell {
  const ws = new ExcelJS.Workbook().addWorksheet('s');
  ws.getCell('A1').value = value;
  return ws.getCell('A1');
}

describe('reading cells', () => {
  it('reads text however Excel stored it, and refuses formulas and errors', () => {
    expect(readText(cell('整改'))).toEqual({ ok: true, value: '整改' });
    expect(readText(cell('   '))).toEqual({ ok: true, value: undefined });
    expect(readText(cell(2023))).toEqual({ ok: true, value: '2023' });
    expect(readText(cell(true))).toEqual({ ok: true, value: 'true' });
    expect(readText(cell({ richText: [{ text: '加粗' }, { text: '部分' }] }))).toEqual({ ok: true, value: '加粗部分' });
    expect(readText(cell({ text: '链接', hyperlink: 'https://example.cn' }))).toEqual({ ok: true, value: '链接' });
    expect(readText(cell({ formula: 'A2', result: 1 }))).toMatchObject({ ok: false, message: { 'zh-CN': expect.any(String), en: expect.stringContaining('formula') } });
    expect(readText(cell({ error: '#N/A' } as ExcelJS.CellErrorValue))).toMatchObject({ ok: false, message: { 'zh-CN': expect.any(String), en: 'holds the error #N/A' } });
  });

  it('reads whole numbers from numbers or digits only', () => {
    expect(readInt(cell(3))).toEqual({ ok: true, value: 3 });
    expect(readInt(cell(' 12 '))).toEqual({ ok: true, value: 12 });
    expect(readInt(cell(0), 0)).toEqual({ ok: true, value: 0 });
    expect(readInt(cell(0))).toMatchObject({ ok: false, message: { 'zh-CN': expect.any(String), en: 'must be a whole number of at least 1 (found "0")' } });
    expect(readInt(cell(1.5))).toMatchObject({ ok: false });
    expect(readInt(cell('三'))).toMatchObject({ ok: false });
  });

  it('reads days from Excel dates, serial numbers and the ways people type them, in any time zone', () => {
    expect(readDay(cell(new Date('2023-11-30T00:00:00Z')))).toEqual({ ok: true, value: '2023-11-30' });
    expect(readDay(cell(45260))).toEqual({ ok: true, value: '2023-11-30' });
    for (const typed of ['2023-11-30', '2023/11/30', '2023.11.30', '2023年11月30日', '２０２３年１１月３０日']) expect(readDay(cell(typed))).toEqual({ ok: true, value: '2023-11-30' });
    expect(readDay(cell('2023-02-29'))).toMatchObject({ ok: false });
    expect(readDay(cell(45260.5))).toMatchObject({ ok: false });
    expect(readDay(cell(new Date(Number.NaN)))).toMatchObject({ ok: false, message: { 'zh-CN': expect.any(String), en: 'is not a date between 1900 and 9999' } });
    // Found by fuzzing: a huge serial made a date toISOString cannot write (a RangeError).
    expect(readDay(cell(880_783_176_107_688))).toMatchObject({ ok: false, message: { 'zh-CN': expect.any(String), en: 'must be a date between 1900 and 9999 (found 880783176107688)' } });
    expect(readDay(cell(2_958_465))).toEqual({ ok: true, value: '9999-12-31' });
    expect(readDay(cell(2_958_466))).toMatchObject({ ok: false });
    expect(readText(cell(new Date(Number.NaN)))).toMatchObject({ ok: false });
    expect(readDay(cell(null))).toEqual({ ok: true, value: undefined });
  });

  it('reads months and choices', () => {
    expect(readMonth(cell('2023-9'))).toEqual({ ok: true, value: '2023-09' });
    expect(readMonth(cell('2023年10月'))).toEqual({ ok: true, value: '2023-10' });
    expect(readMonth(cell('十月'))).toMatchObject({ ok: false });
    const choices = new Map([['是', true], ['否', false]]);
    expect(readChoice(cell('否'), choices, ['是', '否'])).toEqual({ ok: true, value: false });
    expect(readChoice(cell('也许'), choices, ['是', '否'])).toMatchObject({ ok: false, message: { 'zh-CN': '须为以下之一：是、否（现为“也许”）', en: 'must be one of 是, 否 (found "也许")' } });
  });
});

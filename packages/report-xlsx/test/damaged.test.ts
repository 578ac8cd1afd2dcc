import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { worldReportModel } from '@rectify/testing';
import { ledgerOf, readClerkLedger, readLedgerWorkbook, WorkbookValidationError, writeLedgerWorkbook } from '../src/index.js';
import { xmlFaultOf } from '../src/xml-fault.js';

/** The workbook with one part's text changed by `edit`, as a half-copied or hand-patched file has it. */
function damaged(workbook: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(workbook);
  expect(parts[part], part).toBeDefined();
  return zipSync({ ...parts, [part]: strToU8(edit(strFromU8(parts[part]!))) });
}

/** The sheet name workbook.xml gives the worksheet part `part`, read the long way round, for the test to compare with. */
function sheetOfPart(workbook: Uint8Array, part: string): string {
  const parts = unzipSync(workbook);
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']!);
  const id = new RegExp(`Id="([^"]+)"[^>]*Target="/?(?:xl/)?${part.replace(/^xl\//, '')}"`).exec(rels)?.[1]
    ?? new RegExp(`Target="/?(?:xl/)?${part.replace(/^xl\//, '')}"[^>]*Id="([^"]+)"`).exec(rels)?.[1];
  return new RegExp(`<sheet [^>]*name="([^"]+)"[^>]*r:id="${id}"`).exec(strFromU8(parts['xl/workbook.xml']!))![1]!;
}

const CLERK = join(import.meta.dirname, 'ledgers', 'corpus', '11_xuncha_one_row_per_measure_merged.xlsx');

describe('a damaged workbook', () => {
  it('names the broken part and its sheet, in the rectify reader and the clerk reader', async () => {
    const own = await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 3 })), { locale: 'zh-CN' });
    const sheet = 'xl/worksheets/sheet3.xml';
    const name = sheetOfPart(own, sheet);
    const cases: [string, (xml: string) => string, RegExp][] = [
      // A closing tag mistyped by hand.
      [sheet, (x) => x.replace('</sheetData>', '</sheetDat>'), /unexpected close tag/],
      // A part cut short (a copy interrupted): exceljs fails with "reading 'richText'".
      ['xl/sharedStrings.xml', (x) => x.slice(0, Math.floor(x.length / 2)), /unclosed tag|unexpected end/i],
      ['xl/workbook.xml', (x) => x.replace('<sheets>', '<sheets><<'), /disallowed character in tag name/],
    ];
    for (const [part, edit, reason] of cases) {
      const bytes = damaged(own, part, edit);
      const fault = xmlFaultOf(bytes);
      expect(fault?.part, part).toBe(part);
      expect(fault?.reason, part).toMatch(reason);
      const error = await readLedgerWorkbook(bytes).then(() => undefined, (e: unknown) => e);
      expect(error, part).toBeInstanceOf(WorkbookValidationError);
      const [cell] = (error as WorkbookValidationError).cells;
      expect(cell!.message, part).toContain(`the part ${part}`);
      if (part === sheet) {
        expect(cell!.sheet).toBe(name);
        expect(cell!.message).toContain(`(the sheet "${name}") is damaged, not well-formed XML (`);
      }
    }
    const clerk = readFileSync(CLERK);
    const broken = damaged(clerk, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<\/row>/, '</rwo>'));
    const read = await readClerkLedger(broken, { today: '2024-01-01' });
    expect(read.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'workbook.damaged']]);
    expect(read.issues[0]!.message['zh-CN']).toContain(`xl/worksheets/sheet1.xml（工作表“${sheetOfPart(clerk, 'xl/worksheets/sheet1.xml')}”）已损坏`);
  });

  it('finds no fault in a sound workbook or in what is no ZIP archive', async () => {
    expect(xmlFaultOf(await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 3 })), { locale: 'en' }))).toBeUndefined();
    expect(xmlFaultOf(readFileSync(CLERK))).toBeUndefined();
    expect(xmlFaultOf(strToU8('not a zip'))).toBeUndefined();
  });
});

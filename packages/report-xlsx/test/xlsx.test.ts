import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evidenceText, isRectifyError, type Evidence } from '@rectify/core';
import { testReportRenderer, worldReportModel, zipPart } from '@rectify/testing';
import { edited } from './edited.js';
import { ledgerOf, MAX_CELL_TEXT, MAX_SHEET_ROWS, readLedgerWorkbook, WorkbookValidationError, writeLedgerWorkbook, xlsxLedgerRenderer, type CellIssue } from '../src/index.js';

/** Every cell's text in every sheet, as someone reading the workbook in Excel sees it. */
async function workbookText(data: string | Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text)))));
  return out.join('\n');
}



testReportRenderer({
  renderer: xlsxLedgerRenderer,
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: '.xlsx',
  signature: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
  readText: workbookText,
  maxTextLength: MAX_CELL_TEXT,
});

async function issuesOf(data: Uint8Array): Promise<CellIssue[]> {
  const error = await readLedgerWorkbook(data).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookValidationError);
  expect(isRectifyError(error, 'validation')).toBe(true);
  return [...(error as WorkbookValidationError).cells];
}

describe('ledger workbook', () => {
  it('round-trips: export → import → export gives the same bytes and the same ledger, in both languages', async () => {
    const model = await worldReportModel({ findings: 40 });
    for (const locale of ['zh-CN', 'en'] as const) {
      const ledger = ledgerOf(model);
      const first = await writeLedgerWorkbook(ledger, { locale });
      const { source, ...back } = await readLedgerWorkbook(first);
      // Evidence comes back as the lines people read in 佐证材料, each a note, in the workbook's language.
      const asRead = (evidence: readonly Evidence[]) => evidence.map((e) => ({ kind: 'note', text: evidenceText(e, locale) }));
      expect(ledger.findings.some((f) => f.progress.some((p) => p.evidence.length > 0)) && ledger.findings.some((f) => f.measures.some((m) => m.evidence.length > 0))).toBe(true);
      expect(back).toEqual({ ...ledger, findings: ledger.findings.map((f) => ({ ...f, measures: f.measures.map((m) => ({ ...m, evidence: asRead(m.evidence) })), progress: f.progress.map((p) => ({ ...p, evidence: asRead(p.evidence) })) })) });
      expect(Buffer.from(await writeLedgerWorkbook(back, { locale })).equals(Buffer.from(first))).toBe(true);
      // What was read where: each finding's row in 问题清单 holds its id, each 台账 row its entry.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(first as unknown as ArrayBuffer);
      const problems = wb.getWorksheet(source!.sheets.problems.name)!;
      const entries = wb.getWorksheet(source!.sheets.ledger.name)!;
      const idColumn = source!.sheets.problems.columns['id']!.letter;
      const textColumn = source!.sheets.ledger.columns['text']!.letter;
      expect(source!.sheets.ledger.columns['text']!.header).toBe('进展情况');
      for (const f of ledger.findings) {
        const rows = source!.findings.get(f.id)!;
        expect(problems.getCell(`${idColumn}${rows.problems}`).value).toBe(f.id);
        expect(f.progress.map((_, i) => entries.getCell(`${textColumn}${rows.progress[i]}`).value)).toEqual(f.progress.map((p) => p.text));
      }
    }
  });

  it('refuses a ledger longer than a sheet holds, naming the sheet and the rows it would need', async () => {
    const ledger = ledgerOf(await worldReportModel({ findings: 2 }));
    const [first, ...rest] = ledger.findings;
    const entry = first!.progress[0] ?? { on: '2023-09-01', kind: 'update' as const, period: undefined, measureOrdinal: undefined, text: '进展', actorId: 'p', evidence: [] };
    const long = { ...ledger, findings: [{ ...first!, progress: Array.from({ length: MAX_SHEET_ROWS }, () => entry) }, ...rest] };
    const refusal = await writeLedgerWorkbook(long, { locale: 'zh-CN' }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'report.limit', details: { limit: MAX_SHEET_ROWS, rows: MAX_SHEET_ROWS + rest.reduce((n, f) => n + f.progress.length, 0) + 1 } });
    expect((refusal as Error).message).toMatch(/A sheet holds at most 1,048,576 rows; .+ would need 1,048,5\d\d/);
  });

  it('has the four lists plus the directory and about sheets, frozen headers, widths, dropdowns and overdue highlighting', async () => {
    const model = await worldReportModel();
    const data = await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '任务清单', '责任清单', '台账', '名录', '说明']);
    const problems = wb.getWorksheet('问题清单')!;
    expect(problems.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(problems.getColumn(5).width).toBe(60);
    expect(problems.getRow(1).getCell(6).text).toBe('整改状态');
    const sheet1 = zipPart(data, 'xl/worksheets/sheet1.xml');
    expect(sheet1).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1"[^>]*sqref="F2:F\d+"/);
    expect(sheet1).toContain('未启动,正在整改,已完成');
    // The rule highlights what 逾期天数 holds (the model's count) while the status is open.
    expect(sheet1).toMatch(/<conditionalFormatting sqref="A2:L\d+"><cfRule type="expression"[^>]*><formula>AND\(ISNUMBER\(\$K2\),\$K2&gt;0,OR\(\$F2=&quot;未启动&quot;,\$F2=&quot;正在整改&quot;,\$F2=&quot;重新整改&quot;\)\)/);
    // Every overdue finding of the analysis is a row the rule highlights, with its days overdue.
    const overdue = model.analysis.overdue.map((o) => `${o.findingId} ${o.daysOverdue}`).sort();
    const highlighted: string[] = [];
    problems.eachRow((row, n) => {
      const days = row.getCell(11).value;
      if (n > 1 && typeof days === 'number' && days > 0 && ['未启动', '正在整改', '重新整改'].includes(row.getCell(6).text)) highlighted.push(`${row.getCell(1).text} ${days}`);
    });
    expect(highlighted.sort()).toEqual(overdue);
    // 预警: each finding's light as the model has it (red for the overdue ones), blank with none.
    const lit: string[] = [];
    problems.eachRow((row, n) => {
      if (n > 1 && row.getCell(12).text !== '') lit.push(`${row.getCell(1).text} ${row.getCell(12).text}`);
    });
    const byModel = model.categories.flatMap((c) => c.findings).filter((f) => f.light !== undefined).map((f) => `${f.id} ${{ green: '绿灯', yellow: '黄灯', red: '红灯' }[f.light!]}`);
    expect(lit.sort()).toEqual(byModel.sort());
    expect(lit.filter((l) => l.endsWith('红灯')).length).toBeGreaterThanOrEqual(overdue.length);
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('counts 逾期天数 with the calendar of the model: a deadline on a rest day stands until the next working day', async () => {
    // 17 November 2023 was a Friday; here it and the weekend after it are rest days, so a
    // deadline of the 17th stands until Monday the 20th, the day reported on.
    const rests = new Set(['2023-11-17', '2023-11-18', '2023-11-19']);
    const model = await worldReportModel({ calendar: { name: 'rests-17-19-nov', isWorkingDay: (d) => !rests.has(d) } });
    const plain = await worldReportModel();
    const due17 = (m: typeof model) => m.analysis.overdue.filter((o) => o.deadline === '2023-11-17');
    expect(due17(plain).length).toBeGreaterThan(0);
    expect(due17(model)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' }) as unknown as ArrayBuffer);
    const shown: string[] = [];
    wb.getWorksheet('问题清单')!.eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(11).value === 'number') shown.push(`${row.getCell(1).text} ${String(row.getCell(11).value)}`);
    });
    expect(shown.sort()).toEqual(model.analysis.overdue.map((o) => `${o.findingId} ${o.daysOverdue}`).sort());
  });

  it('keeps text that looks like a formula as text, in cells formatted as text', async () => {
    const model = await worldReportModel();
    const f = model.categories[0]!.findings[0]!;
    for (const [i, bad] of ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)'].entries()) f.measures[0]!.text = i === 0 ? bad : f.measures[0]!.text + bad;
    f.title = '=1+1';
    const data = await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' });
    for (let n = 1; n <= 6; n++) expect(zipPart(data, `xl/worksheets/sheet${n}.xml`)).not.toContain('<f>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('问题清单')!.getCell('E2');
    expect(cell.value).toBe('=1+1');
    expect(cell.numFmt).toBe('@');
    expect((await readLedgerWorkbook(data)).findings[0]!.title).toBe('=1+1');
  });

  it('names every bad cell with its sheet, row, column and what is wrong, and returns nothing', async () => {
    const good = await writeLedgerWorkbook(ledgerOf(await worldReportModel()), { locale: 'zh-CN' });
    const bad = await edited(good, (wb) => {
      const problems = wb.getWorksheet('问题清单')!;
      problems.getCell('F3').value = '完成了';
      problems.getCell('G4').value = '2023-13-45';
      problems.getCell('E5').value = { formula: 'CONCAT("a","b")', result: 'ab' } as ExcelJS.CellFormulaValue;
      problems.getCell('A6').value = problems.getCell('A2').value;
      const tasks = wb.getWorksheet('任务清单')!;
      tasks.getCell('A2').value = 'no-such-finding';
      tasks.getCell('H3').value = '差不多';
      const responsibility = wb.getWorksheet('责任清单')!;
      responsibility.getCell('F2').value = '张三';
      wb.getWorksheet('台账')!.getCell('C2').value = '昨天';
    });
    const issues = await issuesOf(bad);
    const at = (sheet: string, cell: string) => issues.find((i) => i.sheet === sheet && `${i.column}${i.row}` === cell);
    expect(at('问题清单', 'F3')?.message).toMatch(/整改状态 must be one of 未启动, 正在整改.*\(found "完成了"\)/);
    expect(at('问题清单', 'G4')?.message).toContain('整改期限 must be a date');
    expect(at('问题清单', 'E5')?.message).toContain('holds a formula');
    expect(at('问题清单', 'A6')?.message).toContain('is used twice');
    expect(at('任务清单', 'A2')?.message).toBe('No finding "no-such-finding" in 问题清单');
    expect(at('任务清单', 'H3')?.message).toContain('完成情况 must be one of 已完成, 未完成');
    expect(at('责任清单', 'F2')?.message).toContain('no person named "张三"; add it to the sheet 名录');
    expect(at('台账', 'C2')?.message).toContain('日期 must be a date');
    // The same in Chinese, for a clerk: every cell's message has its own wording.
    expect(at('问题清单', 'F3')?.localized['zh-CN']).toMatch(/^整改状态须为以下之一：未启动、正在整改.*（现为“完成了”）$/);
    expect(at('问题清单', 'G4')?.localized['zh-CN']).toBe('整改期限须为日期，如 2023-11-30 或 2023年11月30日（现为“2023-13-45”）');
    expect(at('问题清单', 'E5')?.localized['zh-CN']).toBe('反馈问题含有公式；请直接填写数值（不导入公式）');
    expect(at('任务清单', 'A2')?.localized['zh-CN']).toBe('“问题清单”中没有编号为“no-such-finding”的问题');
    expect(at('责任清单', 'F2')?.localized['zh-CN']).toBe('责任人：没有名为“张三”的人员，请先加入“名录”表');
    for (const issue of issues) expect(issue.localized['zh-CN'], issue.message).not.toBe(issue.localized.en);
    // The message of the error lists them all, each with its place, in either language.
    const error = await readLedgerWorkbook(bad).catch((e: Error) => e) as WorkbookValidationError;
    expect(error.message).toContain('问题清单!F3 (整改状态)');
    expect(error.describe('zh-CN')).toMatch(/^台账工作簿无法导入：\n  - .*\n  - 问题清单!G4 \(整改期限\): 整改期限须为日期/s);
    expect(error.describe('en')).toContain('  - 问题清单!G4 (整改期限): 整改期限 must be a date');
  });

  it('refuses a workbook with a sheet or column missing, or that is not a workbook at all', async () => {
    const good = await writeLedgerWorkbook(ledgerOf(await worldReportModel()), { locale: 'zh-CN' });
    const noSheet = await edited(good, (wb) => wb.removeWorksheet(wb.getWorksheet('责任清单')!.id));
    expect((await issuesOf(noSheet)).map((i) => i.message)).toContain('The sheet "责任清单" (or "Responsibility") is missing');
    const noColumn = await edited(good, (wb) => { wb.getWorksheet('任务清单')!.getCell('E1').value = '措施'; });
    expect((await issuesOf(noColumn)).map((i) => i.message)).toContain('The column "整改措施" (or "Measure") is missing from the header row');
    expect((await issuesOf(new TextEncoder().encode('序号,问题\n1,x')))[0]!.message).toMatch(/^Not an Excel workbook/);
  });

  it('reads what people type by hand: text dates, names from the directory, English words, reordered columns', async () => {
    const model = await worldReportModel();
    const good = await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' });
    const typed = await edited(good, (wb) => {
      const problems = wb.getWorksheet('问题清单')!;
      problems.getCell('G2').value = '2024年1月31日';
      problems.getCell('F2').value = 'in progress';
      problems.spliceColumns(11, 1); // drop the derived 逾期天数
      problems.spliceColumns(3, 1); // and the derived 问题类别
    });
    const ledger = await readLedgerWorkbook(typed);
    expect(ledger.findings[0]!.deadline).toBe('2024-01-31');
    expect(ledger.findings[0]!.status).toBe('in_progress');
    expect(ledger.findings).toHaveLength(ledgerOf(model).findings.length);
  });

  it('reads ids and names typed with spaces, NBSP or an ideographic space around them, and keeps the spacing of narrative text', async () => {
    const model = await worldReportModel();
    const good = await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' });
    const pads = [' ', '\u00a0', '\u3000', '\t'];
    let n = 0;
    const pad = (text: string) => `${pads[n++ % pads.length]}${text}${pads[n % pads.length]}`;
    // Every id, name and key word a clerk might retype or paste from a web page.
    const names: Record<string, string[]> = {
      问题清单: ['问题编号'],
      任务清单: ['问题编号', '措施编号'],
      责任清单: ['问题编号', '责任领导', '牵头部门', '责任人'],
      台账: ['问题编号', '记录人'],
      名录: ['编号', '名称'],
      说明: ['项目'],
    };
    const padded = await edited(good, (wb) => {
      for (const [sheet, headers] of Object.entries(names)) {
        const ws = wb.getWorksheet(sheet)!;
        const header = ws.getRow(1);
        const cols = headers.map((h) => {
          let found = 0;
          header.eachCell((cell, col) => { if (cell.value === h) found = col; });
          expect(found, `${sheet} ${h}`).toBeGreaterThan(0);
          return found;
        });
        header.eachCell((cell) => { if (typeof cell.value === 'string') cell.value = pad(cell.value); });
        ws.eachRow((row, number) => {
          if (number === 1) return;
          for (const col of cols) {
            const cell = row.getCell(col);
            if (typeof cell.value === 'string' && cell.value !== '') cell.value = pad(cell.value);
          }
        });
      }
    });
    expect(n).toBeGreaterThan(40);
    expect(await readLedgerWorkbook(padded)).toEqual(await readLedgerWorkbook(good));
    // A finding's text keeps the spaces it was written with.
    const spaced = await edited(good, (wb) => { wb.getWorksheet('问题清单')!.getCell('E2').value = '  关于 “三重一大” 的问题 '; });
    expect((await readLedgerWorkbook(spaced)).findings[0]!.title).toBe('  关于 “三重一大” 的问题 ');
  });

  it('writes what a ledger holds in English too', async () => {
    const text = await workbookText(await writeLedgerWorkbook(ledgerOf(await worldReportModel()), { locale: 'en' }));
    for (const word of ['Finding ID', 'Responsible person', 'weekly update', 'signed off', 'rectify.ledger/1']) expect(text).toContain(word);
  });
});

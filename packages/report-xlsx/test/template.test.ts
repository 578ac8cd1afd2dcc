import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readClerkLedger, writeLedgerTemplate } from '../src/index.js';
import { edited } from './edited.js';

/** The template as a clerk fills it in Excel: rows typed under the header. */
function filled(template: Uint8Array, rows: (string | Date | undefined)[][]): Promise<Uint8Array> {
  return edited(template, (wb) => {
    const ws = wb.worksheets[0]!;
    rows.forEach((row, i) => row.forEach((value, col) => { if (value !== undefined) ws.getCell(4 + i, col + 1).value = value; }));
  });
}

describe('the blank ledger a clerk starts from', () => {
  it('imports, once filled in, with no mapping file: sections, measures, people, days and statuses', async () => {
    const template = await writeLedgerTemplate({ title: '关于落实区委第一巡察组反馈意见的整改台账', asOf: '2024-03-15' });
    const bytes = await filled(template, [
      ['一、党的建设方面'],
      ['1', '理论学习不够深入', '一是制定学习计划；二是开展专题研讨', '张书记', '办公室、法制股', '李明', '2024年3月31日', '正在整改', '3月10日：已制定学习计划'],
      ['2', '“三重一大”制度执行不严', '1.修订议事规则\n2.长期坚持集体决策', '张书记', '办公室', '王芳', new Date(Date.UTC(2024, 1, 29)), '已完成', undefined, '2024年2月28日'],
      ['二、财务管理方面'],
      ['1', '财务档案资料管理不规范', '整理归档2020年以来的财务档案', '刘副局长', '财务股', '陈静', '长期坚持', '长期坚持'],
    ]);
    const ledger = await readClerkLedger(bytes, { today: '2024-03-20' });
    // Nothing to correct; one warning, on the 长期坚持 finding whose 整改时限 gives no day.
    expect(ledger.issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual([['warning', 'deadline.defaulted', '整改台账', 'G8']]);
    expect(ledger.inspection).toMatchObject({ title: '关于落实区委第一巡察组反馈意见的整改台账', kind: 'xuncha', inspector: '区委第一巡察组', asOf: '2024-03-15' });
    expect(ledger.categories.map((c) => c.title)).toEqual(['党的建设方面', '财务管理方面']);
    expect(ledger.findings.map((f) => [f.categoryOrdinal, f.ordinal, f.title, f.status, f.deadline, f.measures.length])).toEqual([
      [1, 1, '理论学习不够深入', 'in_progress', '2024-03-31', 2],
      [1, 2, '“三重一大”制度执行不严', 'completed', '2024-02-29', 2],
      [2, 1, '财务档案资料管理不规范', 'sustaining', '2024-03-31', 1],
    ]);
    expect(ledger.findings[0]!.leadUnit).toBe('办公室');
    expect(ledger.findings[0]!.coUnits).toEqual(['法制股']);
    expect(ledger.findings[1]!.completedOn).toBe('2024-02-28');
  });

  it('is the same file for the same options, in either language, with a list of status words the importer reads', async () => {
    const a = await writeLedgerTemplate({ locale: 'en' });
    expect(Buffer.from(a).equals(Buffer.from(await writeLedgerTemplate({ locale: 'en' })))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Findings tracker');
    expect(ws.getRow(3).values).toEqual([undefined, 'No.', 'Finding', 'Action plan', 'Leader in charge', 'Owner department', 'Owner', 'Due date', 'Status', 'Progress', 'Date closed', 'Remarks']);
    const list = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const words = Object.values(list)[0]!.formulae[0]!.replace(/^"|"$/g, '').split(',');
    const statuses = [];
    for (const word of words) {
      const one = await readClerkLedger(await filled(a, [['1', 'A finding', 'An action', 'Ann', 'Legal', 'Bob', '2024-03-31', word]]), { today: '2024-04-01' });
      statuses.push(one.findings[0]?.status);
    }
    expect(statuses).toEqual(['not_started', 'in_progress', 'completed', 'awaiting_signoff', 'signed_off']);
    await expect(writeLedgerTemplate({ asOf: '2024-02-30' })).rejects.toThrow('asOf must be a day written YYYY-MM-DD');
  });
});

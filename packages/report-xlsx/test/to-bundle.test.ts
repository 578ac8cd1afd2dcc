import { describe, expect, it } from 'vitest';
import { buildReportModel, isRectifyError, memoryDriver, openStore } from '@rectify/core';
import { worldReportModel } from '@rectify/testing';
import { ledgerBundle, ledgerOf, readLedgerWorkbook, WorkbookValidationError, writeLedgerWorkbook, type Ledger } from '../src/index.js';
import { edited } from './edited.js';

const at = '2023-11-20T09:00:00+08:00';
const importer = { id: 'imp', name: '政工室' };

/** What ledgerBundle throws for a ledger it refuses (`undefined` when it does not). */
function refusal(ledger: Ledger): unknown {
  try {
    ledgerBundle(ledger, { organisationId: 'org-x', importer, at });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('a ledger brought into a store', () => {
  it('arrives with every finding, measure and ledger entry, at the status the lifecycle allows, through the workbook', async () => {
    const model = await worldReportModel({ findings: 30 });
    const ledger = await readLedgerWorkbook(await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' }));
    const { bundle, notes } = ledgerBundle(ledger, { organisationId: 'org-x', importer, at });
    const store = await openStore(memoryDriver());
    await store.importBundle(bundle);
    const scope = { organisationId: 'org-x', inspectionId: ledger.inspection.id };
    const back = ledgerOf(buildReportModel((await store.findings({ ...scope, limit: 1000 })).items, (await store.inspection(scope))!, (await store.organisation('org-x'))!, ledger.asOf, { people: await store.people('org-x') }));
    // The world's signed-off findings keep a long-term measure open: they arrive sustaining.
    const expectedStatus = { signed_off: 'sustaining', awaiting_signoff: 'sustaining', reopened: 'in_progress' } as Record<string, string>;
    expect(back.findings.map((f) => [f.id, f.status, f.measures.map((m) => [m.text, m.done]), f.progress.map((p) => p.text), f.responsibility])).toEqual(
      ledger.findings.map((f) => [f.id, expectedStatus[f.status] ?? f.status, f.measures.map((m) => [m.text, m.done]), f.progress.map((p) => p.text), f.responsibility]),
    );
    // What could not come over is said, finding by finding.
    const changed = ledger.findings.filter((f) => f.status in expectedStatus);
    expect(changed.length).toBeGreaterThan(0);
    expect(notes).toHaveLength(changed.length);
    expect(back.directory.people.find((p) => p.id === 'imp')?.name).toBe('政工室');
  });

  it('names the cell behind each refusal of a ledger read from a workbook: sheet, row, column and header', async () => {
    const model = await worldReportModel({ findings: 6 });
    const good = await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' });
    let titled = '';
    let dated = '';
    let entryRow = 2;
    const ledger = await readLedgerWorkbook(await edited(good, (wb) => {
      const problems = wb.getWorksheet('问题清单')!;
      const entries = wb.getWorksheet('台账')!;
      // A title too long for a finding, in the second finding's row (column E is 反馈问题).
      titled = problems.getCell('A3').value as string;
      problems.getCell('E3').value = '长'.repeat(10_001);
      // A 台账 entry dated after the import, of a finding other than the one retitled.
      while (entries.getCell(`A${entryRow}`).value === titled) entryRow++;
      dated = entries.getCell(`A${entryRow}`).value as string;
      entries.getCell(`C${entryRow}`).value = '2030年1月1日';
    }));
    const error = refusal(ledger);
    expect(error).toBeInstanceOf(WorkbookValidationError);
    expect(isRectifyError(error, 'validation')).toBe(true);
    const cells = (error as WorkbookValidationError).cells;
    expect(cells).toHaveLength(2);
    expect(cells).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: '问题清单', row: 3, column: 'E', header: '反馈问题', message: `${titled} (create): finding.title: At most 10,000 characters` }),
      expect.objectContaining({ sheet: '台账', row: entryRow, column: 'C', header: '日期', message: `${dated} (record_progress): on 2030-01-01 is after the command's day 2023-11-20` }),
    ]));
    expect((error as Error).message).toContain(`台账!C${entryRow} (日期)`);
  });

  it('points a rule about a measure at its row in 任务清单: a finding marked done with a measure still open', async () => {
    const model = await worldReportModel({ findings: 6 });
    const good = await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' });
    let id = '';
    const rowsOf: number[] = [];
    const ledger = await readLedgerWorkbook(await edited(good, (wb) => {
      const problems = wb.getWorksheet('问题清单')!;
      const tasks = wb.getWorksheet('任务清单')!;
      // The first finding 已完成, its measures all 未完成 and 限期整改, as a clerk might leave them.
      id = problems.getCell('A2').value as string;
      problems.getCell('F2').value = '已完成';
      tasks.eachRow((row, n) => { if (n > 1 && row.getCell(1).value === id) rowsOf.push(n); });
      for (const n of rowsOf) {
        tasks.getCell(`H${n}`).value = '未完成';
        tasks.getCell(`F${n}`).value = '限期整改';
      }
    }));
    expect(rowsOf.length).toBeGreaterThan(0);
    const error = refusal(ledger);
    expect(error).toBeInstanceOf(WorkbookValidationError);
    const cells = (error as WorkbookValidationError).cells.filter((c) => c.message.startsWith(id));
    expect(cells.map((c) => `${c.sheet}!${c.column}${c.row} (${c.header})`)).toEqual(rowsOf.map((n) => `任务清单!H${n} (完成情况)`));
  });

  it('refuses, naming each finding, a ledger whose history the lifecycle cannot make, and returns nothing', async () => {
    const ledger = ledgerOf(await worldReportModel());
    const f = ledger.findings.find((x) => x.status === 'sustaining')!;
    f.measures = []; // sustaining with nothing behind it
    const error = refusal(ledger);
    expect(isRectifyError(error, 'validation')).toBe(true);
    expect((error as Error).message).toContain(f.id);
  });
});

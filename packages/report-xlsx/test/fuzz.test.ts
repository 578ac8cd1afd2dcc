import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assertTypedRefusal, fuzzParameters, hostileString, worldReportModel } from '@rectify/testing';
import { ledgerBundle, ledgerOf, readLedgerWorkbook, writeLedgerWorkbook } from '../src/index.js';

/**
 * The workbook importer against what people and programs do to a ledger: any cell
 * overwritten with hostile text, a number or nothing, rows deleted, the file cut short
 * or replaced by noise. It returns a ledger or refuses with a typed error naming cells,
 * never anything else; what it returns becomes a bundle or a typed refusal too.
 */
describe('workbook importer, fuzzed', () => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  it('returns a ledger or refuses with the cells at fault, whatever was done to the file', async () => {
    const model = await worldReportModel({ findings: 6, asOf: '2023-11-30' });
    const original = await writeLedgerWorkbook(ledgerOf(model), { locale: 'zh-CN' });
    const parts = unzipSync(original);
    const sheets = Object.keys(parts).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort();
    const cellCount = (xml: string) => (xml.match(/<c /g) ?? []).length;

    const cellEdit = fc.record({
      kind: fc.constant('cell' as const),
      sheet: fc.constantFrom(...sheets),
      at: fc.nat(),
      value: fc.oneof(hostileString(), fc.constantFrom('', ' ', '2023-02-30', '2023年13月1日', 'f-none', '已完成', '=1+1'), fc.double().map(String)),
      as: fc.constantFrom('text', 'number', 'delete'),
    });
    const rowEdit = fc.record({ kind: fc.constant('row' as const), sheet: fc.constantFrom(...sheets), at: fc.nat() });
    const fileEdit = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat({ max: original.length - 1 }) }),
      fc.record({ kind: fc.constant('noise' as const), bytes: fc.uint8Array({ maxLength: 2000 }) }),
    );
    const workbookOf = (edits: ({ kind: 'cell'; sheet: string; at: number; value: string; as: string } | { kind: 'row'; sheet: string; at: number })[]) => {
      const files = { ...parts };
      for (const edit of edits) {
        let xml = strFromU8(files[edit.sheet]!);
        if (edit.kind === 'row') {
          const rows = [...xml.matchAll(/<row [^>]*>.*?<\/row>/gs)];
          const row = rows[edit.at % Math.max(1, rows.length)];
          if (row) xml = xml.replace(row[0], '');
        } else {
          const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(\/>|>.*?<\/c>)/gs)];
          const cell = cells[edit.at % Math.max(1, cells.length)];
          if (cell) {
            const replacement = edit.as === 'delete' ? '' : edit.as === 'number' && Number.isFinite(Number(edit.value))
              ? `<c r="${cell[1]}"><v>${Number(edit.value)}</v></c>`
              : `<c r="${cell[1]}" t="inlineStr"><is><t xml:space="preserve">${escape(edit.value)}</t></is></c>`;
            xml = xml.replace(cell[0], replacement);
          }
        }
        files[edit.sheet] = strToU8(xml);
      }
      return zipSync(files, { level: 0 });
    };
    expect(sheets.length).toBe(6);
    expect(cellCount(strFromU8(parts[sheets[0]!]!))).toBeGreaterThan(20);

    let refused = 0;
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: cellEdit }, { weight: 1, arbitrary: rowEdit }), { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fileEdit }), async (edit) => {
        const data = Array.isArray(edit) ? workbookOf(edit) : edit.kind === 'truncate' ? original.slice(0, edit.at) : edit.bytes;
        let ledger;
        try {
          ledger = await readLedgerWorkbook(data);
          read += 1;
        } catch (error) {
          assertTypedRefusal(error, 'readLedgerWorkbook');
          refused += 1;
          return;
        }
        try {
          ledgerBundle(ledger, { organisationId: 'org', importer: { id: 'clerk', name: '政工室' }, at: '2023-11-30T10:00:00+08:00' });
        } catch (error) {
          assertTypedRefusal(error, 'ledgerBundle');
        }
      }),
      fuzzParameters(150),
    );
    // Both outcomes happen: the property is not vacuous.
    expect(refused).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
  }, 1_800_000);
});

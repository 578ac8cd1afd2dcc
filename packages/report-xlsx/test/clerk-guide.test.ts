import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';

// The code of docs/bring-your-own-ledger.md, run as a user would write it.
it('runs the library example of the guide "Bring your own ledger"', async () => {
  const file = join(import.meta.dirname, 'ledgers', 'shared', '01_xuncha_title_two_row_header.xlsx');
  const log: string[] = [];
  const console = { log: (...a: unknown[]) => log.push(a.join(' ')) };
  // --- guide: begin
  const { readClerkLedger, clerkLedgerBundle } = await import('@rectify/report-xlsx');
  const ledger = await readClerkLedger(readFileSync(file), { mapping: { dateOrder: 'dmy' }, today: '2024-04-17' });
  for (const i of ledger.issues) console.log(i.severity, `${i.sheet}!${i.cell}`, i.code, i.message['zh-CN']);
  if (ledger.issues.some((i) => i.severity === 'error')) throw new Error('correct the cells above first');

  const store = await openStore(sqliteDriver({ filename: ':memory:' }));
  const { bundle } = clerkLedgerBundle(ledger, {
    organisationId: 'xq-sfj', inspectionId: 'xq-2023', file: '整改台账.xlsx',
    importer: { id: 'p-zg', name: '政工室' }, at: '2023-11-20T00:00:00+08:00',
    existing: { organisation: await store.organisation('xq-sfj'), people: await store.people('xq-sfj') },
  });
  await store.importBundle(bundle);
  // --- guide: end
  expect(log.some((l) => l.includes('Sheet1!H11 deadline.defaulted'))).toBe(true);
  const findings = await store.findings({ organisationId: 'xq-sfj', inspectionId: 'xq-2023' });
  expect(findings.items).toHaveLength(10);
  expect(findings.items.find((f) => f.finding.ordinal === 5)).toMatchObject({ status: 'completed', completedOn: '2023-10-31' });
  await store.close();
});

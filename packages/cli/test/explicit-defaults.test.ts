import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@rectify/core';
import { ledgerOf, writeLedgerWorkbook, type Ledger } from '@rectify/report-xlsx';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { worldReportModel } from '@rectify/testing';
import { EXIT } from '../src/index.js';
import { say as sayAt } from './in-process.js';

/** The same ledger as another round's: another inspection id, and finding ids of its own (they are unique in a store). */
const anotherRound = (ledger: Ledger, id: string): Ledger => ({ ...ledger, inspection: { ...ledger.inspection, id }, findings: ledger.findings.map((f) => ({ ...f, id: `${id}-${f.id}` })) });

const fresh = () => mkdtempSync(join(tmpdir(), 'rectify-explicit-'));

/** The day after the world's ledger (2023-11-20), so that an import is dated that day's noon. */
const say = (dir: string, args: string[]) => sayAt(dir, args, '2023-11-21T06:00:00Z');

// What a command used to fill in on its own (an organisation called "default", China's
// offset, the team "巡察组", an extension id made from its day) it now takes as an
// option with a stated default, or asks for.
describe('no silent defaults', () => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = ledgerOf(await worldReportModel({ findings: 3 }));
  });

  it('asks which organisation a ledger is of, unless the store holds only one', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledger, { locale: 'zh-CN' }));
    const asked = await say(dir, ['import', 'ledger.xlsx']);
    expect(asked).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('请用 --org 指定该单位在存储中的编号') });
    expect((await say(dir, ['import', 'ledger.xlsx', '--lang', 'en'])).text).toContain('Give --org ID');
    const imported = await say(dir, ['import', 'ledger.xlsx', '--org', 'xq-sfj']);
    expect(imported.code, imported.text).toBe(EXIT.ok);
    // The store now holds one organisation: the next ledger goes to it without --org.
    writeFileSync(join(dir, 'round-2.xlsx'), await writeLedgerWorkbook(anotherRound(ledger, 'round-2'), { locale: 'zh-CN' }));
    const second = await say(dir, ['import', 'round-2.xlsx']);
    expect(second.code, second.text).toBe(EXIT.ok);
    const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    expect((await store.organisations()).map((o) => o.id)).toEqual(['xq-sfj']);
    expect((await store.inspections('xq-sfj')).map((i) => i.id).sort()).toEqual([ledger.inspection.id, 'round-2'].sort());
    await store.close();
  });

  it('dates an imported ledger at --utc-offset, +08:00 unless told, and refuses an offset that is not one', async () => {
    for (const [offset, expected] of [[undefined, '+08:00'], ['-05:00', '-05:00']] as const) {
      const dir = fresh();
      writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledger, { locale: 'zh-CN' }));
      const imported = await say(dir, ['import', 'ledger.xlsx', '--org', 'o', ...(offset ? [`--utc-offset=${offset}`] : [])]);
      expect(imported.code, imported.text).toBe(EXIT.ok);
      const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
      const inspection = (await store.inspections('o'))[0]!;
      expect(inspection.utcOffset).toBe(expected);
      const { events } = await store.exportBundle({ organisationId: 'o' });
      expect(events.every((e) => e.at === `${ledger.asOf}T12:00:00${expected}`)).toBe(true);
      await store.close();
    }
    expect(await say(fresh(), ['import', 'x.xlsx', '--org', 'o', '--utc-offset', '8'])).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('--utc-offset must be an offset such as +08:00') });
  });

  it('takes the kind and team of the inspection from the workbook, asks for them when it has none, and takes --kind and --inspector', async () => {
    const dir = fresh();
    const bare: Ledger = { ...ledger, inspection: { id: ledger.inspection.id, title: ledger.inspection.title } };
    writeFileSync(join(dir, 'bare.xlsx'), await writeLedgerWorkbook(bare, { locale: 'zh-CN' }));
    const asked = await say(dir, ['import', 'bare.xlsx', '--org', 'o']);
    expect(asked.code).toBe(EXIT.badInput);
    // In the user's language, on the sheet where the rows belong.
    expect(asked.text).toContain('说明!1: 缺少“类型”一行（巡察、巡视、审计…）：请补上，或导入时加 --kind');
    expect(asked.text).toContain('缺少“巡察组”一行（如 区委第一巡察组）：请补上，或导入时加 --inspector');
    expect((await say(dir, ['import', 'bare.xlsx', '--org', 'o', '--lang', 'en'])).text).toContain('The row "Kind" (巡察, 巡视, audit…) is missing');
    expect(await say(dir, ['import', 'bare.xlsx', '--org', 'o', '--kind', '巡查'])).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('--kind must be one of 巡视 (xunshi), 巡察 (xuncha)') });
    expect((await say(dir, ['import', 'bare.xlsx', '--org', 'o', '--kind', '巡视', '--inspector', '省委第三巡视组'])).code).toBe(EXIT.ok);
    writeFileSync(join(dir, 'full.xlsx'), await writeLedgerWorkbook(anotherRound(ledger, 'full'), { locale: 'en' }));
    expect((await say(dir, ['import', 'full.xlsx', '--org', 'o'])).code).toBe(EXIT.ok);
    const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    const byId = new Map((await store.inspections('o')).map((i) => [i.id, i]));
    expect(byId.get(ledger.inspection.id)).toMatchObject({ kind: 'xunshi', inspector: { name: '省委第三巡视组' } });
    expect(byId.get('full')).toMatchObject({ kind: ledger.inspection.kind, inspector: { name: ledger.inspection.inspector } });
    await store.close();
  });

  it('needs the id of an extension request: decide-extension names it later', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledger, { locale: 'zh-CN' }));
    await say(dir, ['import', 'ledger.xlsx', '--org', 'o']);
    const finding = ledger.findings.find((f) => f.responsibility !== undefined)!;
    expect(await say(dir, ['apply', 'extend', '--finding', finding.id, '--as', 'importer', '--to', '2024-06-30', '--reason', '客观原因'])).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('"extend" needs --id') });
  });

  it('takes a year the China calendar does not know yet from a file, and says how when it is missing', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledger, { locale: 'zh-CN' }));
    await say(dir, ['import', 'ledger.xlsx', '--org', 'o']);
    const unknown = await say(dir, ['status', '--calendar', 'cn', '--as-of', '2027-01-05', '--lang', 'en']);
    expect(unknown.code).toBe(EXIT.badInput);
    expect(unknown.text).toContain('rectify --calendar-years FILE');
    // 2027 as its notice would give it (元旦 1–3 January, rested; no weekend day worked).
    writeFileSync(join(dir, '2027.json'), JSON.stringify([{ year: 2027, source: { title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: '2026-11-20' }, holidays: [{ name: '元旦', rest: ['2027-01-01', '2027-01-03'], worked: [] }] }]));
    const known = await say(dir, ['status', '--calendar', 'cn', '--calendar-years', '2027.json', '--as-of', '2027-01-05', '--json']);
    expect(known.code, known.text).toBe(EXIT.ok);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ year: 2027, holidays: [] }]));
    expect(await say(dir, ['status', '--calendar', 'cn', '--calendar-years', 'bad.json'])).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('source') });
    expect(await say(dir, ['status', '--calendar-years', '2027.json'])).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('--calendar-years adds years to --calendar cn') });
  });
});

describe('every command from the command line', () => {
  it('assigns, adds a measure and supervises a finding with flags named like the fields, and refuses in the user\'s language', async () => {
    const ledger = ledgerOf(await worldReportModel({ findings: 3 }));
    const dir = fresh();
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledger, { locale: 'zh-CN' }));
    expect((await say(dir, ['import', 'ledger.xlsx', '--org', 'o'])).code).toBe(EXIT.ok);
    const f = ledger.findings.find((x) => x.responsibility !== undefined && x.status === 'in_progress') ?? ledger.findings.find((x) => x.responsibility !== undefined)!;
    const r = f.responsibility!;
    const other = ledger.directory.people.find((p) => p.id !== r.responsiblePersonId && p.id !== r.responsibleLeaderId)!;
    const store = async () => openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    const as = ['--finding', f.id, '--as', 'importer'];

    const assigned = await say(dir, ['apply', 'assign', ...as, '--leader', r.responsibleLeaderId, '--unit', r.leadUnitId, '--person', other.id, '--deadline', f.deadline!, '--co-units', r.coUnitIds.join(',')]);
    expect(assigned.code, assigned.text).toBe(EXIT.ok);
    const added = await say(dir, ['apply', 'add-measure', ...as, '--id', 'm-new', '--text', '建立长效机制', '--kind', 'long_term']);
    expect(added.code, added.text).toBe(EXIT.ok);
    const supervised = await say(dir, ['apply', 'supervise', ...as, '--kind', 'interview', '--text', '约谈分管领导', '--person', r.responsibleLeaderId]);
    expect(supervised.code, supervised.text).toBe(EXIT.ok);
    const s = await store();
    const state = (await s.finding({ organisationId: 'o' }, f.id))!;
    await s.close();
    expect(state.assignment?.responsiblePersonId).toBe(other.id);
    expect(state.measures.at(-1)).toMatchObject({ id: 'm-new', ordinal: f.measures.length + 1, kind: 'long_term', status: 'open' });
    expect(state.supervisions.at(-1)).toMatchObject({ kind: 'interview', note: '约谈分管领导', targetPersonIds: [r.responsibleLeaderId] });

    // What is missing is named; what the rules refuse is said in the user's language.
    expect(await say(dir, ['apply', 'assign', ...as, '--leader', r.responsibleLeaderId])).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('"assign" needs --unit') });
    const moved = await say(dir, ['apply', 'assign', ...as, '--leader', r.responsibleLeaderId, '--unit', r.leadUnitId, '--person', other.id, '--deadline', '2099-12-31']);
    expect(moved.code).toBe(EXIT.refused);
    expect(moved.text).toContain('整改期限须经延期审批变更');
    expect(await say(dir, ['apply', 'record-indicator', ...as, '--id', 'i-none', '--value', 'many', '--on', '2023-11-20'])).toMatchObject({ code: EXIT.badInput, text: expect.stringContaining('--value must be a number') });
  });
});

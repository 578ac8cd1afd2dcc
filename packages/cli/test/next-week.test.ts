import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openStore } from '@rectify/core';
import { writeLedgerTemplate } from '@rectify/report-xlsx';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { EXIT } from '../src/index.js';
import { say as sayAt } from './in-process.js';

type Row = (string | undefined)[];
const TITLE = '关于落实区委第一巡察组反馈意见的整改台账';

/** The clerk's ledger of a week: the blank template filled in, as of its 填报时间. */
async function ledger(asOf: string, rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeLedgerTemplate({ title: TITLE, asOf })) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  rows.forEach((row, i) => row.forEach((value, col) => { if (value !== undefined) ws.getCell(4 + i, col + 1).value = value; }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const say = (dir: string, args: string[]) => sayAt(dir, args, '2024-03-25T02:00:00Z');

const WEEK_1: Row[] = [
  ['一、党的建设方面'],
  ['1', '理论学习不够深入', '一是制定学习计划；二是开展专题研讨', '张书记', '办公室', '李明', '2024年3月31日', '正在整改', '3月10日：已制定学习计划'],
  ['2', '“三重一大”制度执行不严', '修订议事规则', '张书记', '办公室', '王芳', '2024年4月30日', '未开始'],
  ['3', '财务档案资料管理不规范', '整理归档财务档案', '刘副局长', '财务股', '陈静', '2024年4月30日', '正在整改', '3月12日：已清点档案'],
];

// Next week's file of the same ledger: an entry added to 1, problem 2 started with a new
// deadline, problem 3's row gone, a problem 4 added.
const WEEK_2: Row[] = [
  ['一、党的建设方面'],
  ['1', '理论学习不够深入', '一是制定学习计划；二是开展专题研讨', '张书记', '办公室', '李明', '2024年3月31日', '正在整改', '3月10日：已制定学习计划\n3月20日：开展专题研讨一次'],
  ['2', '“三重一大”制度执行不严', '修订议事规则', '张书记', '办公室', '王芳', '2024年5月31日', '正在整改', '3月18日：起草议事规则修订稿'],
  ['4', '干部教育培训不足', '制定年度培训计划', '张书记', '办公室', '李明', '2024年6月30日', '未开始'],
];

describe("next week's ledger", () => {
  it('applies what changed as commands, creates what is new, leaves what it no longer lists, and changes nothing the second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-next-week-'));
    writeFileSync(join(dir, '台账0315.xlsx'), await ledger('2024-03-15', WEEK_1));
    writeFileSync(join(dir, '台账0322.xlsx'), await ledger('2024-03-22', WEEK_2));
    const first = await say(dir, ['import', '台账0315.xlsx', '--org', 'xq-sfj']);
    expect(first.code, first.err).toBe(EXIT.ok);

    const preview = await say(dir, ['import', '台账0322.xlsx', '--dry-run']);
    expect(preview.code, preview.err).toBe(EXIT.ok);
    const second = await say(dir, ['import', '台账0322.xlsx']);
    expect(second.code, second.err).toBe(EXIT.ok);
    expect(second.err).toContain('note: 台账标题与巡察 台账0315 相同：导入到该巡察');
    const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    const scope = { organisationId: 'xq-sfj', inspectionId: '台账0315' };
    const byTitle = new Map((await store.findings({ ...scope, limit: 100 })).items.map((s) => [s.finding.title, s]));
    expect([...byTitle.keys()].sort()).toEqual(['“三重一大”制度执行不严', '干部教育培训不足', '理论学习不够深入', '财务档案资料管理不规范'].sort());
    // The cell grew by a line: that line is the new entry, dated by the new ledger.
    expect(byTitle.get('理论学习不够深入')!.progress.map((p) => [p.on, p.text])).toEqual([['2024-03-15', '3月10日：已制定学习计划'], ['2024-03-22', '3月20日：开展专题研讨一次']]);
    const two = byTitle.get('“三重一大”制度执行不严')!;
    expect(two.status).toBe('in_progress');
    expect(two.progress.map((p) => p.text)).toEqual(['3月18日：起草议事规则修订稿']);
    expect(two.extensions).toEqual([expect.objectContaining({ to: '2024-05-31', status: 'pending' })]);
    expect(byTitle.get('财务档案资料管理不规范')!.progress.map((p) => p.text)).toEqual(['3月12日：已清点档案']);
    // What the preview and the import said: each change, the row gone, in Chinese.
    for (const out of [preview.err, second.err]) {
      expect(out).toMatch(/变更: 台账0315\/\S+: 2024-03-22 进展：3月20日：开展专题研讨一次/);
      expect(out).toMatch(/变更: 台账0315\/\S+: 整改时限改为 2024-05-31：已提出延期申请，待审批/);
      expect(out).toMatch(/note: 本台账未列出，保持不变：台账0315\/\S+/);
    }
    const events = (await store.exportBundle({ organisationId: 'xq-sfj' })).events.length;
    await store.close();

    // The same file again: nothing to change, nothing written.
    const again = await say(dir, ['import', '台账0322.xlsx']);
    expect(again.code, again.err).toBe(EXIT.ok);
    expect(again.out).toContain('没有新内容');
    const reopened = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    expect((await reopened.exportBundle({ organisationId: 'xq-sfj' })).events.length).toBe(events);
    expect((await reopened.verify('xq-sfj')).breaks).toEqual([]);
    await reopened.close();

    // A week later: 1 is 已销号 in the ledger (a sign-off goes through the review chain),
    // 2 is back to 未开始 (a status does not go back by a ledger). Both are said, not applied.
    writeFileSync(join(dir, '台账0329.xlsx'), await ledger('2024-03-22', [WEEK_2[0]!, [...WEEK_2[1]!.slice(0, 7), '已销号', WEEK_2[1]![8]], [...WEEK_2[2]!.slice(0, 7), '未开始', WEEK_2[2]![8]], WEEK_2[3]!]));
    const third = await say(dir, ['import', '台账0329.xlsx', '--lang', 'en']);
    expect(third.code, third.err).toBe(EXIT.ok);
    expect(third.err).toMatch(/note: 台账0315\/\S+: the ledger says "已销号": a sign-off goes through the review chain/);
    expect(third.err).toMatch(/note: 台账0315\/\S+: the ledger says "未开始", behind the store's in_progress: left as it is/);
    expect(third.out).toContain('nothing new');
  });
});

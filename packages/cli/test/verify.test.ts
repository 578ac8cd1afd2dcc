import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore } from '@rectify/core';
import { buildWorld } from '@rectify/testing';
import { EXIT } from '../src/index.js';
import { say as sayAt } from './in-process.js';

const say = (dir: string, args: string[]) => sayAt(dir, args, '2031-01-01T00:00:00Z');

describe('rectify verify, and reports that say whether their history verified', () => {
  it('verifies a store, then names an event edited behind its back, in verify and in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-verify-'));
    const world = await openStore(memoryDriver());
    await buildWorld(world, 6);
    writeFileSync(join(dir, 'world.json'), JSON.stringify(await world.exportBundle({ organisationId: 'org-a' })));
    expect((await say(dir, ['import', 'world.json'])).code).toBe(EXIT.ok);

    const clean = await say(dir, ['verify']);
    expect(clean.code).toBe(EXIT.ok);
    expect(clean.out).toMatch(/^org-a：6 个问题，\d+ 条历史记录；摘要 [0-9a-f]{64}\n校验通过$/);
    const report = await say(dir, ['report', '--format', 'json', '-o', 'before.json', '--as-of', '2030-12-31']);
    expect(report.err).toMatch(/历史记录：\d+ 条，摘要 [0-9a-f]{64}，校验通过/);
    const before = JSON.parse(readFileSync(join(dir, 'before.json'), 'utf8')) as { history: { verified: boolean; digest: string } };
    expect(before.history).toMatchObject({ verified: true, breaks: [], unchained: 0 });

    // An UPDATE of one event's body, as anyone with the file could run.
    const db = new Database(join(dir, 'rectify.db'));
    const row = db.prepare("SELECT finding_id, version, body FROM rectify_events WHERE version = 2 ORDER BY finding_id LIMIT 1").get() as { finding_id: string; version: number; body: string };
    db.prepare('UPDATE rectify_events SET body = ? WHERE finding_id = ? AND version = ?').run(row.body.replace('"actorId":"org-a-coord"', '"actorId":"org-a-principal"'), row.finding_id, row.version);
    db.close();

    const broken = await say(dir, ['verify', '--lang', 'en']);
    expect(broken.code).toBe(EXIT.store);
    expect(broken.out).toContain(`edited: finding ${row.finding_id}, event 2: its content does not give its hash`);
    const after = await say(dir, ['report', '--format', 'json', '-o', 'after.json', '--as-of', '2030-12-31', '--lang', 'en']);
    expect(after.code).toBe(EXIT.ok);
    expect(after.err).toContain('warning: the history this report rests on failed verification (1 events edited, removed or inserted');
    expect(JSON.parse(readFileSync(join(dir, 'after.json'), 'utf8'))).toMatchObject({ history: { verified: false, breaks: [{ findingId: row.finding_id, version: 2, kind: 'edited' }] } });
    const dashboard = await say(dir, ['report', '--format', 'html', '-o', 'dashboard.html', '--as-of', '2030-12-31']);
    expect(dashboard.code).toBe(EXIT.ok);
    const html = readFileSync(join(dir, 'dashboard.html'), 'utf8');
    expect(html).toContain('历史记录校验未通过：1 处被改动、删除或插入');
    expect(html).toContain(`<li>问题 ${row.finding_id} 第 2 条记录写入后被改动</li>`);
    // The workbook says it on its 说明 sheet, with the digest.
    expect((await say(dir, ['report', '--format', 'xlsx', '-o', 'ledger.xlsx', '--as-of', '2030-12-31'])).code).toBe(EXIT.ok);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'ledger.xlsx')) as unknown as ArrayBuffer);
    const about = new Map<string, string>();
    wb.getWorksheet('说明')!.eachRow((r) => about.set(String(r.getCell(1).value), String(r.getCell(2).value)));
    expect(about.get('历史校验')).toMatch(/^未通过：1 处被改动、删除或插入（共 \d+ 条）$/);
    expect(about.get('历史摘要')).toMatch(/^[0-9a-f]{64}$/);
  });
});

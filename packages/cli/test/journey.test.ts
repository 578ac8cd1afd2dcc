import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { EXIT } from '../src/index.js';
import { say as sayAt } from './in-process.js';

const SEED = join(import.meta.dirname, '..', '..', '..', 'examples', 'xiangqiao', 'data', 'seed-notice.txt');

describe('from an imported notice to 销号, with the command line alone', () => {
  it('assigns, records, attaches files, completes, reviews and signs off one finding; the files verify and come back out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-journey-'));
    copyFileSync(SEED, join(dir, '通报.txt'));
    // A scanned report, bytes that no text encoding carries unchanged.
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))]);
    writeFileSync(join(dir, '整改报告.pdf'), scan);
    writeFileSync(join(dir, '会议记录.docx'), Buffer.from('PK\u0003\u0004 会议记录'));
    let minute = 0;
    // Each command a minute after the one before, in May 2024 (after the notice was published).
    const say = (...args: string[]) => sayAt(dir, args, new Date(Date.parse('2024-05-06T01:00:00Z') + ++minute * 60_000).toISOString());
    const ok = async (...args: string[]) => {
      const r = await say(...args);
      expect(r.code, `${args.join(' ')}\n${r.text}`).toBe(EXIT.ok);
      return r;
    };

    expect((await ok('import', '通报.txt', '--org', 'xq')).out).toMatch(/^imported 22 findings/);
    await ok('units', 'add', '--id', 'u-law', '--name', '法治股');
    await ok('people', 'add', '--id', 'p-lin', '--name', '林文斌', '--role', '分管领导');
    await ok('people', 'add', '--id', 'p-li', '--name', '李振华', '--role', 'responsible_person', '--unit', 'u-law');
    await ok('people', 'add', '--id', 'p-wang', '--name', '王书记', '--role', '主要领导');
    expect((await say('people', 'add', '--id', 'p-x', '--name', '某人', '--role', '责任人', '--unit', 'u-none')).code).toBe(EXIT.badInput);
    expect(JSON.parse((await ok('people', '--json')).out).people.map((p: { id: string; roles: string[] }) => `${p.id}:${p.roles.join('+')}`))
      .toEqual(['importer:coordinator', 'p-li:responsible_person', 'p-lin:leader_in_charge', 'p-wang:principal_leader']);

    // 局主要领导集体约谈分管领导: supervision of people as a whole, of no one finding.
    expect((await ok('apply', 'supervise', '--as', 'p-wang', '--kind', 'interview', '--person', 'p-lin', '--text', '集体约谈分管领导', '--id', 'yt-1', '--on', '2024-05-06')).out).toBe('yt-1: interview 2024-05-06 (p-lin)');
    expect((await say('apply', 'supervise', '--as', 'p-li', '--kind', 'interview', '--person', 'p-lin', '--text', '约谈')).code).toBe(EXIT.refused);
    expect((await say('apply', 'supervise', '--as', 'p-wang', '--kind', 'interview', '--text', '约谈')).code).toBe(EXIT.badInput);
    expect((await ok('status')).out).toContain('督办问责：督办 0 次，约谈 1 次，问责 0 次，通报 0 次（其中面向部门或人员整体 1 次）');
    const f = 'n1';
    expect((await ok('apply', 'assign', '--finding', f, '--as', 'importer', '--leader', 'p-lin', '--unit', 'u-law', '--person', 'p-li', '--deadline', '2024-06-30')).out).toBe(`${f}: not_started (version 2)`);
    const entry = await ok('apply', 'progress', '--finding', f, '--as', 'p-li', '--text', '印发整改方案',
      '--doc-title', '《关于规范财务档案管理的通知》', '--doc-number', '湘司〔2024〕12号', '--issued-on', '2024-05-06', '--file', '整改报告.pdf');
    const sha256 = createHash('sha256').update(scan).digest('hex');
    expect(entry.out).toContain(`整改报告.pdf: SHA-256 ${sha256} (${scan.length} bytes)`);
    // A file that is not there, or evidence on a command that takes none, is a usage error that writes nothing.
    expect((await say('apply', 'progress', '--finding', f, '--as', 'p-li', '--text', 't', '--file', '无此文件.pdf')).code).toBe(EXIT.badInput);
    expect((await say('apply', 'complete', '--finding', f, '--as', 'p-li', '--file', '整改报告.pdf')).code).toBe(EXIT.badInput);
    expect((await say('apply', 'progress', '--finding', f, '--as', 'p-li', '--text', 't', '--doc-number', '湘司〔2024〕1号')).code).toBe(EXIT.badInput);

    // Sign-off is refused while a measure has no evidence: the reasons are printed.
    await ok('apply', 'complete-measure', '--finding', f, '--as', 'p-li', '--measure', 'm1', '--file', '整改报告.pdf');
    await ok('apply', 'complete-measure', '--finding', f, '--as', 'p-li', '--measure', 'm2', '--file', '会议记录.docx');
    await ok('apply', 'complete-measure', '--finding', f, '--as', 'p-li', '--measure', 'm3');
    await ok('apply', 'complete', '--finding', f, '--as', 'p-li');
    const refused = await say('apply', 'request-signoff', '--finding', f, '--as', 'p-li');
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.err).toContain('✗ 整改措施第3项佐证材料不足：需1项，现有0项');
    await ok('apply', 'progress', '--finding', f, '--as', 'p-li', '--measure', 'm3', '--text', '建立长效机制', '--doc-title', '财务档案管理办法');
    await ok('apply', 'request-signoff', '--finding', f, '--as', 'p-li');
    await ok('apply', 'approve', '--finding', f, '--as', 'p-lin', '--stage', 'preliminary');
    await ok('apply', 'approve', '--finding', f, '--as', 'p-wang', '--stage', 'final');
    expect((await ok('apply', 'sign-off', '--finding', f, '--as', 'importer')).out).toMatch(/^n1: signed_off/);
    expect(JSON.parse((await ok('status', '--json')).out).totals.byStatus).toMatchObject({ signed_off: 1, not_started: 21 });

    // The files: listed with the finding, verified, written out byte for byte.
    const files = await ok('files');
    expect(files.out).toContain(`${sha256.slice(0, 12)}     4.0 KB  整改报告.pdf  n1`);
    expect(files.out).toMatch(/共 2 个附件/);
    expect((await ok('verify')).out).toMatch(/2 个佐证附件（[^）]+），逐一核对 SHA-256\n校验通过$/);
    await ok('files', sha256.slice(0, 10), '--output', 'back.pdf');
    expect(readFileSync(join(dir, 'back.pdf')).equals(scan)).toBe(true);
    expect((await say('files', 'abc', '--output', 'x')).code).toBe(EXIT.badInput);

    // The workbook and the dashboard list the evidence, the files by name, size and hash.
    await ok('report', '--format', 'xlsx', '-o', 'ledger.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'ledger.xlsx')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet('任务清单')!.eachRow((row) => cells.push(String(row.getCell(10).value ?? '')));
    wb.getWorksheet('台账')!.eachRow((row) => cells.push(String(row.getCell(9).value ?? '')));
    expect(cells).toContain(`附件：整改报告.pdf（4.0 KB，SHA-256 ${sha256.slice(0, 12)}）`);
    expect(cells).toContain(`《关于规范财务档案管理的通知》（湘司〔2024〕12号，2024年5月6日印发）\n附件：整改报告.pdf（4.0 KB，SHA-256 ${sha256.slice(0, 12)}）`);
    await ok('report', '--format', 'html', '-o', 'dashboard.html');
    expect(readFileSync(join(dir, 'dashboard.html'), 'utf8')).toContain(`<li data-sha256="${sha256}">附件：整改报告.pdf（4.0 KB，SHA-256 ${sha256.slice(0, 12)}）</li>`);

    // A file changed in the database behind the store's back: verify says so and exits 3.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dir, 'rectify.db'));
    db.prepare('UPDATE rectify_files SET body = ? WHERE sha256 = ?').run(Buffer.from('replaced'), sha256);
    db.close();
    const broken = await say('verify', '--lang', 'en');
    expect(broken.code).toBe(EXIT.store);
    expect(broken.out).toContain(`file changed since it was stored: ${sha256}`);
    expect((await say('files', sha256, '--output', 'again.pdf')).code).toBe(EXIT.store);
  });
});

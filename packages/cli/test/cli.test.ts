import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldReportModel } from '@rectify/testing';
import { ledgerOf, writeLedgerWorkbook } from '@rectify/report-xlsx';
import { BIN, rectify } from './binary.js';

// These tests run the built binary, as a user does: `pnpm build` comes first in `pnpm test`.
const SEED = join(import.meta.dirname, '..', '..', '..', 'examples', 'xiangqiao', 'data', 'seed-notice.txt');

describe('the rectify binary', () => {
  let dir: string;
  let workbook: Uint8Array;
  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run the build first (npx -y pnpm@10 build)`);
    dir = mkdtempSync(join(tmpdir(), 'rectify-cli-'));
    workbook = await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 12 })), { locale: 'zh-CN' });
    writeFileSync(join(dir, 'ledger.xlsx'), workbook);
  });

  it('helps with every command, and refuses what it does not know with exit code 2', async () => {
    for (const command of ['', 'init', 'import', 'status', 'due', 'recurring', 'publications', 'report', 'apply', 'serve']) {
      const r = await rectify(dir, ...(command ? [command] : []), '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage: rectify/);
    }
    expect((await rectify(dir, 'frobnicate')).code).toBe(2);
    expect((await rectify(dir)).code).toBe(2);
    expect((await rectify(dir, 'status', '--no-such-flag')).code).toBe(2);
    expect((await rectify(dir, 'status', '--as-of', '17/04/2024')).err).toContain('--as-of must be a real day from 1990-01-01 to 2199-12-31 written YYYY-MM-DD');
  });

  it('creates a store, imports a workbook and shows where things stand', async () => {
    expect(await rectify(dir, 'init')).toMatchObject({ code: 0, out: 'store ready: rectify.db\n' });
    const imported = await rectify(dir, 'import', 'ledger.xlsx', '--org', 'org-x');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^imported 12 findings \(\d+ events\)/);
    const status = await rectify(dir, 'status', '--json', '--as-of', '2023-11-20');
    expect(status.code).toBe(0);
    const analysis = JSON.parse(status.out);
    expect(analysis.totals.total).toBe(12);
    expect(analysis.scope).toEqual({ organisationId: 'org-x', inspectionId: 'ins-a' });
    const text = await rectify(dir, 'status', '--as-of', '2023-11-20', '--lang', 'en');
    expect(text.out).toContain('Findings: 12');
    expect(text.out).not.toContain('\u001b['); // no colours when not on a terminal
  });

  it('writes nothing and names every bad cell when a workbook is wrong', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(workbook as unknown as ArrayBuffer);
    wb.getWorksheet('问题清单')!.getCell('F3').value = '差不多完成了';
    wb.getWorksheet('问题清单')!.getCell('A2').value = 'new-id'; // would be a new finding
    writeFileSync(join(dir, 'bad.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await rectify(dir, 'import', 'bad.xlsx', '--org', 'org-y');
    expect(r.code).toBe(2);
    expect(r.err).toContain('问题清单!F3 (整改状态)');
    expect((await rectify(dir, 'status', '--org', 'org-y', '--inspection', 'ins-a', '--json')).out).toBe('');
    expect(JSON.parse((await rectify(dir, 'status', '--json', '--as-of', '2023-11-20', '--org', 'org-x')).out).totals.total).toBe(12);
    expect((await rectify(dir, 'import', 'missing.xlsx')).code).toBe(2);
  });

  it('writes every report format', async () => {
    const signatures: Record<string, string> = { docx: 'PK', xlsx: 'PK', html: '<!doctype html>', notice: '', md: '# ', csv: '\uFEFF', json: '{' };
    for (const [format, start] of Object.entries(signatures)) {
      const r = await rectify(dir, 'report', '--format', format, '--as-of', '2023-11-20', '-o', `out.${format}`);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(join(dir, `out.${format}`)).subarray(0, Buffer.byteLength(start)).toString()).toBe(start);
    }
    expect((await rectify(dir, 'report', '--format', 'pdf')).code).toBe(2);
  });

  it('applies lifecycle commands, printing the reasons of a refusal with exit code 1', async () => {
    const findings = JSON.parse((await rectify(dir, 'report', '--format', 'json', '--as-of', '2030-01-01', '-o', 'model.json')).code === 0 ? readFileSync(join(dir, 'model.json'), 'utf8') : '{}');
    const all = findings.categories.flatMap((c: { findings: { id: string; status: string }[] }) => c.findings);
    const open = all.find((f: { status: string }) => f.status === 'in_progress');
    const ok = await rectify(dir, 'apply', 'progress', '--finding', open.id, '--as', 'importer', '--text', '本周完成制度修订');
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain(`${open.id}: in_progress`);
    const refused = await rectify(dir, 'apply', 'sign-off', '--finding', open.id, '--as', 'importer');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not allowed|refused/);
    const rules = await rectify(dir, 'apply', 'complete', '--finding', open.id, '--as', 'importer');
    expect(rules.code).toBe(1);
    expect(rules.err).toContain('✗');
    expect((await rectify(dir, 'apply', 'approve', '--finding', open.id, '--as', 'importer')).err).toContain('"approve" needs --stage');
  });

  it('imports a published notice into a store of its own', async () => {
    const notice = mkdtempSync(join(tmpdir(), 'rectify-notice-'));
    writeFileSync(join(notice, '通报.txt'), readFileSync(SEED));
    const r = await rectify(notice, 'import', '通报.txt', '--org', 'xq');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^imported 22 findings/);
    expect(r.err).toContain('通报.txt:46: unbalanced_quotes');
    // A notice names no one, and work starts only once someone is assigned: each finding says so.
    expect(r.err).toContain('note: n1: sustaining in the ledger; imported as not started');
    expect(JSON.parse((await rectify(notice, 'status', '--json', '--as-of', '2024-04-17')).out).totals.byStatus).toMatchObject({ not_started: 22 });
  });

  it('serves the dashboard on 127.0.0.1, read-only', async () => {
    const child = spawn('node', [BIN, 'serve', '--port', '0'], { cwd: dir });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => { const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d)); if (m) resolve(m[0]); });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const page = await fetch(`${url}?as-of=2023-11-20`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<svg ');
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
      expect((await fetch(`${url}other`)).status).toBe(404);
      // The reminders feed a calendar app subscribes to.
      const feed = await fetch(`${url}reminders.ics?as-of=2023-11-20`);
      expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const text = await feed.text();
      expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(text.split('BEGIN:VEVENT').length - 1).toBeGreaterThan(0);
      const nobody = await fetch(`${url}reminders.ics?person=nobody`);
      expect(nobody.status).toBe(400);
      expect(await nobody.text()).toContain('No person "nobody"');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

// With a real PostgreSQL server (CI always has one), the same commands on --postgres,
// in a database made for this run and dropped after it.
const PG_URL = process.env.RECTIFY_PG_URL;
if (!PG_URL && process.env.CI === 'true') throw new Error('CI=true but RECTIFY_PG_URL is not set');

describe.skipIf(!PG_URL)('the rectify binary on PostgreSQL', () => {
  it('creates the store, imports a workbook and reports, as on SQLite', async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const name = `rectify_cli_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(PG_URL!);
      url.pathname = `/${name}`;
      const dir = mkdtempSync(join(tmpdir(), 'rectify-cli-pg-'));
      writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 6 })), { locale: 'zh-CN' }));
      expect((await rectify(dir, 'init', '--postgres', url.href)).out).toBe('store ready (PostgreSQL)\n');
      expect((await rectify(dir, 'import', 'ledger.xlsx', '--postgres', url.href, '--org', 'org-pg')).out).toMatch(/^imported 6 findings/);
      expect(JSON.parse((await rectify(dir, 'status', '--postgres', url.href, '--json', '--as-of', '2023-11-20')).out).totals.total).toBe(6);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

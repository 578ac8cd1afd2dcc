import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthsBetween } from '@rectify/core';
import { ledgerOf, writeLedgerWorkbook } from '@rectify/report-xlsx';
import { worldReportModel } from '@rectify/testing';
import { EXIT, run, type Io, type Running } from '../src/index.js';

function io(cwd: string): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), tty: false, cwd, now: () => new Date('2023-11-20T02:00:00Z') };
}

/** A raw GET, path as given (fetch would normalise `//`). */
function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject).end();
  });
}

// Cases from the adversarial run of issue 22 that this change fixes.
describe('clumsy and hostile input to the command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rectify-hostile-'));
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 6 })), { locale: 'zh-CN' }));
    expect(await run(['import', 'ledger.xlsx', '--org', 'o'], io(dir), {})).toBe(EXIT.ok);
  });

  it('refuses to write a report over the store itself, and the store is untouched', async () => {
    const before = readFileSync(join(dir, 'rectify.db'));
    for (const target of ['rectify.db', './rectify.db', 'rectify.db-wal']) {
      const out = io(dir);
      expect(await run(['report', '--format', 'csv', '-o', target], out, {})).toBe(EXIT.badInput);
      expect(out.errors.join('\n')).toContain('is the store itself');
    }
    expect(readFileSync(join(dir, 'rectify.db')).equals(before)).toBe(true);
    const ok = io(dir);
    expect(await run(['status'], ok, {})).toBe(EXIT.ok);
  });

  it('refuses impossible days and days past the supported range instead of reading them as others (or hanging)', async () => {
    for (const day of ['2023-02-30', '2023-13-01', '0000-00-00', '9999-12-31', '1899-12-31']) {
      const out = io(dir);
      expect(await run(['status', '--as-of', day], out, {}), day).toBe(EXIT.badInput);
      expect(out.errors.join('\n')).toContain('must be a real day from 1990-01-01 to 2199-12-31');
    }
    // The month walk that looped for ever on "10000-01" < "9999-12" ends.
    expect(monthsBetween('9999-11-15', '9999-12-31')).toEqual(['9999-11', '9999-12']);
    expect(monthsBetween('2023-11-01', '2024-01-31')).toEqual(['2023-11', '2023-12', '2024-01']);
  });

  it('serve answers a path that is no URL and an impossible as-of with 400, and goes on serving', async () => {
    const out = io(dir);
    const server = (await run(['serve', '--port', '0'], out, {})) as Running;
    try {
      const port = Number(/:(\d+)\//.exec(out.lines[0]!)![1]);
      expect(await get(port, '//')).toBe(400);
      expect(await get(port, '/?as-of=9999-12-31')).toBe(400);
      expect(await get(port, '/?as-of=2023-02-30')).toBe(400);
      expect(await get(port, '/?as-of=2023-11-20')).toBe(200);
    } finally {
      await server.stop();
    }
    expect(statSync(join(dir, 'rectify.db')).size).toBeGreaterThan(0);
  });
});

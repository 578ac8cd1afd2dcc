import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerOf, writeLedgerWorkbook } from '@rectify/report-xlsx';
import { fuzzParameters, hostileString, worldReportModel } from '@rectify/testing';
import { EXIT, run, type Io } from '../src/index.js';

/**
 * The command line against arbitrary arguments: every answer is a documented exit code
 * with a message and no stack trace, and a refused command leaves the store as it was.
 *
 * Left out on purpose: `serve` (it listens until stopped; its own tests cover it),
 * `--postgres` (it would reach for a server), and path separators in values (a fuzzed
 * `--db ../../x` must not write outside the test's directory).
 */
describe('rectify, fuzzed arguments', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rectify-fuzz-'));
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 6 })), { locale: 'zh-CN' }));
    writeFileSync(join(dir, 'notice.txt'), '关于巡察整改进展情况的通报\n一、问题\n');
    writeFileSync(join(dir, 'bad.json'), '{"format":"rectify.bundle","version":1,"events":[{}]}');
    const quiet: Io = { out: () => undefined, err: () => undefined, tty: false, cwd: dir, now: () => new Date('2023-11-20T02:00:00Z') };
    expect(await run(['import', 'ledger.xlsx', '--org', 'o'], quiet, {})).toBe(EXIT.ok);
  });

  it('answers a documented exit code with a message, and a refusal writes nothing', async () => {
    const safe = (s: string) => s.replace(/[\\/]/g, '_');
    const value = fc.oneof(
      fc.constantFrom('ledger.xlsx', 'notice.txt', 'bad.json', 'missing.xlsx', 'rectify.db', 'o', 'f-1', 'f-2', 'importer', 'u-law', '2023-11-20', '2023-02-30', 'zh-CN', 'en', 'json', 'csv', 'html', 'xlsx', 'docx', 'md', 'notice', '1', '-1', ''),
      hostileString().map(safe),
    );
    const commands = ['init', 'import', 'status', 'report', 'apply', 'help', 'progress', 'complete', 'sign-off', 'extend', 'approve'];
    const options = ['--db', '--org', '--inspection', '--as-of', '--unit', '--json', '--lang', '--format', '--output', '--finding', '--as', '--text', '--measure', '--help', '--name', '--to', '--id', '--decision', '--on', '--command-id', '--stage', '--reason', '--bogus'];
    const token = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...options) }, { weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(...commands) });
    const argv = fc.tuple(fc.constantFrom(...commands, 'serve-not', ''), fc.array(token, { maxLength: 8 })).map(([c, rest]) => (c === '' ? rest : [c, ...rest]));

    const counts = new Map<number, number>();
    // What the store holds, read beside the CLI: events, records, findings and their versions.
    const db = new Database(join(dir, 'rectify.db'), { readonly: true });
    const held = db.prepare('SELECT (SELECT COUNT(*) FROM rectify_events) AS events, (SELECT COUNT(*) FROM rectify_records) AS records, (SELECT COUNT(*) || \':\' || TOTAL(version) FROM rectify_findings) AS findings');
    const eventsNow = async () => JSON.stringify(held.get());
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const errors: string[] = [];
        const io: Io = { out: () => undefined, err: (t) => errors.push(t), tty: false, cwd: dir, now: () => new Date('2023-11-20T02:00:00Z') };
        const before = await eventsNow();
        const code = await run(args, io, {});
        expect(typeof code, `rectify ${args.join(' ')}`).toBe('number');
        expect([EXIT.ok, EXIT.refused, EXIT.badInput, EXIT.store], `rectify ${JSON.stringify(args)}: ${errors.join('\n')}`).toContain(code);
        counts.set(code as number, (counts.get(code as number) ?? 0) + 1);
        if (code !== EXIT.ok) {
          expect(errors.join('').trim(), `rectify ${JSON.stringify(args)} says why`).not.toBe('');
          expect(errors.join('\n')).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
          expect(await eventsNow(), `rectify ${JSON.stringify(args)} wrote nothing`).toBe(before);
        }
      }),
      fuzzParameters(150),
    );
    // The property reached both outcomes.
    db.close();
    expect(counts.get(EXIT.ok)).toBeGreaterThan(0);
    expect(counts.get(EXIT.badInput)).toBeGreaterThan(0);
  }, 1_800_000);
});

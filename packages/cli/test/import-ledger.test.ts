import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, rectify } from './binary.js';

// `rectify import` on ledgers laid out by clerks: the preview, the mapping file, the
// user's language. Runs the built binary, as a user does.
const LEDGERS = join(import.meta.dirname, '..', '..', 'report-xlsx', 'test', 'ledgers');
const TRACKER = join(LEDGERS, 'shared', '06_english_internal_audit_tracker.xlsx');
const REFUSED = join(LEDGERS, 'corpus', '23_topic_sections_with_counts_numbered_measures.xlsx');

describe('rectify import of a clerk\'s ledger', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run the build first (npx -y pnpm@10 build)`);
  });

  it('previews with --dry-run: sheets, columns, findings, new names and issues, and writes nothing, not even a store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-preview-'));
    const r = await rectify(dir, 'import', TRACKER, '--dry-run', '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Sheet Findings: findings, header in row 4, data in rows 5–14');
    expect(r.out).toContain('H   Due date → deadline');
    expect(r.out).toContain('10 findings, 13 measures, 5 categories');
    expect(r.out).toMatch(/New people \(5\): Priya Shah \(Head of Accounts Payable\)/);
    expect(r.out).toMatch(/warning Findings!I8 date\.ambiguous: "01\/02\/2024" reads as 2024-02-01/);
    expect(existsSync(join(dir, 'rectify.db'))).toBe(false);
    const json = await rectify(dir, 'import', TRACKER, '--dry-run', '--json');
    const preview = JSON.parse(json.out) as { findings: unknown[]; issues: { code: string }[]; findingIds: Record<string, string> };
    expect(preview.findings).toHaveLength(10);
    expect(preview.findingIds['IA-2023-03-01']).toBe('06_english_internal_audit_tracker/IA-2023-03-01');
    expect(preview.issues.map((i) => i.code)).toContain('status.unknown');
  });

  it('writes the mapping it guessed; the clerk corrects it, and --map reads the ledger their way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-map-'));
    const inferred = await rectify(dir, 'import', TRACKER, '--infer-map');
    expect(inferred.code, inferred.err).toBe(0);
    const map = JSON.parse(inferred.out) as Record<string, unknown> & { sheets: Record<string, { columns: Record<string, string> }> };
    expect(map).toMatchObject({ format: 'rectify.ledger-map', version: 1, asOf: '2023-11-30', sheets: { Ratings: { skip: true } } });
    expect(map.sheets['Findings']!.columns).toMatchObject({ 'Finding ID': 'id', 'Action plan': 'measures', 'Revised due date': 'revisedDeadline' });
    // The clerk's corrections: dates are day first, a risk accepted counts as completed.
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ ...map, dateOrder: 'dmy', statuses: { 'Risk accepted': 'completed' } }));
    const r = await rectify(dir, 'import', TRACKER, '--map', 'map.json', '--dry-run', '--json');
    const preview = JSON.parse(r.out) as { findings: { key: string; status: string; revisedDeadline?: string }[]; issues: { code: string }[] };
    expect(preview.findings.find((f) => f.key === 'IA-2023-05-02')?.revisedDeadline).toBe('2024-02-01');
    expect(preview.findings.find((f) => f.key === 'IA-2023-07-02')?.status).toBe('completed');
    expect(preview.issues.map((i) => i.code)).not.toContain('date.ambiguous');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ dateOrder: 'ymd' }));
    const bad = await rectify(dir, 'import', TRACKER, '--map', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('dateOrder');
  });

  it('refuses a ledger with a cell it cannot read, naming the cell in the user\'s language, and imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-refused-'));
    const zh = await rectify(dir, 'import', REFUSED);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('error: Sheet1!G7: date.not_a_day: 整改时限“2023.1”是数字而非日期：请写成 2023-11-30 或 2023年11月30日');
    expect(zh.err).toContain('未导入任何内容');
    const en = await rectify(dir, 'import', REFUSED, '--lang', 'en');
    expect(en.err).toContain('error: Sheet1!G7: date.not_a_day: The deadline "2023.1" is a number, not a date: write it as 2023-11-30 or 2023年11月30日');
    expect(en.err).toContain('nothing was imported');
    const status = await rectify(dir, 'status');
    expect(status.code).toBe(2);
  });

  it('joins the names a second ledger shares with the first instead of replacing the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-second-'));
    const first = join(LEDGERS, 'shared', '01_xuncha_title_two_row_header.xlsx');
    const second = join(LEDGERS, 'corpus', '11_xuncha_one_row_per_measure_merged.xlsx');
    expect((await rectify(dir, 'import', first, '--org', 'xq')).code).toBe(0);
    expect((await rectify(dir, 'import', second, '--org', 'xq')).code).toBe(0);
    const r = await rectify(dir, 'report', '--format', 'json', '--org', 'xq', '--inspection', '01_xuncha_title_two_row_header', '-o', 'r.json');
    expect(r.code, r.err).toBe(0);
    const { readFileSync } = await import('node:fs');
    const model = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { directory: { units: { name: string }[] } };
    const units = model.directory.units.map((u) => u.name);
    expect(units).toEqual(expect.arrayContaining(['政工室', '财务室', '办公室', '机关党委', '人事股']));
  });
});

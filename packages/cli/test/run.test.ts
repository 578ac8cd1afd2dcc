import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarCn } from '@rectify/calendar-cn';
import { nextWorkingDay } from '@rectify/core';
import { ledgerOf, writeLedgerWorkbook } from '@rectify/report-xlsx';
import { worldReportModel } from '@rectify/testing';
import { EXIT, instantAt, run, type Io } from '../src/index.js';

/** An Io that keeps what is printed, with a fixed clock. */
function io(cwd: string, tty = false, now = '2023-11-20T02:00:00Z'): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), tty, cwd, now: () => new Date(now) };
}

// The same commands in-process (the binary's own tests run dist/cli.js): the clock and
// the terminal are the test's.
describe('rectify, run in-process', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rectify-run-'));
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 10 })), { locale: 'en' }));
  });

  it('takes today from the clock it is given, where the inspection is', () => {
    expect(instantAt(new Date('2023-11-20T17:30:00Z'), '+08:00')).toBe('2023-11-21T01:30:00+08:00');
    expect(instantAt(new Date('2023-11-20T17:30:00Z'), '-05:00')).toBe('2023-11-20T12:30:00-05:00');
  });

  it('imports an English workbook, then shows the status as of today, with colours on a terminal', async () => {
    const first = io(dir);
    expect(await run(['import', 'ledger.xlsx', '--org', 'o'], first, {})).toBe(EXIT.ok);
    const tty = io(dir, true);
    expect(await run(['status', '--lang', 'en'], tty, {})).toBe(EXIT.ok);
    expect(tty.lines[0]).toContain('as of 20 November 2023');
    expect(tty.lines.join('\n')).toContain('\u001b[');
    const unit = io(dir);
    expect(await run(['status', '--json', '--unit', 'u-law'], unit, {})).toBe(EXIT.ok);
    const analysis = JSON.parse(unit.lines[0]!);
    expect(analysis.unit).toBe('u-law');
    expect(analysis.totals.total).toBeLessThan(10);
  });

  it('lists what is due for a person or unit, in working days with --calendar cn, and writes a calendar feed', async () => {
    const all = io(dir);
    expect(await run(['due', '--json', '--as-of', '2023-11-20', '--days', '30'], all, {})).toBe(EXIT.ok);
    const { reminders } = JSON.parse(all.lines[0]!) as { reminders: { kind: string; dueOn: string; personIds: string[]; unitId: string; state: string }[] };
    expect(reminders.length).toBeGreaterThan(3);
    expect(reminders.map((r) => r.dueOn)).toEqual(reminders.map((r) => r.dueOn).sort());
    const person = reminders[0]!.personIds[0]!;
    const mine = io(dir);
    expect(await run(['due', '--json', '--as-of', '2023-11-20', '--days', '30', '--person', person], mine, {})).toBe(EXIT.ok);
    const own = JSON.parse(mine.lines[0]!).reminders as typeof reminders;
    expect(own).toEqual(reminders.filter((r) => r.personIds.includes(person)));
    // With --calendar cn a due day on a rest day moves to the next working day (周末, 元旦).
    const dueOn = async (calendar: string) => {
      const out = io(dir);
      expect(await run(['due', '--json', '--as-of', '2023-11-20', '--days', '40', '--calendar', calendar], out, {})).toBe(EXIT.ok);
      return new Map((JSON.parse(out.lines[0]!).reminders as (typeof reminders[number] & { findingId: string; subject?: string })[]).map((r) => [`${r.kind} ${r.findingId} ${r.subject ?? ''}`, r.dueOn]));
    };
    const everyDay = await dueOn('every-day');
    const china = await dueOn('cn');
    let moved = 0;
    for (const [key, day] of china) {
      const plain = everyDay.get(key);
      if (plain === undefined) continue; // past the horizon in calendar days
      expect(day, key).toBe(nextWorkingDay(calendarCn, plain));
      if (day !== plain) moved++;
    }
    expect(moved).toBeGreaterThan(0);
    const text = io(dir);
    expect(await run(['due', '--as-of', '2023-11-20', '--lang', 'en'], text, {})).toBe(EXIT.ok);
    expect(text.lines.slice(1).some((l) => / overdue \d+ days · /.test(l))).toBe(true);
    const feed = io(dir);
    expect(await run(['due', '--as-of', '2023-11-20', '--days', '30', '--ics', 'due.ics'], feed, {})).toBe(EXIT.ok);
    const ics = readFileSync(join(dir, 'due.ics'), 'utf8');
    expect(ics.split('BEGIN:VEVENT').length - 1).toBe(reminders.length);
    expect(feed.lines[0]).toBe(`due.ics: ${reminders.length}`);
    // Deadline outcomes in the status; no recurrence in a single round.
    const status = io(dir);
    expect(await run(['status', '--as-of', '2023-11-20', '--calendar', 'cn'], status, {})).toBe(EXIT.ok);
    expect(status.lines.join('\n')).toMatch(/按期完成 \d+，延期后完成 \d+，逾期完成 \d+/);
    const recurring = io(dir);
    expect(await run(['recurring', '--json'], recurring, {})).toBe(EXIT.ok);
    expect(JSON.parse(recurring.lines[0]!)).toEqual({ organisationId: 'o', problems: [] });
    // A look-back (回头看) planned at the command line is on the planner's list.
    expect(await run(['report', '--format', 'json', '--as-of', '2023-11-20', '-o', 'model.json'], io(dir), {})).toBe(EXIT.ok);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { categories: { findings: { id: string; status: string }[] }[] };
    const done = model.categories.flatMap((c) => c.findings).find((f) => f.status === 'sustaining')!;
    const planned = io(dir, false, '2023-11-21T02:00:00Z');
    expect(await run(['apply', 'schedule-review', '--finding', done.id, '--as', 'importer', '--id', 'r1', '--on', '2023-12-15'], planned, {}), planned.errors.join('\n')).toBe(EXIT.ok);
    const review = io(dir);
    expect(await run(['due', '--json', '--as-of', '2023-12-01', '--person', 'importer', '--days', '14'], review, {})).toBe(EXIT.ok);
    expect(JSON.parse(review.lines[0]!).reminders).toEqual([expect.objectContaining({ kind: 'review', findingId: done.id, subject: 'r1', dueOn: '2023-12-15' })]);
    expect(await run(['due', '--days', 'soon'], io(dir), {})).toBe(EXIT.badInput);
    const nobody = io(dir);
    expect(await run(['due', '--person', '查无此人'], nobody, {})).toBe(EXIT.badInput);
    expect(nobody.errors[0]).toMatch(/^No person "查无此人" in .+: give a person's id or name$/);
    expect(await run(['status', '--calendar', 'lunar'], io(dir), {})).toBe(EXIT.badInput);
    // A calendar that does not know the year says so, and the command fails as bad input.
    const far = io(dir);
    expect(await run(['due', '--as-of', '2031-01-05', '--calendar', 'cn'], far, {})).toBe(EXIT.badInput);
    expect(far.errors[0]).toContain('not 2031');
  });

  it('masks personal data before publishing, and keeps each published version with what changed', async () => {
    const listed = io(dir);
    expect(await run(['due', '--json', '--as-of', '2023-11-20', '--days', '30'], listed, {}), listed.errors.join('\n')).toBe(EXIT.ok);
    const open = (JSON.parse(listed.lines[0]!).reminders as { kind: string; findingId: string; personIds: string[] }[]).find((r) => r.kind === 'finding_deadline')!;
    const progress = ['apply', 'progress', '--finding', open.findingId, '--as', open.personIds[0]!, '--text', '已电话联系当事人13812345678，身份证号445102199003071234'];
    const applied = io(dir, false, '2023-11-21T02:00:00Z');
    expect(await run(progress, applied, {}), applied.errors.join('\n')).toBe(EXIT.ok);
    expect(await run(['report', '--format', 'json', '--as-of', '2023-11-21', '-o', 'plain.json'], io(dir), {})).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'plain.json'), 'utf8')).toContain('13812345678');
    const redacted = io(dir);
    expect(await run(['report', '--format', 'json', '--as-of', '2023-11-21', '-o', 'safe.json', '--redact', '--publish', '--as', 'importer'], redacted, {})).toBe(EXIT.ok);
    // A public report names no one: the one person's name the model holds is masked too.
    expect(redacted.errors).toEqual(['redacted: name 1, phone 1, id_number 1', expect.stringMatching(/^历史记录：\d+ 条，摘要 [0-9a-f]{64}，校验通过$/)]);
    expect(redacted.lines[1]).toMatch(/^published: json version 1 /);
    const safe = readFileSync(join(dir, 'safe.json'), 'utf8');
    expect(safe).toContain('138****5678');
    expect(safe).toContain('445102********1234');
    expect(safe).not.toMatch(/13812345678|445102199003071234/);
    // A second publication, a day later, is version 2; what changed is listed line by line.
    expect(await run(['apply', 'progress', '--finding', open.findingId, '--as', open.personIds[0]!, '--text', '第二周进展'], io(dir, false, '2023-11-22T02:00:00Z'), {})).toBe(EXIT.ok);
    expect(await run(['report', '--format', 'json', '--as-of', '2023-11-22', '-o', 'safe2.json', '--redact', '--publish', '--as', 'importer'], io(dir, false, '2023-11-22T03:00:00Z'), {})).toBe(EXIT.ok);
    const list = io(dir);
    expect(await run(['publications'], list, {})).toBe(EXIT.ok);
    expect(list.lines).toEqual([expect.stringMatching(/^json v1 · .* · importer · redacted name 1, phone 1, id_number 1$/), expect.stringMatching(/^json v2 · /)]);
    const diff = io(dir);
    expect(await run(['publications', '--format', 'json', '--diff', '2'], diff, {})).toBe(EXIT.ok);
    expect(diff.lines[0]).toBe('json v1 → v2');
    expect(diff.lines.some((l) => l.startsWith('+') && l.includes('第二周进展'))).toBe(true);
    expect(await run(['report', '--format', 'notice', '--publish'], io(dir), {})).toBe(EXIT.badInput);
    expect(await run(['publications', '--diff', '9'], io(dir), {})).toBe(EXIT.badInput);
  });

  it('answers the documented exit codes', async () => {
    expect(await run(['status', '--lang', 'fr'], io(dir), {})).toBe(EXIT.badInput);
    expect(await run(['serve', '--port', 'eighty'], io(dir), {})).toBe(EXIT.badInput);
    expect(await run(['apply', 'progress', '--finding', 'nope', '--as', 'importer', '--text', 'x'], io(dir), {})).toBe(EXIT.badInput);
    expect(await run(['apply', 'teleport', '--finding', 'x', '--as', 'y'], io(dir), {})).toBe(EXIT.badInput);
    const other = mkdtempSync(join(tmpdir(), 'rectify-run-empty-'));
    const empty = io(other);
    expect(await run(['status'], empty, {})).toBe(EXIT.badInput);
    // No store there: said so, and none is made by asking.
    expect(empty.errors[0]).toContain('No store at rectify.db');
    expect(existsSync(join(other, 'rectify.db'))).toBe(false);
    expect(await run(['init'], io(other), {})).toBe(EXIT.ok);
    const initialised = io(other);
    expect(await run(['status'], initialised, {})).toBe(EXIT.badInput);
    expect(initialised.errors[0]).toContain('import one first');
    expect(await run(['help', 'report'], io(dir), {})).toBe(EXIT.ok);
    // Found by fuzzing: no command printed the help to stdout; a file that is not a store crashed (exit 4).
    const bare = io(other);
    expect(await run([], bare, {})).toBe(EXIT.badInput);
    expect(bare.lines).toEqual([]);
    expect(bare.errors[0]).toContain('rectify');
    const notStore = io(dir);
    expect(await run(['init', 'ledger.xlsx'], notStore, {})).toBe(EXIT.store);
    expect(notStore.errors.join('\n')).toContain('ledger.xlsx is not a SQLite database');
    writeFileSync(join(other, 'broken.json'), '{"format": "rectify.bundle",');
    const broken = io(other);
    expect(await run(['import', 'broken.json'], broken, {})).toBe(EXIT.badInput);
    expect(broken.errors[0]).toMatch(/^broken\.json is not valid JSON: /);
  });
});

describe('rectify template', () => {
  it('writes a blank 整改台账 that, filled in, imports as it is; refuses to replace a file without --force', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const dir = mkdtempSync(join(tmpdir(), 'rectify-template-'));
    const made = io(dir);
    expect(await run(['template', '--title', '关于落实区委第一巡察组反馈意见的整改台账', '--as-of', '2023-11-20'], made, {})).toBe(EXIT.ok);
    expect(made.lines).toEqual([join(dir, '整改台账.xlsx')]);
    expect(existsSync(join(dir, 'rectify.db'))).toBe(false);
    const again = io(dir);
    expect(await run(['template'], again, {})).toBe(EXIT.badInput);
    expect(again.errors.join('\n')).toContain('整改台账.xlsx exists: add --force');
    expect(await run(['template', '--force'], io(dir), {})).toBe(EXIT.ok);
    expect(await run(['template', '--lang', 'en'], io(dir), {})).toBe(EXIT.ok);
    expect(existsSync(join(dir, 'findings-tracker.xlsx'))).toBe(true);
    const bad = io(dir);
    expect(await run(['template', 'ledger.csv'], bad, {})).toBe(EXIT.badInput);
    expect(bad.errors.join('\n')).toContain('name it *.xlsx');
    // Filled in by a clerk, then imported with no mapping file.
    expect(await run(['template', 'mine.xlsx', '--title', '关于落实区委第一巡察组反馈意见的整改台账', '--as-of', '2023-11-20'], io(dir), {})).toBe(EXIT.ok);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'mine.xlsx'));
    const ws = wb.worksheets[0]!;
    [['1', '理论学习不够深入', '一是制定学习计划；二是开展专题研讨', '张书记', '办公室', '李明', '2023年12月31日', '正在整改', '11月10日：已制定学习计划']]
      .forEach((row, r) => row.forEach((value, c) => { ws.getCell(4 + r, c + 1).value = value; }));
    await wb.xlsx.writeFile(join(dir, 'mine.xlsx'));
    const imported = io(dir);
    expect(await run(['import', 'mine.xlsx', '--org', 'o'], imported, {}), imported.errors.join('\n')).toBe(EXIT.ok);
    expect(imported.lines.join('\n')).toMatch(/^imported 1 findings/m);
    // The same file again changes nothing, and says so.
    const twice = io(dir);
    expect(await run(['import', 'mine.xlsx', '--org', 'o'], twice, {}), twice.errors.join('\n')).toBe(EXIT.ok);
    expect(twice.lines).toEqual(['没有新内容：mine.xlsx 的 1 个问题在存储中已是台账所记']);
    const status = io(dir);
    expect(await run(['status', '--json', '--as-of', '2023-11-20'], status, {})).toBe(EXIT.ok);
    expect(JSON.parse(status.lines[0]!).totals).toMatchObject({ total: 1 });
  });
});

import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialDocument } from '@rectify/report-docx';
import { noticeReport, parseNotice } from '@rectify/report-notice';
import { EXIT, run, type Io } from '../src/index.js';

function io(cwd: string): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), tty: false, cwd, now: () => new Date('2024-05-01T02:00:00Z') };
}

const SEED = join(import.meta.dirname, '..', '..', '..', 'examples', 'xiangqiao', 'data', 'seed-notice.txt');
const CORPUS = join(import.meta.dirname, '..', '..', 'report-notice', 'test', 'corpus');

describe('rectify import notice.docx', () => {
  it('imports the notice from its Word attachment as from its text: the seed written as an official document, and one saved by LibreOffice', async () => {
    const d = mkdtempSync(join(tmpdir(), 'rectify-docx-'));
    copyFileSync(SEED, join(d, 'seed.txt'));
    const text = io(d);
    expect(await run(['import', 'seed.txt', '--org', 'xq', '--db', 'text.db'], text, {}), text.errors.join('\n')).toBe(EXIT.ok);
    // The seed's notice as an official document (公文, GB/T 9704: 一、 in 黑体, 1. in bold
    // 仿宋), word for word, as a clerk would attach it to the page.
    const { model, content } = noticeReport(parseNotice(readFileSync(SEED, 'utf8')));
    writeFileSync(join(d, '通报.docx'), await officialDocument(model, { locale: 'zh-CN', ...content }));
    const word = io(d);
    expect(await run(['import', '通报.docx', '--org', 'xq', '--db', 'word.db'], word, {}), word.errors.join('\n')).toBe(EXIT.ok);
    expect(word.lines.join('\n')).toMatch(/imported 22 findings/);
    const statusOf = async (db: string) => {
      const out = io(d);
      expect(await run(['status', '--db', db, '--json'], out, {})).toBe(EXIT.ok);
      return (JSON.parse(out.lines.join('\n')) as { totals: unknown }).totals;
    };
    expect(await statusOf('word.db')).toEqual(await statusOf('text.db'));

    copyFileSync(join(CORPUS, '23-docx-auto-numbered.docx'), join(d, 'auto.docx'));
    const auto = io(d);
    expect(await run(['import', 'auto.docx', '--org', 'sfj', '--db', 'auto.db'], auto, {}), auto.errors.join('\n')).toBe(EXIT.ok);
    expect(auto.lines.join('\n')).toMatch(/imported 4 findings/);
  });

  it('refuses a legacy .doc and a file that is no Word document, naming what to do, and writes nothing', async () => {
    const d = mkdtempSync(join(tmpdir(), 'rectify-docx-'));
    writeFileSync(join(d, 'old.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const old = io(d);
    expect(await run(['import', 'old.docx', '--org', 'o'], old, {})).toBe(EXIT.badInput);
    expect(old.errors.join('\n')).toContain('legacy Word file (.doc): save it as .docx');
    writeFileSync(join(d, 'text.docx'), '一、关于学习贯彻不深入的问题');
    const text = io(d);
    expect(await run(['import', 'text.docx', '--org', 'o'], text, {})).toBe(EXIT.badInput);
    expect(text.errors.join('\n')).toContain('Cannot import text.docx: This is not a Word document (.docx)');
    expect(existsSync(join(d, 'rectify.db'))).toBe(false);
    expect(readFileSync(join(d, 'text.docx'), 'utf8')).toBe('一、关于学习贯彻不深入的问题');
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryDriver, openStore } from '@rectify/core';
import { docxText, zipPart } from '@rectify/testing';
import { EXIT, run, type Io, type Running } from '../src/index.js';

/**
 * Personal data as it is really written in Chinese ledgers and notices: every way of
 * writing a phone number, an ID number and an e-mail address that the adversarial run
 * of issue 22 found leaking, beside the plain forms. Each is distinct, so a leak names
 * its variant.
 */
const VARIANTS = [
  // Mobiles
  '13812345601', '138-1234-5602', '138 1234 5603', '+8613812345604', '+86 138 1234 5605', '008613812345606',
  '１３８１２３４５６０７', '139.1234.5608',
  // Landlines
  '0768-2286611', '(0768)2286612', '（0768）2286613', '0768 2286614', '07682286615', '020-87654316',
  // Resident ID numbers
  '445102199001011231', '44510219900201123X', '４４５１０２１９９００５０１１２３３', '445102 19900301 1234', 'ID44510219900401123X', '445102900601125',
  // E-mail addresses
  'zhangwei@163.com', 'zhang.wei+x@example.org.cn', '王芳@例子.中国', 'lisi＠163．com',
] as const;
/** The people: one interviewed (约谈), one only responsible for the work. */
const INTERVIEWED = '张伟明';
const RESPONSIBLE = '李娜娜';
/** The declared contact of the inspection, which must stay. */
const CONTACT = '0768-2286606';

/** Digits of a text, full-width ones included, for finding a number however it was re-spaced. */
const digitsOf = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^\dXx]/g, '');

/** The variants (and names) that survive in `text`. */
function leaks(text: string): string[] {
  const flat = digitsOf(text);
  const numbers = VARIANTS.filter((v) => !v.includes('@') && !v.includes('＠')).filter((v) => text.includes(v) || flat.includes(digitsOf(v).replace(/^(86|0086)/, '')));
  const emails = VARIANTS.filter((v) => v.includes('@') || v.includes('＠')).filter((v) => text.includes(v) || text.includes(v.split(/[@＠]/)[0]!));
  const names = [INTERVIEWED, RESPONSIBLE].filter((n) => text.includes(n));
  return [...numbers, ...emails, ...names];
}

function io(cwd: string): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), tty: false, cwd, now: () => new Date('2023-11-20T02:00:00Z') };
}

/** A store whose findings, measures and ledger entries carry every variant and both names. */
async function bundleWithPersonalData(): Promise<unknown> {
  const store = await openStore(memoryDriver());
  await store.saveOrganisation({ id: 'o', name: '某区司法局党组', units: [{ id: 'u', name: '法治股' }] });
  await store.savePeople('o', [
    { id: 'clerk', name: '政工室', organisationId: 'o', roles: ['coordinator'] },
    { id: 'p-int', name: INTERVIEWED, organisationId: 'o', unitId: 'u', roles: ['responsible_person'] },
    { id: 'p-resp', name: RESPONSIBLE, organisationId: 'o', unitId: 'u', roles: ['responsible_person'] },
    { id: 'p-lead', name: '赵分管', organisationId: 'o', roles: ['leader_in_charge'] },
  ]);
  await store.saveInspection({
    id: 'i', kind: 'xuncha', title: '区委第二巡察组巡察反馈', inspector: { name: '区委第二巡察组' }, subjectOrganisationId: 'o',
    disclosure: { contacts: [{ kind: 'phone', value: CONTACT, label: '区委巡察办' }] },
  });
  let n = 0;
  const at = (day: number) => `2023-10-${String(day).padStart(2, '0')}T09:00:00+08:00`;
  const texts = [...VARIANTS, `对${INTERVIEWED}进行约谈`, `由${RESPONSIBLE}负责落实`];
  for (const [i, variant] of texts.entries()) {
    const findingId = `f-${i + 1}`;
    const person = i % 2 === 0 ? 'p-int' : 'p-resp';
    await store.apply({ organisationId: 'o', type: 'create', commandId: `c-${++n}`, findingId, actorId: 'clerk', at: at(1), finding: { inspectionId: 'i', ordinal: i + 1, title: `问题${i + 1}：群众反映${variant}未回复` }, measures: [{ id: 'm1', ordinal: 1, text: `回访${variant}，公开监督电话${CONTACT}` }] });
    await store.apply({ organisationId: 'o', type: 'assign', commandId: `c-${++n}`, findingId, actorId: 'clerk', at: at(2), assignment: { responsibleLeaderId: 'p-lead', leadUnitId: 'u', responsiblePersonId: person, deadline: '2023-12-31' } });
    await store.apply({ organisationId: 'o', type: 'record_progress', commandId: `c-${++n}`, findingId, actorId: person, at: at(3), text: `已联系${variant}` });
  }
  await store.apply({ organisationId: 'o', type: 'supervise', commandId: `c-${++n}`, findingId: 'f-1', actorId: 'clerk', at: at(4), kind: 'interview', targetPersonIds: ['p-int'], note: '约谈责任人' });
  return store.exportBundle();
}

/** The text of a report file, whatever its format. */
function textOf(format: string, file: string): string {
  const data = readFileSync(file);
  if (format === 'docx') return docxText(data);
  if (format === 'xlsx') return ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'].map((p) => { try { return zipPart(data, p); } catch { return ''; } }).join('\n');
  // Markdown escapes - ( ) * …: read it as a reader sees it.
  if (format === 'md') return data.toString('utf8').replace(/\\(.)/g, '$1');
  return data.toString('utf8');
}

describe('redaction of every report format and of the served dashboard', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rectify-redact-'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(await bundleWithPersonalData()));
    expect(await run(['import', 'bundle.json'], io(dir), {})).toBe(EXIT.ok);
  });

  it('leaves every variant in a report that is not redacted (the test can see a leak)', async () => {
    expect(await run(['report', '--format', 'json', '-o', 'plain.json'], io(dir), {})).toBe(EXIT.ok);
    expect(leaks(textOf('json', join(dir, 'plain.json')))).toEqual([...VARIANTS, INTERVIEWED, RESPONSIBLE]);
  });

  for (const format of ['notice', 'md', 'docx', 'html', 'xlsx', 'csv', 'json']) {
    it(`masks all ${VARIANTS.length} variants and both names in ${format}, keeping the declared contact`, async () => {
      const out = io(dir);
      expect(await run(['report', '--format', format, '-o', `safe.${format}`, '--redact'], out, {})).toBe(EXIT.ok);
      const text = textOf(format, join(dir, `safe.${format}`));
      expect(leaks(text)).toEqual([]);
      expect(text).toContain(CONTACT);
      expect(out.errors.join('\n')).toMatch(/redacted: .*phone \d+/);
    });
  }

  it('masks them in the served dashboard with --redact', async () => {
    const out = io(dir);
    const server = (await run(['serve', '--port', '0', '--redact'], out, {})) as Running;
    try {
      const port = Number(/:(\d+)\//.exec(out.lines[0]!)![1]);
      const html = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/', method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve(body));
        }).on('error', reject).end();
      });
      expect(html).toContain('问题1：');
      expect(leaks(html)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

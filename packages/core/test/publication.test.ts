import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRedactions, diffLines, namesToRedact, publicRedactionRules, redactReportModel, redactText, redactValue } from '../src/index.js';
import { Harness, PEOPLE } from './harness.js';

// The seed notice as the repository keeps it (a copy of the notice the project was created from).
const SEED = readFileSync(join(import.meta.dirname, '../../../examples/xiangqiao/data/seed-notice.txt'), 'utf8');

describe('redaction before publishing', () => {
  it('masks names, phone numbers, identity card numbers and e-mail addresses, saying what it changed', () => {
    const text = '对王小明、欧阳娜娜进行约谈（王小明手机13812345678，座机0768-2281234，身份证号445102199003071234），邮箱wxm@example.cn；监督电话：0768-2209224，邮箱：czxqsf@163.com。';
    const { text: safe, redactions } = redactText(text, { names: ['王小明', '欧阳娜娜'], phones: { keep: ['0768-2209224'] }, emails: { keep: ['czxqsf@163.com'] } });
    expect(safe).toBe('对王＊＊、欧＊＊＊进行约谈（王＊＊手机138****5678，座机0768-***1234，身份证号445102********1234），邮箱w***@example.cn；监督电话：0768-2209224，邮箱：czxqsf@163.com。');
    expect(redactions.map((r) => [r.kind, r.original])).toEqual([
      ['name', '王小明'], ['name', '欧阳娜娜'], ['name', '王小明'], ['phone', '13812345678'], ['phone', '0768-2281234'], ['id_number', '445102199003071234'], ['email', 'wxm@example.cn'],
    ]);
    expect(redactions[0]).toEqual({ kind: 'name', path: '(root)', index: 1, original: '王小明', replacement: '王＊＊' });
    expect(countRedactions(redactions)).toEqual({ name: 3, phone: 2, id_number: 1, email: 1 });
    expect(redactText('王小明', { names: ['王小明'], nameMask: 'full' }).text).toBe('＊＊＊');
  });

  it('masks numbers and addresses however they are written: country codes, spaces, dots, full-width forms, groups, Chinese addresses', () => {
    const masked = (t: string) => redactText(t).text;
    expect(masked('电话+8613812345604')).toBe('电话+86138****5604');
    expect(masked('电话+86 138 1234 5605')).toBe('电话+86 138 **** 5605');
    expect(masked('手机１３８１２３４５６０７')).toBe('手机138****5607');
    expect(masked('手机139.1234.5608')).toBe('手机139.****.5608');
    expect(masked('座机0768 2286614，07682286615，020-87654316')).toBe('座机0768 ***6614，0768***6615，020-****4316');
    expect(masked('身份证445102 19900301 1234')).toBe('身份证445102**********1234');
    expect(masked('ID44510219900401123X')).toBe('ID445102********123X');
    expect(masked('邮箱王芳@例子.中国，lisi＠163．com')).toBe('邮箱王***@例子.中国，l***@163.com');
    // An ASCII address before Chinese text keeps the text: 163.com来信 is not one domain.
    expect(masked('czxqxcb@163.com来信注明')).toBe('c***@163.com来信注明');
  });

  it('leaves alone what only looks like personal data: dates, amounts, numbers inside longer ones, a declared contact however written', () => {
    const text = '2023年8月17日至2023-09-30，追回资金3.2万元，文号〔2023〕13812345678901号，项目编号4451021990030712345，联系电话（0768）2209224';
    expect(redactText(text, { phones: { keep: ['0768-2209224'] } })).toEqual({ text, redactions: [] });
  });

  it('leaves the seed notice as it is, but for its supervision e-mail when not declared', () => {
    expect(redactText(SEED, { phones: { keep: ['0768-2209224'] }, emails: { keep: ['czxqsf@163.com'] } }).redactions).toEqual([]);
    expect(redactText(SEED, { phones: { keep: ['0768-2209224'] } }).redactions.map((r) => r.replacement)).toEqual(['c***@163.com']);
  });

  it('redacts a whole report value keeping its shape, naming each field, and names the people supervision targeted', () => {
    const h = new Harness();
    h.createAssigned('f-1');
    h.ok('p-supervisor', 'supervise', { kind: 'interview', targetPersonIds: ['p-resp'], note: '约谈' }, 'f-1');
    h.ok('p-supervisor', 'supervise', { kind: 'urge', targetPersonIds: ['p-resp2'], note: '督办' }, 'f-1');
    const names = namesToRedact([...h.states.values()], PEOPLE);
    expect(names).toEqual(['责任人甲']);
    const inspection = { disclosure: { contacts: [{ kind: 'phone' as const, value: '0768-2209224' }, { kind: 'email' as const, value: 'a@b.cn' }] } };
    // A public report names no individual; bodies named as people (政工室, 巡察组, 纪委) and the units' own names stay.
    const organisation = { name: '司法局党组', units: [{ id: 'u', name: '查看' }] };
    expect(publicRedactionRules(inspection, [...h.states.values()], PEOPLE, organisation)).toEqual({
      names: ['书记', '分管领导乙', '分管领导甲', '责任人乙', '责任人甲'], phones: { keep: ['0768-2209224'] }, emails: { keep: ['a@b.cn'] },
    });
    const model = { title: '通报', findings: [{ id: 'f-1', progress: ['责任人甲已整改', '无'] }], count: 3, none: null };
    const { value, redactions } = redactValue(model, { names });
    expect(value).toEqual({ title: '通报', findings: [{ id: 'f-1', progress: ['责＊＊＊已整改', '无'] }], count: 3, none: null });
    expect(redactions.map((r) => r.path)).toEqual(['findings[0].progress[0]']);
    expect(model.findings[0]!.progress[0]).toBe('责任人甲已整改'); // the input is not changed
  });

  it('refuses malformed rules, naming the field', () => {
    expect(() => redactText('x', { names: [''] })).toThrow(/names\[0\]/);
    expect(() => redactText('x', { nameMask: 'half' as 'full' })).toThrow(/nameMask/);
  });
});

describe('a report model redacted', () => {
  it('leaves its history digest alone, though its digits look like a phone number', () => {
    // A digest whose hex holds 13812345678: masked, it would no longer be the digest.
    const digest = `ab13812345678c${'0'.repeat(50)}`;
    const model = { title: '联系电话13812345678', history: { verified: true, digest, breaks: [] } };
    const { value, redactions } = redactReportModel(model);
    expect(value.history.digest).toBe(digest);
    expect(value.title).toBe('联系电话138****5678');
    expect(redactions.map((r) => r.path)).toEqual(['title']);
    expect(redactValue(model).value.history.digest).not.toBe(digest);
  });
});

describe('names written with a post in free text', () => {
  it('masks the surname before a post or 某某, reporting each, and leaves words that only look like one', () => {
    const cases: [string, string][] = [
      ['对财务室杨会计进行约谈，李主任签字。', '对财务室＊会计进行约谈，＊主任签字。'],
      ['王某某反映问题，经欧阳书记同意', '＊某某反映问题，经＊＊书记同意'],
      ['提高会计核算水平；每周组长例会；办公室主任负责；区委书记讲话；向主任汇报', '提高会计核算水平；每周组长例会；办公室主任负责；区委书记讲话；向主任汇报'],
    ];
    for (const [text, expected] of cases) expect(redactText(text).text, text).toBe(expected);
    expect(redactText('对财务室杨会计进行约谈，李主任签字。').redactions).toEqual([
      { kind: 'name', path: '(root)', index: 4, original: '杨', replacement: '＊' },
      { kind: 'name', path: '(root)', index: 12, original: '李', replacement: '＊' },
    ]);
    // Off when asked; and a listed name keeps its own mask (张＊) next to them.
    expect(redactText('杨会计', { titledNames: false }).text).toBe('杨会计');
    expect(redactText('张三与杨会计', { names: ['张三'] }).text).toBe('张＊与＊会计');
  });
});

describe('differences between published versions', () => {
  it('shows the lines removed and added, with their numbers, the rest kept', () => {
    const v1 = '通报\n一、\n整改进度：正在推进。\n二、\n结尾';
    const v2 = '通报\n一、\n整改进度：已完成。\n新增一段\n二、\n结尾';
    const d = diffLines(v1, v2);
    expect(d.filter((x) => x.kind !== 'same')).toEqual([
      { kind: 'removed', text: '整改进度：正在推进。', oldLine: 3 },
      { kind: 'added', text: '整改进度：已完成。', newLine: 3 },
      { kind: 'added', text: '新增一段', newLine: 4 },
    ]);
    expect(d.filter((x) => x.kind === 'same').map((x) => [x.oldLine, x.newLine])).toEqual([[1, 1], [2, 2], [4, 5], [5, 6]]);
    expect(diffLines(SEED, SEED).every((x) => x.kind === 'same')).toBe(true);
  });

  it('rebuilds both texts from any diff', () => {
    const lines = SEED.split('\n');
    const edited = lines.filter((_, i) => i % 7 !== 3).map((l, i) => (i % 11 === 5 ? `${l}（已修订）` : l));
    edited.splice(20, 0, '插入的一行');
    const d = diffLines(SEED, edited.join('\n'));
    expect(d.filter((x) => x.kind !== 'added').map((x) => x.text).join('\n')).toBe(SEED);
    expect(d.filter((x) => x.kind !== 'removed').map((x) => x.text).join('\n')).toBe(edited.join('\n'));
  });
});

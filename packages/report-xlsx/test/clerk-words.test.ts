import { describe, expect, it } from 'vitest';
import { nearDuplicate, readCategoryHeading, readDayText, readOrdinal, readStatusText, splitMeasures, splitNamePost, splitUnits } from '../src/clerk/words.js';
import { matchHeader } from '../src/clerk/headers.js';

describe('dates as clerks write them', () => {
  it('reads the forms of a day, and says when it had to guess', () => {
    const cases: [string, unknown][] = [
      ['2023-11-17', { kind: 'day', day: '2023-11-17' }],
      ['2023/11/7', { kind: 'day', day: '2023-11-07' }],
      ['2025.05.20', { kind: 'day', day: '2025-05-20' }],
      ['２０２３年１１月１７日', { kind: 'day', day: '2023-11-17' }],
      ['2023年12月31日前', { kind: 'day', day: '2023-12-31' }],
      ['2023-12-31之前', { kind: 'day', day: '2023-12-31' }],
      ['2023年12月底前', { kind: 'day', day: '2023-12-31', doubt: 'month_end' }],
      ['2024年2月底', { kind: 'day', day: '2024-02-29', doubt: 'month_end' }],
      ['2023年底前', { kind: 'day', day: '2023-12-31', doubt: 'year_end' }],
      ['2024年上半年', { kind: 'day', day: '2024-06-30', doubt: 'half_year' }],
      ['2024年第三季度', { kind: 'day', day: '2024-09-30', doubt: 'quarter' }],
      ['Q1 2024', { kind: 'day', day: '2024-03-31', doubt: 'quarter' }],
      ['31/12/2023', { kind: 'day', day: '2023-12-31' }],
      ['12/15/2023', { kind: 'day', day: '2023-12-15' }],
      ['15 Dec 2023', { kind: 'day', day: '2023-12-15' }],
      ['15-Jan-2024', { kind: 'day', day: '2024-01-15' }],
      ['30 November 2023', { kind: 'day', day: '2023-11-30' }],
      ['立行立改', { kind: 'measure_kind', measureKind: 'immediate' }],
      ['长期坚持', { kind: 'measure_kind', measureKind: 'long_term' }],
      ['TBC', { kind: 'none' }],
      ['待定', { kind: 'none' }],
      ['2023.1', { kind: 'bad', reason: 'not_a_day' }],
      ['2023-02-30', { kind: 'bad', reason: 'unreadable' }],
      ['下周', { kind: 'bad', reason: 'unreadable' }],
    ];
    for (const [text, want] of cases) expect(readDayText(text), text).toEqual(want);
  });

  it('takes the ledger\'s year for a day written without one, and needs one', () => {
    expect(readDayText('6月30日前', { year: 2024 })).toEqual({ kind: 'day', day: '2024-06-30', doubt: 'no_year' });
    expect(readDayText('11月底', { year: 2023 })).toEqual({ kind: 'day', day: '2023-11-30', doubt: 'no_year' });
    expect(readDayText('6月30日')).toEqual({ kind: 'bad', reason: 'no_year' });
  });

  it('reads 01/02/2024 only with a date order, and keeps the latest of several dates', () => {
    expect(readDayText('01/02/2024')).toEqual({ kind: 'ambiguous', candidates: ['2024-02-01', '2024-01-02'] });
    expect(readDayText('01/02/2024', { dateOrder: 'dmy' })).toEqual({ kind: 'day', day: '2024-02-01' });
    expect(readDayText('01/02/2024', { dateOrder: 'mdy' })).toEqual({ kind: 'day', day: '2024-01-02' });
    expect(readDayText('1.2023年10月底前；2.2023年12月31日')).toEqual({ kind: 'day', day: '2023-12-31', doubt: 'several' });
  });
});

describe('status words', () => {
  it('reads the words of ledgers and notices, never 未完成 as 完成', () => {
    const cases: [string, string | null][] = [
      ['已完成', 'completed'], ['已整改到位', 'completed'], ['Closed', 'completed'], ['100%', 'completed'],
      ['阶段性完成并需长期坚持', 'sustaining'], ['基本完成', 'sustaining'], ['持续整改', 'sustaining'],
      ['正在整改', 'in_progress'], ['未完成', 'in_progress'], ['未整改', 'in_progress'], ['In Progress', 'in_progress'], ['60%', 'in_progress'],
      ['未启动', 'not_started'], ['Not started', 'not_started'], ['0%', 'not_started'],
      ['待审核销号', 'awaiting_signoff'], ['Closed - pending IA validation', 'awaiting_signoff'], ['Closed – pending IA validation', 'awaiting_signoff'],
      ['已销号', 'signed_off'], ['Verified', 'signed_off'],
      ['Risk accepted', null], ['暂缓', null],
      ['已完成（佐证材料已归档）', 'completed'], ['尚未完成，正在推进', 'in_progress'],
    ];
    for (const [word, status] of cases) expect(readStatusText(word)?.status, word).toBe(status);
    expect(readStatusText('Overdue')).toEqual({ status: 'in_progress', doubt: 'overdue' });
    expect(readStatusText('见附件')).toBeUndefined();
    expect(readStatusText('Risk accepted', { 'risk accepted': 'completed' })?.status).toBe('completed');
  });
});

describe('cells that hold several things', () => {
  it('splits measures on 一是/二是, numbers, line breaks and ；, keeping one sentence whole', () => {
    expect(splitMeasures('一是坚持把政治建设摆在首位；二是以“我为群众办实事”为主题；三是加大学习力度。')).toEqual(['坚持把政治建设摆在首位', '以“我为群众办实事”为主题', '加大学习力度']);
    expect(splitMeasures('1) Enforce dual approval.\n2) Review the change log.')).toEqual(['Enforce dual approval.', 'Review the change log.']);
    expect(splitMeasures('（1）倒排工期（2）每周调度（3）纳入年度考核')).toEqual(['倒排工期', '每周调度', '纳入年度考核']);
    expect(splitMeasures('①全面盘点②调整账务')).toEqual(['全面盘点', '调整账务']);
    expect(splitMeasures('- Enforce MFA\n- Remove legacy accounts')).toEqual(['Enforce MFA', 'Remove legacy accounts']);
    expect(splitMeasures('对不牢固的原始凭证重新装订；对凭证资料错乱问题再排查')).toEqual(['对不牢固的原始凭证重新装订', '对凭证资料错乱问题再排查']);
    expect(splitMeasures('Enable the check; recover the duplicates.')).toEqual(['Enable the check; recover the duplicates.']);
    expect(splitMeasures('落实《2023年培训方案》第1.2条')).toEqual(['落实《2023年培训方案》第1.2条']);
    expect(splitMeasures('   ')).toEqual([]);
  });

  it('splits units, strips posts from names, and reads category headings', () => {
    expect(splitUnits('人民参与和促进法治股、各司法所')).toEqual(['人民参与和促进法治股', '各司法所']);
    expect(splitUnits('社会救助科/相关科室，办公室')).toEqual(['社会救助科', '相关科室', '办公室']);
    expect(splitNamePost('李振华（政工室主任）')).toEqual({ name: '李振华', post: '政工室主任' });
    expect(splitNamePost('Priya Shah (Head of Accounts Payable)')).toEqual({ name: 'Priya Shah', post: 'Head of Accounts Payable' });
    expect(splitNamePost('王强')).toEqual({ name: '王强' });
    expect(readCategoryHeading('（一）党的路线方针政策贯彻落实方面')).toEqual({ ordinal: 1, title: '党的路线方针政策贯彻落实方面' });
    expect(readCategoryHeading('二、落实全面从严治党方面（共2个问题）')).toEqual({ ordinal: 2, title: '落实全面从严治党方面' });
    expect(readCategoryHeading('7.1.5 Monitoring resources')).toEqual({ title: '7.1.5 Monitoring resources' });
    expect(readOrdinal('1.2')).toEqual({ parent: 1, ordinal: 2, id: '1.2' });
    expect(readOrdinal('（3）')).toEqual({ ordinal: 3, id: '3' });
    expect(readOrdinal('SJ-2025-01')).toEqual({ id: 'SJ-2025-01' });
    expect(nearDuplicate('李振华', '李振化')).toBe(true);
    expect(nearDuplicate('李振华', '李华')).toBe(true);
    expect(nearDuplicate('李振华', '张伟明')).toBe(false);
  });

  it('matches header words across width, case, notes in brackets and longer wordings', () => {
    expect(matchHeader('整改时限')).toEqual({ field: 'deadline' });
    expect(matchHeader('整改时限（年月日）')).toEqual({ field: 'deadline' });
    expect(matchHeader('整改完成时限')).toEqual({ field: 'deadline' });
    expect(matchHeader(' Finding  ID ')).toEqual({ field: 'id' });
    expect(matchHeader('完成时间')).toEqual({ ambiguous: ['completedOn', 'deadline'] });
    expect(matchHeader('风险描述及影响分析说明')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  formatDay,
  formatMonth,
  label,
  numberLabel,
  numberLabelEn,
  parseChineseDate,
  parseChineseNumeral,
  STATUS_LABELS,
  COMMAND_LABELS,
  COMMAND_TYPES,
} from '../src/index.js';

describe('Chinese numerals', () => {
  it('writes them as official documents do', () => {
    const cases: [number, string][] = [
      [0, '零'], [1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [22, '二十二'], [100, '一百'],
      [101, '一百零一'], [110, '一百一十'], [1001, '一千零一'], [10000, '一万'], [10086, '一万零八十六'], [120345, '十二万零三百四十五'],
    ];
    for (const [n, zh] of cases) expect(chineseNumeral(n)).toBe(zh);
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });

  it('reads back what it writes (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => parseChineseNumeral(chineseNumeral(n)) === n), { numRuns: 3000 });
  });

  it('reads common variants and rejects non-numbers', () => {
    expect(parseChineseNumeral('两百')).toBe(200);
    expect(parseChineseNumeral('〇')).toBe(0);
    expect(parseChineseNumeral('abc')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
  });
});

describe('numbering levels', () => {
  it('labels sections, categories, items and measures', () => {
    expect(numberLabel('section', 2)).toBe('二、');
    expect(numberLabel('category', 3)).toBe('（三）');
    expect(numberLabel('item', 5)).toBe('5、');
    expect(numberLabel('itemDot', 5)).toBe('5.');
    expect(numberLabel('subItem', 2)).toBe('（2）');
    expect(numberLabel('measure', 6)).toBe('六是');
    expect(numberLabel('measure', 11)).toBe('十一是');
    expect(numberLabelEn('section', 4)).toBe('IV.');
    expect(numberLabelEn('subItem', 2)).toBe('(b)');
    expect(numberLabelEn('category', 2)).toBe('(2)');
  });
});

describe('dates in words', () => {
  it('formats and parses Chinese dates', () => {
    expect(formatDay('2023-08-17', 'zh-CN')).toBe('2023年8月17日');
    expect(formatDay('2024-04-17', 'en')).toBe('17 April 2024');
    expect(formatMonth('2023-11', 'zh-CN')).toBe('2023年11月');
    expect(formatMonth('2023-11', 'en')).toBe('November 2023');
    expect(parseChineseDate('2023年8月17日')).toBe('2023-08-17');
    expect(parseChineseDate('２０２３年９月２８日')).toBe('2023-09-28');
    expect(parseChineseDate('2023年2月30日')).toBeUndefined();
    expect(parseChineseDate('2023812日')).toBeUndefined();
  });
});

describe('labels', () => {
  it('has both languages for every status and command', () => {
    expect(label(STATUS_LABELS.sustaining, 'zh-CN')).toBe('阶段性完成并需长期坚持');
    expect(STATUS_LABELS.signed_off.notice).toBe('已完成');
    for (const c of COMMAND_TYPES) {
      expect(COMMAND_LABELS[c]['zh-CN']).not.toBe('');
      expect(COMMAND_LABELS[c].en).not.toBe('');
    }
  });
});

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/**
 * Writes a whole number from 0 to 99,999,999 in Chinese numerals as used in
 * official documents: 十一 (not 一十一) for 11, 一百零五 for 105.
 *
 * @example
 * ```ts
 * chineseNumeral(3);   // '三'
 * chineseNumeral(12);  // '十二'
 * chineseNumeral(105); // '一百零五'
 * ```
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) {
    throw new RangeError(`chineseNumeral takes a whole number from 0 to 99999999, got ${n}`);
  }
  if (n === 0) return DIGITS[0];
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    const head = `${chineseNumeral(high)}万`;
    if (low === 0) return head;
    return low < 1000 ? `${head}零${belowTenThousand(low, false)}` : `${head}${belowTenThousand(low, false)}`;
  }
  return belowTenThousand(n, true);
}

function belowTenThousand(n: number, leading: boolean): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += DIGITS[0];
    pendingZero = false;
    // 十二, not 一十二, when the number starts with the tens.
    const omitOne = leading && d === 1 && unit === '十' && out === '';
    out += (omitOne ? '' : DIGITS[d as 1]) + unit;
  });
  return out;
}

const VALUES: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads Chinese numerals back (the inverse of {@link chineseNumeral}); returns
 * `undefined` for text that is not a number.
 *
 * @example
 * ```ts
 * parseChineseNumeral('二十三'); // 23
 * parseChineseNumeral('十');     // 10
 * ```
 */
export function parseChineseNumeral(textValue: string): number | undefined {
  if (textValue === '' || !/^[零〇一二两三四五六七八九十百千万]+$/.test(textValue)) return undefined;
  const wan = textValue.indexOf('万');
  if (wan >= 0) {
    const high = parseChineseNumeral(textValue.slice(0, wan));
    const rest = textValue.slice(wan + 1);
    const low = rest === '' ? 0 : parseChineseNumeral(rest);
    return high === undefined || low === undefined ? undefined : high * 10_000 + low;
  }
  let total = 0;
  let digit: number | undefined;
  for (const ch of textValue) {
    const value = VALUES[ch];
    if (value !== undefined) {
      digit = value;
      continue;
    }
    const multiplier = MULTIPLIERS[ch];
    if (multiplier === undefined) return undefined;
    total += (digit ?? 1) * multiplier;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/**
 * The numbering levels of Chinese reports and official documents (公文):
 * - `section`: 一、二、三、 (first level)
 * - `category`: （一）（二） (second level)
 * - `item`: 1、2、 (third level, as in the seed notice)
 * - `itemDot`: 1. 2. (third level in GB/T 9704 公文)
 * - `subItem`: （1）（2） (fourth level in 公文)
 * - `measure`: 一是 二是 (enumerating measures inside a paragraph)
 */
export type NumberingLevel = 'section' | 'category' | 'item' | 'itemDot' | 'subItem' | 'measure';

/**
 * The number label for position `n` (1-based) at a numbering level.
 *
 * @example
 * ```ts
 * numberLabel('section', 2);  // '二、'
 * numberLabel('category', 3); // '（三）'
 * numberLabel('item', 5);     // '5、'
 * numberLabel('measure', 2);  // '二是'
 * ```
 */
export function numberLabel(level: NumberingLevel, n: number): string {
  switch (level) {
    case 'section':
      return `${chineseNumeral(n)}、`;
    case 'category':
      return `（${chineseNumeral(n)}）`;
    case 'item':
      return `${n}、`;
    case 'itemDot':
      return `${n}.`;
    case 'subItem':
      return `（${n}）`;
    case 'measure':
      return `${chineseNumeral(n)}是`;
  }
}

/** English ordinal labels for the same levels: `1.`, `(a)`, … */
export function numberLabelEn(level: NumberingLevel, n: number): string {
  switch (level) {
    case 'section':
      return `${toRoman(n)}.`;
    case 'category':
      return `(${n})`;
    case 'item':
    case 'itemDot':
      return `${n}.`;
    case 'subItem':
      return `(${String.fromCharCode(96 + ((n - 1) % 26) + 1)})`;
    case 'measure':
      return `(${n})`;
  }
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

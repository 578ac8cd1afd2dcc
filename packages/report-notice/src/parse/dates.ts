import { isCalendarDay, type CalendarDay } from '@rectify/core';
import type { NoticeWarning } from './types.js';

/** Half-width digits for full-width ones (２０２３ → 2023). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function day(y: string | number, m: string | number, d: string | number): CalendarDay | undefined {
  const value = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCalendarDay(value) ? value : undefined;
}

/** A date as read: the day, and how sure the reading is. */
export interface ReadDate {
  day: CalendarDay;
  confidence: number;
  /** Where in the text it was found. */
  index: number;
  length: number;
}

/**
 * Every date in a text: 2023年8月17日 (sure), 2023-08-17 (sure), and 2023812日 — a
 * date whose 年 and 月 were lost — read as the only split that makes a real day
 * (a guess: confidence 0.5, and a warning); 2024年917日 (月 lost) and 至830日, 914日 the
 * same way. A date without a year (至6月30日, 3月14日) takes the year of the date before
 * it, or the next year where it would otherwise come before that date (2022年11月21日至
 * 1月13日 ends in 2023); a range's end may leave out the month too (1月10日至12日).
 * 今年1月6日 and 去年 are read in `thisYear` (the notice's own year), when it is known.
 */
export function datesIn(text: string, line: number, warnings: NoticeWarning[], thisYear?: number): ReadDate[] {
  const t = asciiDigits(text);
  const out: ReadDate[] = [];
  const full = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})|(今年|本年|去年|上年)?(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})(\d{1,3})日|(\d{4})\s*年\s*(\d{2,4})\s*日|(?<=至|到|—|-|~)\s*(\d{1,2})\s*日|(?<=^|至|到|[，,。；;\s])(\d{2,4})日/g;
  /** The only split of `digits` into a month and a day that is a real day of `year`. */
  const split = (year: string, digits: string): CalendarDay | undefined => {
    const splits = [...Array(digits.length - 1).keys()].map((i) => day(year, digits.slice(0, i + 1), digits.slice(i + 1))).filter((d): d is CalendarDay => d !== undefined);
    return splits.length === 1 ? splits[0] : undefined;
  };
  const lost = (written: string, read: CalendarDay | undefined, after = '') =>
    warnings.push({ code: 'garbled_date', line, message: read ? `“${written}” has lost characters; read as ${read}${after}` : `“${written}” has lost characters and cannot be read as one date` });
  for (const m of t.matchAll(full)) {
    let read: CalendarDay | undefined;
    let confidence = 1;
    const before = out.at(-1);
    if (m[1]) read = day(m[1], m[2]!, m[3]!);
    else if (m[4]) read = day(m[4], m[5]!, m[6]!);
    else if (m[8]) {
      if (m[7]) {
        // 今年1月6日: the year the notice speaks in, when it says which.
        if (thisYear !== undefined) read = day(/去|上/.test(m[7]) ? thisYear - 1 : thisYear, m[8], m[9]!);
        confidence = 0.8;
      } else if (before) {
        const range = /(?:至|到|—|-|~)\s*$/.test(t.slice(0, m.index));
        const year = Number(before.day.slice(0, 4));
        read = day(year, m[8], m[9]!);
        // A year end crossed: 11月21日至1月13日; 12月6日…1月8日.
        if (read !== undefined && read < before.day) {
          read = day(year + 1, m[8], m[9]!);
          confidence = range ? 1 : 0.8;
        }
      }
    } else if (m[10] || m[12]) {
      read = split(m[10] ?? m[12]!, m[11] ?? m[13]!);
      lost(m[0], read);
      confidence = 0.5;
    } else if (m[14] && before) {
      // 1月10日至12日: a day of the month before.
      read = day(before.day.slice(0, 4), before.day.slice(5, 7), m[14]);
    } else if (m[15] && before) {
      // 914日, 至830日: a month and day whose 月 was lost, in the year of the date before it.
      read = split(before.day.slice(0, 4), m[15]);
      if (read) lost(m[0], read, ', in the year of the date before it');
      confidence = 0.5;
    }
    if (read) out.push({ day: read, confidence, index: m.index, length: m[0].length });
  }
  return out;
}

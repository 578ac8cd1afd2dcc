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
 * (a guess: confidence 0.5, and a warning). A range's second date may leave out the
 * year (2023年4月12日至6月30日): it takes the first's.
 */
export function datesIn(text: string, line: number, warnings: NoticeWarning[]): ReadDate[] {
  const t = asciiDigits(text);
  const out: ReadDate[] = [];
  const full = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})|(?<=至|到|—|-|~)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})(\d{1,3})日|(?<=^|至|到|[，,。；;\s])(\d{2,4})日/g;
  for (const m of t.matchAll(full)) {
    let read: CalendarDay | undefined;
    let confidence = 1;
    if (m[1]) read = day(m[1], m[2]!, m[3]!);
    else if (m[4]) read = day(m[4], m[5]!, m[6]!);
    else if (m[7]) {
      const year = out.at(-1)?.day.slice(0, 4);
      if (year) read = day(year, m[7], m[8]!);
    } else if (m[11]) {
      // 914日, 至830日: a month and day whose 月 was lost, in the year of the date before it.
      const year = out.at(-1)?.day.slice(0, 4);
      const digits = m[11];
      const splits = year === undefined ? [] : [...Array(digits.length - 1).keys()].map((i) => day(year, digits.slice(0, i + 1), digits.slice(i + 1))).filter((d): d is CalendarDay => d !== undefined);
      if (splits.length === 1) {
        read = splits[0];
        confidence = 0.5;
        warnings.push({ code: 'garbled_date', line, message: `“${m[0]}” has lost characters; read as ${read}, in the year of the date before it` });
      }
    } else if (m[9]) {
      const digits = m[10]!;
      const splits = [...Array(digits.length - 1).keys()].map((i) => day(m[9]!, digits.slice(0, i + 1), digits.slice(i + 1))).filter((d): d is CalendarDay => d !== undefined);
      if (splits.length === 1) {
        read = splits[0];
        confidence = 0.5;
        warnings.push({ code: 'garbled_date', line, message: `“${m[0]}” has lost characters; read as ${read}` });
      } else {
        warnings.push({ code: 'garbled_date', line, message: `“${m[0]}” has lost characters and cannot be read as one date` });
      }
    }
    if (read) out.push({ day: read, confidence, index: m.index, length: m[0].length });
  }
  return out;
}

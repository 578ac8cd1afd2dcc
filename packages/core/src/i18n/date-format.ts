// The one locale used, not 'date-fns/locale' (every locale date-fns has: about 0.2 s at start).
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { dayToDate, isCalendarDay, type CalendarDay } from '../dates/calendar-day.js';
import type { Locale } from './locale.js';

/**
 * Writes a calendar day the way documents do: `2023年8月17日` in Chinese,
 * `17 August 2023` in English.
 *
 * @example
 * ```ts
 * formatDay('2023-08-17', 'zh-CN'); // '2023年8月17日'
 * formatDay('2023-08-17', 'en');    // '17 August 2023'
 * ```
 */
export function formatDay(day: CalendarDay, locale: Locale): string {
  const date = dayToDate(day);
  return locale === 'zh-CN' ? format(date, 'yyyy年M月d日') : format(date, 'd MMMM yyyy', { locale: enGB });
}

/**
 * Writes a month: `2023年8月` / `August 2023`.
 */
export function formatMonth(month: string, locale: Locale): string {
  const date = dayToDate(`${month}-01`);
  return locale === 'zh-CN' ? format(date, 'yyyy年M月') : format(date, 'MMMM yyyy', { locale: enGB });
}

/**
 * Reads a Chinese date such as `2023年8月17日` (full-width digits allowed) into a
 * calendar day; `undefined` when the text is not a real date.
 *
 * @example
 * ```ts
 * parseChineseDate('2023年8月17日'); // '2023-08-17'
 * ```
 */
export function parseChineseDate(textValue: string): CalendarDay | undefined {
  const ascii = textValue.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const match = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(ascii);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isCalendarDay(day) ? day : undefined;
}

import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, dayOfWeek, isRectifyError, nextWorkingDay, workingDaysBetween, type CalendarDay } from '@rectify/core';
import { ARRANGEMENTS, calendarCn, chinaCalendar, type YearArrangement } from '../src/index.js';

const daysOf = (from: CalendarDay, to: CalendarDay): CalendarDay[] => {
  const out: CalendarDay[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
};

describe('the State Council arrangements this package holds', () => {
  it('are well formed: rests in order inside their year, worked days on weekends outside any rest', () => {
    for (const a of ARRANGEMENTS) {
      let previousEnd = `${a.year - 1}-12-30`;
      for (const h of a.holidays) {
        expect(h.rest[0] > previousEnd, `${a.year} ${h.name} after the previous holiday`).toBe(true);
        expect(h.rest[0] <= h.rest[1]).toBe(true);
        previousEnd = h.rest[1];
        for (const w of h.worked) {
          expect([6, 7], `${w} (${h.name}) is a weekend day`).toContain(dayOfWeek(w));
          expect(a.holidays.some((x) => w >= x.rest[0] && w <= x.rest[1]), `${w} is not also a rest day`).toBe(false);
        }
      }
      expect(a.holidays.map((h) => h.name).join()).toMatch(/^元旦,春节,清明节,劳动节,端午节,/);
    }
  });

  it('give each long holiday its published length: 春节 7 days until 2024, 8 from 2024, 9 in 2026', () => {
    const length = (year: number, name: string) => {
      const h = ARRANGEMENTS.find((a) => a.year === year)!.holidays.find((x) => x.name.startsWith(name))!;
      return daysOf(h.rest[0], h.rest[1]).length;
    };
    expect([2021, 2022, 2023, 2024, 2025, 2026].map((y) => length(y, '春节'))).toEqual([7, 7, 7, 8, 8, 9]);
    expect([2021, 2022, 2023, 2024, 2025, 2026].map((y) => length(y, '劳动节'))).toEqual([5, 5, 5, 5, 5, 5]);
    expect(length(2023, '中秋节')).toBe(8);
    expect(length(2025, '国庆节')).toBe(8);
  });
});

describe('calendarCn', () => {
  it('works the Saturdays and Sundays of 调休 and rests the weekdays of a holiday', () => {
    expect(calendarCn.dayKind('2023-01-28')).toEqual({ kind: 'adjusted_working', holiday: '春节' }); // a Saturday
    expect(calendarCn.isWorkingDay('2023-01-28')).toBe(true);
    expect(calendarCn.isWorkingDay('2023-01-29')).toBe(true); // a Sunday
    expect(calendarCn.dayKind('2023-10-02')).toEqual({ kind: 'holiday', holiday: '中秋节、国庆节' }); // a Monday
    expect(calendarCn.isWorkingDay('2023-10-02')).toBe(false);
    expect(calendarCn.dayKind('2022-12-31')).toEqual({ kind: 'holiday', holiday: '元旦' }); // 2023's 元旦, a Saturday
    expect(calendarCn.dayKind('2023-08-17')).toEqual({ kind: 'working' }); // the seed's feedback day, a Thursday
    expect(calendarCn.dayKind('2023-08-19')).toEqual({ kind: 'weekend' });
    expect(calendarCn.isWorkingDay('2025-04-27')).toBe(true); // a Sunday before 劳动节
    expect(calendarCn.isWorkingDay('2026-02-23')).toBe(false); // a Monday, 正月初七
  });

  it('counts deadlines in working days across 春节 and 国庆', () => {
    // Thursday 19 January 2023, three working days: Friday 20th, then 28th and 29th (调休).
    expect(addWorkingDays(calendarCn, '2023-01-19', 3)).toBe('2023-01-29');
    expect(workingDaysBetween(calendarCn, '2023-01-20', '2023-01-30')).toBe(3);
    // "15个工作日内" from Wednesday 27 September 2023, over 中秋国庆 (eight days off, two weekend days worked).
    const deadline = addWorkingDays(calendarCn, '2023-09-27', 15);
    expect(deadline).toBe('2023-10-24');
    expect(workingDaysBetween(calendarCn, '2023-09-27', deadline)).toBe(15);
    expect(addWorkingDays(calendarCn, deadline, -15)).toBe('2023-09-27');
    // A deadline on a holiday stands until the next working day (民法典 第二百零三条).
    expect(nextWorkingDay(calendarCn, '2023-10-01')).toBe('2023-10-07');
    expect(nextWorkingDay(calendarCn, '2023-10-09')).toBe('2023-10-09');
  });

  it('refuses a day of a year it does not know, naming the years it does', () => {
    const error = (() => {
      try {
        calendarCn.isWorkingDay('2027-03-01');
      } catch (e) {
        return e;
      }
    })();
    expect(isRectifyError(error, 'calendar.unknown_day')).toBe(true);
    expect((error as Error).message).toContain('2021–2026');
    expect(() => addWorkingDays(calendarCn, '2026-12-20', 30)).toThrow(/not 2027/);
  });

  it('takes a year it lacks from the caller, validated', () => {
    const y2027: YearArrangement = {
      year: 2027,
      source: { title: '国务院办公厅关于2027年部分节假日安排的通知（示例）', issuedOn: '2026-11-01' },
      holidays: [{ name: '元旦', rest: ['2027-01-01', '2027-01-03'], worked: ['2026-12-27'] }],
    };
    const calendar = chinaCalendar({ extraYears: [y2027] });
    expect(calendar.years.at(-1)).toBe(2027);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
    expect(calendar.dayKind('2026-12-27').kind).toBe('adjusted_working');
    expect(() => chinaCalendar({ extraYears: [{ ...y2027, holidays: [{ name: '元旦', rest: ['2027-01-03', '2027-01-01'], worked: [] }] }] })).toThrow(
      /holidays\[0\]\.rest: The rest ends before it starts/,
    );
    expect(() => chinaCalendar({ extraYears: [{ ...y2027, holidays: [{ name: '元旦', rest: ['2027-1-1', '2027-01-03'], worked: [] }] }] })).toThrow(/holidays\[0\]\.rest\[0\]/);
  });
});

describe('the README', () => {
  it('adds a year the way its example does', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const code = /const calendar = chinaCalendar\((\{[\s\S]*?\})\);/.exec(readme)![1]!;
    // The example's options, evaluated as written (comments and all), build a calendar that knows 2027.
    const options = new Function(`return (${code});`)() as Parameters<typeof chinaCalendar>[0];
    const calendar = chinaCalendar(options);
    expect(calendar.years).toContain(2027);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
  });
});

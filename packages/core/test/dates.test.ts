import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dayOfWeek,
  EVERY_DAY,
  nextWorkingDay,
  WEEKDAYS,
  workingDaysBetween,
  type Calendar,
  addCalendarDays,
  addCalendarMonths,
  CalendarDaySchema,
  compareInstants,
  dayOfFollowingMonth,
  dayOfInstant,
  formatDay,
  daysBetween,
  InstantSchema,
  isCalendarDay,
  isCalendarMonth,
  maxDay,
  monthsBetween,
  PeriodSchema,
} from '../src/index.js';

describe('calendar days', () => {
  // The time-zone runs (package.json test:tz) include Pacific/Kiritimati, where
  // 1994-12-31 never happened locally: local-time arithmetic fails exactly here.
  it('counts days that some time zones skipped', () => {
    expect(isCalendarDay('1994-12-31')).toBe(true);
    expect(isCalendarDay('2011-12-30')).toBe(true);
    expect(addCalendarDays('1994-12-30', 1)).toBe('1994-12-31');
    expect(daysBetween('1994-12-30', '1995-01-01')).toBe(2);
    expect(daysBetween('2011-12-29', '2011-12-31')).toBe(2);
    expect(formatDay('1994-12-31', 'zh-CN')).toBe('1994年12月31日');
  });

  it('accepts real days only', () => {
    expect(isCalendarDay('2023-08-17')).toBe(true);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2023-8-17', '2023-13-01', '2023-00-10', '20230817', '2023-08-17T00:00', 20230817, null]) {
      expect(isCalendarDay(bad)).toBe(false);
    }
    expect(CalendarDaySchema.safeParse('2023-04-31').success).toBe(false);
    expect(isCalendarMonth('2023-08')).toBe(true);
    expect(isCalendarMonth('2023-13')).toBe(false);
  });

  it('adds days across month ends, leap days and the year boundary', () => {
    expect(addCalendarDays('2023-08-30', 3)).toBe('2023-09-02');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addCalendarDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(daysBetween('2023-08-17', '2023-08-30')).toBe(13);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(maxDay('2023-01-02', '2022-12-31')).toBe('2023-01-02');
    // Century rules: 1900 was not a leap year, 2000 was.
    expect(isCalendarDay('1900-02-29')).toBe(false);
    expect(isCalendarDay('2000-02-29')).toBe(true);
  });

  it('keeps years below 100 (Date.UTC would move them to the 1900s)', () => {
    expect(isCalendarDay('0099-12-31')).toBe(true);
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('0004-02-28', '0004-03-01')).toBe(2);
  });

  it('is consistent: adding n days then measuring gives n, whatever the day (property)', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
      const later = addCalendarDays(d, n);
      return isCalendarDay(later) && daysBetween(d, later) === n && addCalendarDays(later, -n) === d;
    }), { numRuns: 2000 });
  });

  it('lists months and their report due days, clamped to short months', () => {
    expect(monthsBetween('2023-08-30', '2023-11-15')).toEqual(['2023-08', '2023-09', '2023-10', '2023-11']);
    expect(monthsBetween('2023-12-01', '2024-01-01')).toEqual(['2023-12', '2024-01']);
    expect(dayOfFollowingMonth('2023-08', 5)).toBe('2023-09-05');
    expect(dayOfFollowingMonth('2024-01', 31)).toBe('2024-02-29');
    expect(dayOfFollowingMonth('2023-12', 5)).toBe('2024-01-05');
    expect(dayOfFollowingMonth('2099-01', 29)).toBe('2099-02-28');
    expect(dayOfFollowingMonth('2000-01', 30)).toBe('2000-02-29');
  });

  it('counts the due day of a monthly report by hand as date-fns does, for every month of 1900–2199 and every day', () => {
    // The oracle: the month after, by date-fns, clamped to that month's last day.
    const oracle = (month: string, day: number) => {
      const first = addCalendarMonths(`${month}-01`, 1);
      const last = Number(addCalendarDays(addCalendarMonths(first, 1), -1).slice(8));
      return `${first.slice(0, 8)}${String(Math.min(Math.max(1, day), last)).padStart(2, '0')}`;
    };
    let checked = 0;
    for (const month of monthsBetween('1900-01-01', '2199-12-01')) {
      for (const day of [0, 1, 5, 28, 29, 30, 31, 40]) {
        expect(dayOfFollowingMonth(month, day), `${month} ${day}`).toBe(oracle(month, day));
        checked += 1;
      }
    }
    expect(checked).toBe(300 * 12 * 8);
  });

  it('validates periods', () => {
    expect(PeriodSchema.safeParse({ start: '2023-04-12', end: '2023-06-30' }).success).toBe(true);
    const bad = PeriodSchema.safeParse({ start: '2023-06-30', end: '2023-04-12' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['end']);
  });
});

describe('instants', () => {
  it('gives the calendar day where people are, not where the machine is', () => {
    expect(dayOfInstant('2023-08-17T17:00:00Z', '+08:00')).toBe('2023-08-18');
    expect(dayOfInstant('2023-08-17T15:59:59Z', '+08:00')).toBe('2023-08-17');
    expect(dayOfInstant('2023-08-18T00:30:00+08:00')).toBe('2023-08-18');
    expect(dayOfInstant('2023-08-18T00:30:00+08:00', '-07:00')).toBe('2023-08-17');
    expect(dayOfInstant('2023-12-31T16:00:00Z', '+08:00')).toBe('2024-01-01');
    expect(() => dayOfInstant('yesterday')).toThrow(RangeError);
  });

  it('accepts ISO 8601 with an offset only', () => {
    expect(InstantSchema.safeParse('2023-08-18T09:00:00+08:00').success).toBe(true);
    expect(InstantSchema.safeParse('2023-08-18T01:00:00Z').success).toBe(true);
    expect(InstantSchema.safeParse('2023-08-18T09:00:00').success).toBe(false);
    expect(InstantSchema.safeParse('2023-08-18').success).toBe(false);
    expect(compareInstants('2023-08-18T09:00:00+08:00', '2023-08-18T01:00:00Z')).toBe(0);
  });
});

describe('working days', () => {
  const closedInOctober: Calendar = { name: 'no-october', isWorkingDay: (day) => !day.startsWith('2023-10') && WEEKDAYS.isWorkingDay(day) };

  it('counts every day by default and weekdays with WEEKDAYS, forwards and back', () => {
    expect(dayOfWeek('2023-08-17')).toBe(4);
    expect(dayOfWeek('2023-08-20')).toBe(7);
    expect(addWorkingDays(EVERY_DAY, '2023-08-17', 15)).toBe('2023-09-01');
    expect(addWorkingDays(WEEKDAYS, '2023-08-17', 15)).toBe('2023-09-07');
    expect(addWorkingDays(WEEKDAYS, '2023-09-07', -15)).toBe('2023-08-17');
    expect(addWorkingDays(WEEKDAYS, '2023-08-19', 0)).toBe('2023-08-19');
    expect(workingDaysBetween(WEEKDAYS, '2023-08-17', '2023-09-07')).toBe(15);
    expect(workingDaysBetween(EVERY_DAY, '2023-08-17', '2023-09-07')).toBe(21);
    expect(workingDaysBetween(WEEKDAYS, '2023-09-07', '2023-08-17')).toBe(0);
    expect(nextWorkingDay(WEEKDAYS, '2023-08-19')).toBe('2023-08-21');
    expect(nextWorkingDay(closedInOctober, '2023-09-30')).toBe('2023-11-01');
  });

  it('agrees with itself: n working days on, then back, is where it began (from a working day)', () => {
    for (let n = -40; n <= 40; n++) {
      const to = addWorkingDays(closedInOctober, '2023-09-28', n);
      expect(addWorkingDays(closedInOctober, to, -n)).toBe('2023-09-28');
      if (n >= 0) expect(workingDaysBetween(closedInOctober, '2023-09-28', to)).toBe(n);
    }
  });

  it('refuses a calendar that never works and a count that is not whole, instead of looping', () => {
    const never: Calendar = { name: 'never', isWorkingDay: () => false };
    expect(() => nextWorkingDay(never, '2023-08-17')).toThrow(/Calendar "never" has no working day in the 366 days after 2023-08-17/);
    expect(() => addWorkingDays(never, '2023-08-17', 1)).toThrow(expect.objectContaining({ code: 'calendar.no_working_day' }));
    expect(() => addWorkingDays(WEEKDAYS, '2023-08-17', 1.5)).toThrow(/whole number of working days, got 1.5/);
    expect(() => addWorkingDays(WEEKDAYS, '2023-08-17', Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
  });
});

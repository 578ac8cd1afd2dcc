import { CalendarDaySchema, TitleSchema, type CalendarDay } from '@rectify/core';
import { z } from 'zod';

/** One holiday of a year's arrangement, as the notice states it. */
export interface HolidayArrangement {
  /** Its name as the notice gives it, e.g. 春节, 中秋节、国庆节. */
  name: string;
  /** The first and last day off (放假调休), inclusive. */
  rest: [CalendarDay, CalendarDay];
  /** Weekend days worked instead (上班), if any. */
  worked: CalendarDay[];
}

/** A year's holidays, from the State Council's notice for that year. */
export interface YearArrangement {
  year: number;
  /** The notice: 国务院办公厅关于 YYYY 年部分节假日安排的通知, and the day it was issued. */
  source: { title: string; issuedOn: CalendarDay };
  holidays: HolidayArrangement[];
}

/** Schema of a {@link YearArrangement} given by a caller (`chinaCalendar({ extraYears })`). */
export const YearArrangementSchema = z
  .object({
    year: z.number().int().min(1949).max(9999),
    source: z.object({ title: TitleSchema, issuedOn: CalendarDaySchema }),
    holidays: z.array(
      z
        .object({ name: TitleSchema, rest: z.tuple([CalendarDaySchema, CalendarDaySchema]), worked: z.array(CalendarDaySchema) })
        .refine((h) => h.rest[0] <= h.rest[1], { message: 'The rest ends before it starts', path: ['rest'] }),
    ),
  })
  .superRefine((a, ctx) => {
    a.holidays.forEach((h, i) => {
      // A rest may start in the year before (元旦 from 31 December), never elsewhere.
      if (Number(h.rest[1].slice(0, 4)) !== a.year && Number(h.rest[0].slice(0, 4)) !== a.year) {
        ctx.addIssue({ code: 'custom', message: `Rest ${h.rest[0]}–${h.rest[1]} is not in ${a.year}`, path: ['holidays', i, 'rest'] });
      }
    });
  });

const notice = (year: number, issuedOn: CalendarDay) => ({ title: `国务院办公厅关于${year}年部分节假日安排的通知`, issuedOn });

/**
 * The arrangements this package knows, copied from the notices (checked against their
 * text as republished by 新华社 and 中国政府网). A rest range may start in the year
 * before (2023's 元旦 starts on 2022-12-31): the day belongs to the range, not the year.
 */
export const ARRANGEMENTS: readonly YearArrangement[] = [
  {
    year: 2021,
    source: notice(2021, '2020-11-25'),
    holidays: [
      { name: '元旦', rest: ['2021-01-01', '2021-01-03'], worked: [] },
      { name: '春节', rest: ['2021-02-11', '2021-02-17'], worked: ['2021-02-07', '2021-02-20'] },
      { name: '清明节', rest: ['2021-04-03', '2021-04-05'], worked: [] },
      { name: '劳动节', rest: ['2021-05-01', '2021-05-05'], worked: ['2021-04-25', '2021-05-08'] },
      { name: '端午节', rest: ['2021-06-12', '2021-06-14'], worked: [] },
      { name: '中秋节', rest: ['2021-09-19', '2021-09-21'], worked: ['2021-09-18'] },
      { name: '国庆节', rest: ['2021-10-01', '2021-10-07'], worked: ['2021-09-26', '2021-10-09'] },
    ],
  },
  {
    year: 2022,
    source: notice(2022, '2021-10-25'),
    holidays: [
      { name: '元旦', rest: ['2022-01-01', '2022-01-03'], worked: [] },
      { name: '春节', rest: ['2022-01-31', '2022-02-06'], worked: ['2022-01-29', '2022-01-30'] },
      { name: '清明节', rest: ['2022-04-03', '2022-04-05'], worked: ['2022-04-02'] },
      { name: '劳动节', rest: ['2022-04-30', '2022-05-04'], worked: ['2022-04-24', '2022-05-07'] },
      { name: '端午节', rest: ['2022-06-03', '2022-06-05'], worked: [] },
      { name: '中秋节', rest: ['2022-09-10', '2022-09-12'], worked: [] },
      { name: '国庆节', rest: ['2022-10-01', '2022-10-07'], worked: ['2022-10-08', '2022-10-09'] },
    ],
  },
  {
    year: 2023,
    source: notice(2023, '2022-12-08'),
    holidays: [
      { name: '元旦', rest: ['2022-12-31', '2023-01-02'], worked: [] },
      { name: '春节', rest: ['2023-01-21', '2023-01-27'], worked: ['2023-01-28', '2023-01-29'] },
      { name: '清明节', rest: ['2023-04-05', '2023-04-05'], worked: [] },
      { name: '劳动节', rest: ['2023-04-29', '2023-05-03'], worked: ['2023-04-23', '2023-05-06'] },
      { name: '端午节', rest: ['2023-06-22', '2023-06-24'], worked: ['2023-06-25'] },
      { name: '中秋节、国庆节', rest: ['2023-09-29', '2023-10-06'], worked: ['2023-10-07', '2023-10-08'] },
    ],
  },
  {
    year: 2024,
    source: notice(2024, '2023-10-25'),
    holidays: [
      { name: '元旦', rest: ['2024-01-01', '2024-01-01'], worked: [] },
      { name: '春节', rest: ['2024-02-10', '2024-02-17'], worked: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', rest: ['2024-04-04', '2024-04-06'], worked: ['2024-04-07'] },
      { name: '劳动节', rest: ['2024-05-01', '2024-05-05'], worked: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', rest: ['2024-06-10', '2024-06-10'], worked: [] },
      { name: '中秋节', rest: ['2024-09-15', '2024-09-17'], worked: ['2024-09-14'] },
      { name: '国庆节', rest: ['2024-10-01', '2024-10-07'], worked: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    source: notice(2025, '2024-11-12'),
    holidays: [
      { name: '元旦', rest: ['2025-01-01', '2025-01-01'], worked: [] },
      { name: '春节', rest: ['2025-01-28', '2025-02-04'], worked: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', rest: ['2025-04-04', '2025-04-06'], worked: [] },
      { name: '劳动节', rest: ['2025-05-01', '2025-05-05'], worked: ['2025-04-27'] },
      { name: '端午节', rest: ['2025-05-31', '2025-06-02'], worked: [] },
      { name: '国庆节、中秋节', rest: ['2025-10-01', '2025-10-08'], worked: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    source: notice(2026, '2025-11-04'),
    holidays: [
      { name: '元旦', rest: ['2026-01-01', '2026-01-03'], worked: ['2026-01-04'] },
      { name: '春节', rest: ['2026-02-15', '2026-02-23'], worked: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', rest: ['2026-04-04', '2026-04-06'], worked: [] },
      { name: '劳动节', rest: ['2026-05-01', '2026-05-05'], worked: ['2026-05-09'] },
      { name: '端午节', rest: ['2026-06-19', '2026-06-21'], worked: [] },
      { name: '中秋节', rest: ['2026-09-25', '2026-09-27'], worked: [] },
      { name: '国庆节', rest: ['2026-10-01', '2026-10-07'], worked: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

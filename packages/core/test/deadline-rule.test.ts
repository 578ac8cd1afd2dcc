import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  analyze,
  buildReportModel,
  completionOutcome,
  deadlineFiltersIn,
  deadlineInForce,
  deadlineOutcomes,
  findingRow,
  FindingQuerySchema,
  isDueWithin,
  isPastDeadline,
  laggingUnits,
  overdueCutoff,
  runQuery,
  statusSeries,
  type Calendar,
  type CalendarDay,
} from '../src/index.js';
import { Harness } from './harness.js';

/** 2023's 中秋国庆: 29 September to 6 October off, Saturday 7 and Sunday 8 October worked, weekends otherwise off. */
const NATIONAL_DAY: Calendar = {
  name: 'cn-2023-autumn',
  isWorkingDay: (day) => {
    if (day >= '2023-09-29' && day <= '2023-10-06') return false;
    if (day === '2023-10-07' || day === '2023-10-08') return true;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  },
};

const RUNS = Number(process.env['RECTIFY_FUZZ_RUNS'] ?? (process.env['CI'] ? 2000 : 200));
const ORGANISATION = { id: 'org', name: '单位', units: [] };

const FIRST = '2023-09-01';
const calendars = fc.array(fc.boolean(), { minLength: 90, maxLength: 90 }).map((rests): Calendar => {
  const rest = new Set(rests.flatMap((r, i) => (r ? [addCalendarDays(FIRST, i)] : [])));
  return { name: 'generated', isWorkingDay: (d) => !rest.has(d) };
});
const day = (max = 80) => fc.integer({ min: 0, max }).map((i) => addCalendarDays(FIRST, i));

describe('the one definition of overdue', () => {
  it('keeps a deadline on a rest day until the next working day', () => {
    expect(deadlineInForce('2023-10-01', NATIONAL_DAY)).toBe('2023-10-07');
    expect(isPastDeadline('2023-10-01', '2023-10-05', NATIONAL_DAY)).toBe(false);
    expect(isPastDeadline('2023-10-01', '2023-10-07', NATIONAL_DAY)).toBe(false);
    expect(isPastDeadline('2023-10-01', '2023-10-08', NATIONAL_DAY)).toBe(true);
    expect(isPastDeadline('2023-10-01', '2023-10-02')).toBe(true);
    expect(overdueCutoff('2023-10-08', NATIONAL_DAY)).toBe('2023-10-08');
    expect(overdueCutoff('2023-10-07', NATIONAL_DAY)).toBe('2023-09-29');
    expect(isDueWithin('2023-10-01', '2023-09-28', 1, NATIONAL_DAY)).toBe(true); // the 7th is the first working day after the 28th
    expect(isDueWithin('2023-10-01', '2023-09-28', 0, NATIONAL_DAY)).toBe(false);
    expect(isDueWithin('2023-10-01', '2023-09-28', 1)).toBe(false); // counting every day, 1 October is 3 days away
  });

  it('is the same comparison as a cutoff day, for any calendar, deadline and day', () => {
    fc.assert(
      fc.property(calendars, day(), day(), (calendar, deadline, asOf) => {
        expect(deadline < overdueCutoff(asOf, calendar)).toBe(isPastDeadline(deadline, asOf, calendar));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  // The case the issue found three answers for: a 1 October deadline, as of 5 October, with the China calendar.
  it('gives one answer in the analysis, the ranking, the series, the outcomes and the report model', () => {
    const h = new Harness();
    h.createAssigned('f-1', { deadline: '2023-10-01' });
    h.createAssigned('f-2', { deadline: '2023-09-27' });
    h.goTo('2023-09-20');
    h.ok('p-resp', 'start', {}, 'f-1');
    const states = [...h.states.values()];
    const cadence = h.inspection.workflow.cadence;
    for (const [asOf, expected] of [['2023-10-05', ['f-2']], ['2023-10-08', ['f-1', 'f-2']]] as const) {
      const analysis = analyze(states, h.inspection, asOf, { calendar: NATIONAL_DAY });
      expect(analysis.overdue.map((o) => o.findingId).sort()).toEqual(expected);
      expect(analysis.laggingUnits.reduce((n, u) => n + u.overdue, 0)).toBe(expected.length);
      expect(laggingUnits(states, asOf, cadence, { calendar: NATIONAL_DAY }).reduce((n, u) => n + u.overdue, 0)).toBe(expected.length);
      expect(statusSeries(h.events.values(), [asOf], { calendar: NATIONAL_DAY })[0]!.overdue).toBe(expected.length);
      const model = buildReportModel(states, h.inspection, ORGANISATION, asOf, { calendar: NATIONAL_DAY, events: [...h.events.values()].flat() });
      expect(model.categories.flatMap((c) => c.findings).filter((f) => f.daysOverdue > 0).map((f) => f.id).sort()).toEqual(expected);
      expect(model.timeline.at(-1)!.overdue).toBe(expected.length);
    }
    // f-2's deadline, 27 September, was a working day: 8 days late on the 5th, 28 September counted first.
    expect(analyze(states, h.inspection, '2023-10-05', { calendar: NATIONAL_DAY }).overdue[0]).toMatchObject({ findingId: 'f-2', daysOverdue: 8, workingDaysOverdue: 1 });
  });

  it('counts a completion on the deadline in force as on time', () => {
    const h = new Harness();
    h.createAssigned('f-1', { deadline: '2023-10-01' });
    h.goTo('2023-10-07');
    h.ok('p-resp', 'start', {}, 'f-1');
    const done = h.completeAll('f-1');
    expect(completionOutcome(done, NATIONAL_DAY)).toBe('on_time');
    expect(completionOutcome(done)).toBe('late');
    expect(deadlineOutcomes([done], { calendar: NATIONAL_DAY })).toMatchObject({ onTime: 1, late: 0 });
    expect(deadlineOutcomes([done])).toMatchObject({ onTime: 0, late: 1 });
    expect(analyze([done], h.inspection, '2023-10-09', { calendar: NATIONAL_DAY }).deadlineOutcomes.onTime).toBe(1);
  });

  it('turns calendar-aware deadline filters into plain ones a database compares as text', () => {
    const h = new Harness();
    const deadlines: CalendarDay[] = [];
    for (let i = 0; i < 60; i++) deadlines.push(addCalendarDays(FIRST, i));
    deadlines.forEach((deadline, i) => h.createAssigned(`f-${i}`, { deadline }));
    const rows = [...h.states.values()].map((s) => findingRow('org-1', s, h.inspection));
    fc.assert(
      fc.property(calendars, day(70), fc.integer({ min: 0, max: 15 }), (calendar, asOf, days) => {
        const ids = (q: object) => {
          const query = deadlineFiltersIn(FindingQuerySchema.parse({ organisationId: 'org-1', limit: 1000, ...q }), calendar);
          return query === undefined ? [] : runQuery(rows, query).items.map((r) => r.findingId).sort();
        };
        const expectedOverdue = rows.filter((r) => isPastDeadline(r.deadline!, asOf, calendar)).map((r) => r.findingId).sort();
        const expectedDue = rows.filter((r) => isDueWithin(r.deadline!, asOf, days, calendar)).map((r) => r.findingId).sort();
        expect(ids({ overdueAsOf: asOf })).toEqual(expectedOverdue);
        expect(ids({ dueWithin: { asOf, days } })).toEqual(expectedDue);
      }),
      { numRuns: RUNS },
    );
  });
});

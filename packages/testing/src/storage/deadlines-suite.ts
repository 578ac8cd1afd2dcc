import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  addCalendarDays,
  analyze,
  buildReportModel,
  daysBetween,
  isFindingOverdue,
  laggingUnits,
  reminders,
  reportFindings,
  statusSeries,
  type Calendar,
  type CalendarDay,
  type FindingEvent,
} from '@rectify/core';
import { fuzzParameters } from '../fuzz.js';
import type { SuiteContext } from './context.js';
import { allPages, statesOf, withWorld } from './world-suites.js';

/** The days a generated calendar decides on: around the world's deadlines (31 October to 31 December 2023). */
const FIRST = '2023-10-01';
const SPAN = 120;

/**
 * A working-day calendar that rests on generated days between {@link FIRST} and
 * {@link SPAN} days later (runs of rest days included, as 国庆 and 春节 make), and works
 * every other day.
 */
const calendars: fc.Arbitrary<Calendar> = fc
  .array(fc.boolean(), { minLength: SPAN, maxLength: SPAN })
  .map((rests) => {
    const rest = new Set(rests.flatMap((r, i) => (r ? [addCalendarDays(FIRST, i)] : [])));
    return { name: `rests-${rest.size}`, isWorkingDay: (day: CalendarDay) => !rest.has(day) };
  });

const days: fc.Arbitrary<CalendarDay> = fc.integer({ min: 0, max: SPAN - 5 }).map((i) => addCalendarDays(FIRST, i));

const sorted = (ids: Iterable<string>) => [...ids].sort();

/**
 * Overdue and due soon have one definition: with any working-day calendar and on any day,
 * the store's `overdueAsOf` and `dueWithin` queries (run by the driver), the analysis, the
 * lagging ranking, the reminders, the day series replayed from the events and the report
 * model name the same findings, with the same days overdue.
 */
export function deadlinesSuite(ctx: SuiteContext): void {
  const get = withWorld(ctx);
  it('agrees on overdue and due soon in every view, whatever the calendar and the day', async () => {
    const { store, world } = get();
    const scope = { organisationId: 'org-a', inspectionId: 'ins-a' };
    const inspection = (await store.inspection(scope))!;
    const organisation = (await store.organisation('org-a'))!;
    const states = await statesOf(store, 'org-a', world.a.findingIds);
    const histories: FindingEvent[][] = [];
    for (const id of world.a.findingIds) histories.push(await store.history(scope, id));
    const events = histories.flat();
    const cadence = inspection.workflow.cadence;
    let overdueSeen = 0;
    let dueSeen = 0;
    // Each case runs two paged queries and an as-of replay in the database: a few hundred at most.
    const runs = {
      ...fuzzParameters(40),
      numRuns: Math.min(fuzzParameters(40).numRuns, 300),
      // First the edges: the day of a deadline, and a deadline on a rest day the day after it.
      examples: [
        [{ name: 'works', isWorkingDay: () => true }, '2023-10-31'],
        [{ name: 'works', isWorkingDay: () => true }, '2023-11-01'],
        [{ name: 'rests-31-oct', isWorkingDay: (d: CalendarDay) => d !== '2023-10-31' }, '2023-11-01'],
        [{ name: 'rests-31-oct', isWorkingDay: (d: CalendarDay) => d !== '2023-10-31' }, '2023-11-02'],
      ] as [Calendar, CalendarDay][],
    };

    await fc.assert(
      fc.asyncProperty(calendars, days, async (calendar, asOf) => {
        const analysis = analyze(states, inspection, asOf, { calendar });
        const overdue = sorted(analysis.overdue.map((o) => o.findingId));
        overdueSeen += overdue.length;
        dueSeen += analysis.dueSoon.length;
        expect(sorted(states.filter((f) => isFindingOverdue(f, asOf, calendar)).map((f) => f.finding.id)), 'isFindingOverdue').toEqual(overdue);
        expect(sorted(await allPages(store, { ...scope, overdueAsOf: asOf, limit: 7 }, { calendar })), 'store overdueAsOf').toEqual(overdue);
        expect(laggingUnits(states, asOf, cadence, { calendar }).reduce((n, u) => n + u.overdue, 0), 'lagging ranking').toBe(overdue.length);
        const late = reminders(states, inspection, asOf, { calendar }).filter((r) => r.kind === 'finding_deadline' && r.state === 'overdue');
        expect(sorted(late.map((r) => r.findingId!)), 'reminders').toEqual(overdue);
        for (const o of analysis.overdue) expect(daysBetween(late.find((r) => r.findingId === o.findingId)!.dueOn, asOf)).toBe(o.daysOverdue);

        const due = sorted(analysis.dueSoon.map((o) => o.findingId));
        expect(sorted(await allPages(store, { ...scope, dueWithin: { asOf, days: cadence.dueSoonDays }, limit: 7 }, { calendar })), 'store dueWithin').toEqual(due);

        // As of the day: the states the store rebuilds, the series replayed from the events, the report model.
        const past = await store.findingsAsOf(scope, asOf);
        const pastOverdue = analyze(past, inspection, asOf, { calendar }).overdue;
        expect(statusSeries(histories, [asOf], { calendar })[0]!.overdue, 'statusSeries').toBe(pastOverdue.length);
        const model = buildReportModel(past, inspection, organisation, asOf, { calendar, events, verifyHistory: false });
        const shown = reportFindings(model).filter((f) => f.daysOverdue > 0).map((f) => [f.id, f.daysOverdue]);
        expect(sorted(shown.map((s) => JSON.stringify(s))), 'report model').toEqual(sorted(pastOverdue.map((o) => JSON.stringify([o.findingId, o.daysOverdue]))));
        expect(model.timeline.at(-1)?.overdue, 'report timeline').toBe(pastOverdue.length);
      }),
      runs,
    );
    // The property must have met both answers, not only "nothing is overdue".
    expect(overdueSeen).toBeGreaterThan(0);
    expect(dueSeen).toBeGreaterThan(0);
  }, 600_000);
}

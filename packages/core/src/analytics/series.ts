import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addCalendarDays, daysBetween, type CalendarDay } from '../dates/calendar-day.js';
import { evolve } from '../lifecycle/evolve.js';
import type { FindingEvent } from '../lifecycle/events.js';
import type { FindingState } from '../lifecycle/state.js';
import { isOpenStatus } from '../lifecycle/status.js';
import { overdueCutoff } from './deadline-rule.js';
import { emptyStatusCounts, type StatusCounts } from './totals.js';

/** The findings' standing at the end of one day. */
export interface SeriesPoint {
  day: CalendarDay;
  /** Findings that existed by that day, by status. */
  byStatus: StatusCounts;
  /** Findings still open (not started, in progress, reopened). */
  open: number;
  /** Open findings past the deadline in force that day (as {@link isFindingOverdue} has it). */
  overdue: number;
}

/**
 * Sample days from `from` to `to` (both included), evenly spaced, at most `maxPoints`
 * of them: every day for a short span, every few days for a long one. The last day is
 * always `to`.
 *
 * @example
 * ```ts
 * sampleDays('2023-08-17', '2023-10-31', 40); // every second day, ending 2023-10-31
 * ```
 */
export function sampleDays(from: CalendarDay, to: CalendarDay, maxPoints = 60): CalendarDay[] {
  const span = daysBetween(from, to);
  if (span < 0) return [];
  const step = Math.max(1, Math.ceil(span / Math.max(1, maxPoints - 1)));
  const days: CalendarDay[] = [];
  // Counted back from `to`, so that the day reported on is always a point.
  for (let back = 0; back <= span; back += step) days.push(addCalendarDays(to, -back));
  return days.reverse();
}

/**
 * How the findings stood at the end of each of `days` (ascending): counts by status,
 * open and overdue, replayed from their histories, so that reopenings and extended
 * deadlines are counted as they were on each day. One pass over each history.
 *
 * @param histories - each finding's events, oldest first (as a store's `history` gives them)
 * @param days - the days to report on, ascending (see {@link sampleDays})
 * @param options - `calendar`: which days are working days, for what is overdue (default {@link EVERY_DAY})
 *
 * @example
 * ```ts
 * const burnDown = statusSeries(histories, sampleDays('2023-08-17', '2023-10-31')).map((p) => p.open);
 * ```
 */
export function statusSeries(histories: Iterable<readonly FindingEvent[]>, days: readonly CalendarDay[], options: { calendar?: Calendar } = {}): SeriesPoint[] {
  return replaySeries(histories, days, options).points;
}

/**
 * {@link statusSeries} with the findings' states at the end of the last day: one replay
 * of each history gives both, so that a report needs no second replay for its states.
 * A finding with no event by the last day has no state.
 */
export function replaySeries(
  histories: Iterable<readonly FindingEvent[]>,
  days: readonly CalendarDay[],
  options: { calendar?: Calendar } = {},
): { points: SeriesPoint[]; states: FindingState[] } {
  const points: SeriesPoint[] = days.map((day) => ({ day, byStatus: emptyStatusCounts(), open: 0, overdue: 0 }));
  // One calendar lookup per day, not per finding and day.
  const cutoffs = days.map((day) => overdueCutoff(day, options.calendar ?? EVERY_DAY));
  const states: FindingState[] = [];
  for (const events of histories) {
    let state: FindingState | undefined;
    let next = 0;
    for (let d = 0; d < days.length; d++) {
      const day = days[d]!;
      while (next < events.length && events[next]!.on <= day) state = evolve(state, events[next++]!);
      if (state === undefined) continue;
      const point = points[d]!;
      point.byStatus[state.status]++;
      if (isOpenStatus(state.status)) {
        point.open++;
        if (state.assignment !== undefined && state.assignment.deadline < cutoffs[d]!) point.overdue++;
      }
    }
    if (state !== undefined) states.push(state);
  }
  return { points, states };
}

import { z } from 'zod';
import type { CalendarDay } from './calendar-day.js';

/**
 * A moment in time written in ISO 8601 with an offset, such as
 * `2023-08-18T09:30:00+08:00` or `2023-08-18T01:30:00Z`.
 */
export type Instant = string;

/** A fixed UTC offset such as `+08:00` (China Standard Time has no daylight saving). */
export type UtcOffset = string;

const OFFSET_PATTERN = /^[+-](?:0\d|1[0-4]):[0-5]\d$/;

/** A date and a time of day with no offset: a local time that names no moment. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Schema of an {@link Instant}: ISO 8601 date-time with `Z` or an explicit offset. Its
 * messages say what to write: a time without an offset is told to add one.
 */
export const InstantSchema = z.iso.datetime({
  offset: true,
  error: (issue) => {
    const example = 'e.g. 2024-07-16T09:00:00+08:00 (China) or 2024-07-16T01:00:00Z (UTC)';
    if (typeof issue.input !== 'string') return `Expected an instant: a date and time with its offset, written as text, ${example}`;
    if (LOCAL_DATE_TIME.test(issue.input.trim())) return `"${issue.input}" has no offset, so it names no moment: add where it was, ${example}`;
    return `Expected an instant written in ISO 8601 with its offset, ${example} (found "${issue.input.slice(0, 40)}")`;
  },
});

/** Schema of a {@link UtcOffset}. */
export const UtcOffsetSchema = z
  .string()
  .regex(OFFSET_PATTERN, { message: 'Expected a UTC offset written ±HH:MM, e.g. +08:00' });

function offsetMinutes(offset: UtcOffset): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}

/**
 * The calendar day on which `instant` falls for people living at `offset`.
 * Pure: it does not consult the machine's time zone.
 *
 * @example
 * ```ts
 * dayOfInstant('2023-08-17T17:00:00Z', '+08:00'); // '2023-08-18'
 * ```
 */
export function dayOfInstant(instant: Instant, offset: UtcOffset = '+08:00'): CalendarDay {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new RangeError(`Not an ISO 8601 instant: ${instant}`);
  return new Date(millis + offsetMinutes(offset) * 60_000).toISOString().slice(0, 10);
}

/** Compares two instants by the moment they denote (not by their text). */
export function compareInstants(a: Instant, b: Instant): number {
  return Date.parse(a) - Date.parse(b);
}

/**
 * An instant written with a given offset: `2024-04-17T09:30:00+08:00` for a `Date` of
 * 01:30 UTC at `+08:00`. Pure: the caller passes the clock's reading. Whole seconds.
 *
 * @example
 * ```ts
 * instantAt(new Date('2024-04-17T01:30:00Z'), '+08:00'); // '2024-04-17T09:30:00+08:00'
 * ```
 */
export function instantAt(date: Date, offset: UtcOffset): Instant {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const shifted = new Date(date.getTime() + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

import { z } from 'zod';
import { dueSoonRange, overdueCutoff } from '../analytics/deadline-rule.js';
import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addCalendarDays, CalendarDaySchema, daysBetween } from '../dates/calendar-day.js';
import { ValidationError } from '../errors/validation-error.js';
import { FindingStatusSchema, OPEN_STATUSES } from '../lifecycle/status.js';
import { IdSchema, MAX_ID_LENGTH, MAX_TITLE_LENGTH } from '../model/common.js';
import type { FindingRow } from './row.js';

/** What a query is scoped to: always one organisation (the tenant), optionally one inspection. */
export const ScopeSchema = z.object({
  organisationId: IdSchema,
  inspectionId: IdSchema.optional(),
});

/** What a query is scoped to. Nothing of another organisation is ever returned. */
export type Scope = z.infer<typeof ScopeSchema>;

/** The orders a finding list can be sorted in; ties are broken by finding id. */
export const SORT_KEYS = ['ordinal', 'deadline', 'updatedAt', 'title'] as const;

/** Schema of a {@link FindingQuery}. */
export const FindingQuerySchema = ScopeSchema.extend({
  categoryId: IdSchema.optional(),
  /** The lead unit. */
  unitId: IdSchema.optional(),
  /** The responsible person. */
  personId: IdSchema.optional(),
  status: z.array(FindingStatusSchema).optional(),
  /**
   * Only findings open after their deadline as of this day: overdue as the analysis has it
   * (with the calendar given to `store.findings`, a deadline on a rest day stands until the
   * next working day).
   */
  overdueAsOf: CalendarDaySchema.optional(),
  /**
   * Only open findings whose deadline in force falls within `days` days of `asOf` (working
   * days with the calendar given to `store.findings`; calendar days without).
   */
  dueWithin: z.object({ asOf: CalendarDaySchema, days: z.number().int().nonnegative() }).optional(),
  /** Only findings whose title contains this text (case-insensitive for Latin letters). */
  text: z.string().min(1).max(200).optional(),
  sort: z.enum(SORT_KEYS).default('ordinal'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(1000).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().optional(),
});

/** A dashboard's question: filters, an order, a page size and a cursor. */
export type FindingQuery = z.infer<typeof FindingQuerySchema>;
/** A query as written by a caller, before defaults are applied. */
export type FindingQueryInput = z.input<typeof FindingQuerySchema>;

/** One page of results and the cursor of the next page, if there is one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The value a row is sorted by, as a tuple compared element by element, then by id. */
export type SortKey = (string | number)[];

/** Dates sort as text; a missing deadline sorts after every real one. */
export const NO_DEADLINE = '9999-12-31';

/** The sort key of a row for a sort order. */
export function sortKey(row: Pick<FindingRow, 'findingId' | 'categoryOrdinal' | 'ordinal' | 'title' | 'deadline' | 'updatedAt'>, sort: FindingQuery['sort']): SortKey {
  switch (sort) {
    case 'ordinal':
      return [row.categoryOrdinal, row.ordinal, row.findingId];
    case 'deadline':
      return [row.deadline ?? NO_DEADLINE, row.findingId];
    case 'updatedAt':
      return [row.updatedAt, row.findingId];
    case 'title':
      return [row.title, row.findingId];
  }
}

/** Encodes a cursor: the sort key of the last row of a page, as base64url of its JSON. */
export function encodeCursor(key: SortKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * The type of each position of a sort order's key: a cursor whose positions have other
 * types (a number where a SQL store compares text, say) would compare wrongly in one
 * store and throw in another, so it is refused as not a cursor.
 */
const CURSOR_SHAPES: Record<FindingQuery['sort'], readonly ('string' | 'number')[]> = {
  ordinal: ['number', 'number', 'string'],
  deadline: ['string', 'string'],
  updatedAt: ['string', 'string'],
  title: ['string', 'string'],
};

/**
 * A cursor longer than this cannot be one this library wrote: the longest key is a
 * title and an id, each UTF-16 code unit at most 6 bytes of JSON (`\u001f`), in base64.
 */
const MAX_CURSOR_LENGTH = Math.ceil(((MAX_TITLE_LENGTH + MAX_ID_LENGTH) * 6 + 16) / 3) * 4;

/** Decodes a cursor for a sort order, or throws a validation error naming `cursor`. */
export function decodeCursor(cursor: string, sort: FindingQuery['sort']): SortKey {
  const shape = CURSOR_SHAPES[sort];
  if (cursor.length <= MAX_CURSOR_LENGTH) {
    try {
      const key: unknown = JSON.parse(decodeBase64Url(cursor));
      if (
        Array.isArray(key) &&
        key.length === shape.length &&
        key.every((k, i) => typeof k === shape[i] && (typeof k !== 'number' || Number.isFinite(k)))
      ) {
        return key as SortKey;
      }
    } catch {
      // fall through to the validation error
    }
  }
  throw new ValidationError('query', [{ path: 'cursor', message: `Not a cursor of a query sorted by ${sort}`, code: 'custom' }]);
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/**
 * A query whose deadline filters count with a working-day calendar, written as the same
 * filters over plain calendar days, which a driver (and SQL) compares as text: overdue as
 * of a day is a deadline before {@link overdueCutoff}; due within `days` is a deadline
 * from that cutoff to the last working day of the horizon. `undefined` when no deadline
 * can pass (due within 0 days of a rest day).
 *
 * With {@link EVERY_DAY} the query comes back unchanged.
 */
export function deadlineFiltersIn(query: FindingQuery, calendar: Calendar): FindingQuery | undefined {
  if (calendar === EVERY_DAY || (query.overdueAsOf === undefined && query.dueWithin === undefined)) return query;
  const out: FindingQuery = { ...query };
  if (query.overdueAsOf !== undefined) out.overdueAsOf = overdueCutoff(query.overdueAsOf, calendar);
  if (query.dueWithin !== undefined) {
    const range = dueSoonRange(query.dueWithin.asOf, query.dueWithin.days, calendar);
    if (range === undefined) return undefined;
    out.dueWithin = { asOf: range.from, days: daysBetween(range.from, range.last) };
  }
  return out;
}

/** Tells whether a row passes a query's filters (not its cursor). The reference for every store. */
export function matchesQuery(row: FindingRow, q: FindingQuery): boolean {
  if (row.tenantId !== q.organisationId) return false;
  if (q.inspectionId !== undefined && row.inspectionId !== q.inspectionId) return false;
  if (q.categoryId !== undefined && row.categoryId !== q.categoryId) return false;
  if (q.unitId !== undefined && row.leadUnitId !== q.unitId) return false;
  if (q.personId !== undefined && row.responsiblePersonId !== q.personId) return false;
  if (q.status !== undefined && !q.status.includes(row.status)) return false;
  const open = OPEN_STATUSES.includes(row.status);
  if (q.overdueAsOf !== undefined && !(open && row.deadline !== null && row.deadline < q.overdueAsOf)) return false;
  if (q.dueWithin !== undefined) {
    const until = addCalendarDays(q.dueWithin.asOf, q.dueWithin.days);
    if (!(open && row.deadline !== null && row.deadline >= q.dueWithin.asOf && row.deadline <= until)) return false;
  }
  if (q.text !== undefined && !row.title.toLowerCase().includes(q.text.toLowerCase())) return false;
  return true;
}

/**
 * Runs a query over rows in memory: filter, sort, cursor, limit. The memory store
 * uses it, and it is the reference the conformance kit holds SQL stores to.
 */
export function runQuery(rows: Iterable<FindingRow>, q: FindingQuery): Page<FindingRow> {
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, q.sort);
  const sign = q.order === 'asc' ? 1 : -1;
  const matched = [...rows]
    .filter((row) => matchesQuery(row, q))
    .map((row) => ({ row, key: sortKey(row, q.sort) }))
    .filter(({ key }) => after === undefined || sign * compareKeys(key, after) > 0)
    .sort((a, b) => sign * compareKeys(a.key, b.key));
  const page = matched.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((p) => p.row),
    ...(matched.length > q.limit && last ? { nextCursor: encodeCursor(last.key) } : {}),
  };
}

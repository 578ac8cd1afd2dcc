import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { IdSchema, LIMITS, limitedArray, TitleSchema } from './common.js';

/** The kinds of supervision: 督办 urge, 约谈 interview, 问责 accountability, 通报 notice. */
export const SUPERVISION_KINDS = ['urge', 'interview', 'accountability', 'notice'] as const;

/**
 * Schema of a {@link UnitSupervision}: supervision of a unit or of people as a whole, not
 * of one finding (局主要领导集体约谈4次分管领导: four interviews of the leaders in charge).
 */
export const UnitSupervisionSchema = z
  .object({
    organisationId: IdSchema,
    /** The round it belongs to. */
    inspectionId: IdSchema,
    /** The caller's id: the same id again is the same supervision (a retry), never a second one. */
    id: IdSchema,
    kind: z.enum(SUPERVISION_KINDS),
    /** The day it happened. */
    on: CalendarDaySchema,
    /** Who supervised: a person of the organisation with a role that may supervise. */
    actorId: IdSchema,
    targetPersonIds: limitedArray(IdSchema, LIMITS.listItems, 'people').default([]),
    targetUnitIds: limitedArray(IdSchema, LIMITS.listItems, 'units').default([]),
    /** What was said or decided. */
    note: TitleSchema,
  })
  .refine((s) => s.targetPersonIds.length + s.targetUnitIds.length > 0, { message: 'Name whom it addressed: targetPersonIds or targetUnitIds', path: ['targetPersonIds'] });

/** Supervision of a unit or of people as a whole, outside any one finding's history. */
export type UnitSupervision = z.infer<typeof UnitSupervisionSchema>;
/** A unit-wide supervision as written by a caller, before defaults are applied. */
export type UnitSupervisionInput = z.input<typeof UnitSupervisionSchema>;

/** How often each kind of supervision happened: of findings (their `supervise` commands) and unit-wide. */
export interface SupervisionCounts {
  byKind: Record<(typeof SUPERVISION_KINDS)[number], number>;
  /** Of those, how many were unit-wide. */
  unitWide: number;
}

/**
 * Counts supervision up to a day: every finding's supervision records and every unit-wide
 * one, by kind (the seed: 约谈 4 次). For a notice's or a dashboard's figures.
 */
export function supervisionCounts(findingSupervisions: readonly { kind: UnitSupervision['kind']; on: string }[], unitWide: readonly UnitSupervision[], asOf: string): SupervisionCounts {
  const byKind = { urge: 0, interview: 0, accountability: 0, notice: 0 };
  for (const s of findingSupervisions) if (s.on <= asOf) byKind[s.kind] += 1;
  let n = 0;
  for (const s of unitWide) if (s.on <= asOf) (byKind[s.kind] += 1), (n += 1);
  return { byKind, unitWide: n };
}

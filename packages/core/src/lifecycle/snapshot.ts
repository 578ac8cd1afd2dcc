import { z } from 'zod';
import { CalendarDaySchema, CalendarMonthSchema } from '../dates/calendar-day.js';
import { AssignmentSchema } from '../model/assignment.js';
import { IdSchema, LIMITS, limitedArray, LongTextSchema, TitleSchema } from '../model/common.js';
import { FindingStatusSchema } from './status.js';

const NonEmptyText = LongTextSchema.refine((s) => s.trim().length > 0, { message: 'Must not be empty' });

/**
 * Schema of a {@link FindingSnapshot}: where a finding stood in a ledger kept outside
 * rectify (a clerk's Excel 台账) when it was imported.
 *
 * A ledger is a snapshot, not a history: it says a finding is 已完成 on 2023-10-31,
 * not who approved what and when. Importing it as a made-up chain of commands would
 * either invent approvals or be refused by the sign-off rules, so a finding from a
 * ledger is created *with* its snapshot: the `created` event carries what the sheet
 * held and where (file, sheet, cells), and the ordinary lifecycle applies from there.
 */
export const FindingSnapshotSchema = z.object({
  /** The status the ledger gives (完成情况), as read. */
  status: FindingStatusSchema,
  /** Who answers for it and by when (责任领导、责任部门、责任人、整改时限), when the ledger names them. */
  assignment: AssignmentSchema.optional(),
  /** The day the ledger says the work was completed (完成时间), if it says. */
  completedOn: CalendarDaySchema.optional(),
  /** The day the ledger says it was signed off (销号时间), if it says. */
  signedOffOn: CalendarDaySchema.optional(),
  /** The measures the ledger marks done, with the day where it gives one. */
  measuresDone: limitedArray(z.object({ measureId: IdSchema, on: CalendarDaySchema.optional() }), LIMITS.measuresPerFinding, 'measures a finding').default([]),
  /** Progress as the ledger records it (整改进展情况), dated as written. */
  progress: limitedArray(
    z.object({
      kind: z.enum(['update', 'monthly_report']).default('update'),
      period: CalendarMonthSchema.optional(),
      measureId: IdSchema.optional(),
      text: NonEmptyText,
      on: CalendarDaySchema,
      /** Who recorded it (记录人), when the ledger names them; else the importer. */
      recordedBy: IdSchema.optional(),
    }),
    LIMITS.listItems,
    'progress entries a snapshot',
  ).default([]),
  /** Deadlines the ledger revises (调整后时限, Revised due date): imported as extension requests awaiting a decision. */
  extensions: limitedArray(z.object({ id: IdSchema, to: CalendarDaySchema, reason: NonEmptyText }), LIMITS.listItems, 'extensions').default([]),
  /** The approval stages a finding awaiting sign-off must still pass; filled in by `decide` from the workflow. */
  signOffStages: z.array(IdSchema).optional(),
  /** Where it was read: the file, and the sheet and cells when it is a workbook. */
  source: z.object({ file: TitleSchema, sheet: z.string().max(200).optional(), cells: z.string().max(200).optional() }),
});

/** See {@link FindingSnapshotSchema}. */
export type FindingSnapshot = z.infer<typeof FindingSnapshotSchema>;
/** A snapshot as written by a caller, before defaults are applied. */
export type FindingSnapshotInput = z.input<typeof FindingSnapshotSchema>;

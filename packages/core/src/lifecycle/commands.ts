import { z } from 'zod';
import { CalendarDaySchema, CalendarMonthSchema } from '../dates/calendar-day.js';
import { InstantSchema } from '../dates/instant.js';
import { AssignmentSchema } from '../model/assignment.js';
import { IdSchema, LIMITS, limitedArray, LongTextSchema, TitleSchema } from '../model/common.js';
import { EvidenceSchema } from '../model/evidence.js';
import { FindingSchema } from '../model/finding.js';
import { IndicatorSchema } from '../model/indicator.js';
import { MeasureKindSchema, MeasurePlanSchema } from '../model/measure.js';
import { FindingSnapshotSchema } from './snapshot.js';

/** Fields every command carries, whatever its type. */
const envelope = {
  /**
   * Unique id of this command, chosen by the caller. A store applies a command id
   * once: a retry after a timeout returns the first result instead of applying twice.
   */
  commandId: IdSchema,
  /** The finding the command acts on. */
  findingId: IdSchema,
  /** The person issuing it. */
  actorId: IdSchema,
  /** When it was issued: ISO 8601 with an offset. The core never reads a clock. */
  at: InstantSchema,
  /** The version the caller last saw; when given, a different current version is a conflict. */
  expectedVersion: z.number().int().nonnegative().optional(),
};

const NonEmptyText = LongTextSchema.refine((s) => s.trim().length > 0, { message: 'Must not be empty' });

function command<T extends string, P extends z.ZodRawShape>(type: T, payload: P) {
  return z.object({ ...envelope, type: z.literal(type), ...payload });
}

/**
 * Registers a finding as fed back, optionally with its plan (measures) and indicators;
 * with a `snapshot` when it comes from a ledger kept elsewhere, where that ledger says
 * it stands (see {@link FindingSnapshotSchema}).
 */
export const CreateCommandSchema = command('create', {
  finding: FindingSchema.omit({ id: true }),
  measures: limitedArray(MeasurePlanSchema, LIMITS.measuresPerFinding, 'measures a finding').default([]),
  indicators: limitedArray(IndicatorSchema, LIMITS.indicatorsPerFinding, 'indicators a finding').default([]),
  snapshot: FindingSnapshotSchema.optional(),
});
/** Gives the finding its responsible leader, lead unit, person and deadline (or changes the people). */
export const AssignCommandSchema = command('assign', { assignment: AssignmentSchema });
/** Adds a measure to the plan (动态管理: measures change while work goes on). */
export const AddMeasureCommandSchema = command('add_measure', { measure: MeasurePlanSchema });
/** Rewords or re-types a measure that is not done yet. */
export const ReviseMeasureCommandSchema = command('revise_measure', {
  measureId: IdSchema,
  text: NonEmptyText.optional(),
  kind: MeasureKindSchema.optional(),
  deadline: CalendarDaySchema.optional(),
});
/** Withdraws a measure that is no longer part of the plan, with the reason. */
export const WithdrawMeasureCommandSchema = command('withdraw_measure', { measureId: IdSchema, reason: NonEmptyText });
/** Starts the work on an assigned finding. */
export const StartCommandSchema = command('start', {});
/** A ledger entry (台账更新): what was done, optionally for one measure, with evidence. */
export const RecordProgressCommandSchema = command('record_progress', {
  /** `update`: the weekly ledger update; `monthly_report`: the monthly report (每月一报). */
  kind: z.enum(['update', 'monthly_report']).default('update'),
  /** The month a monthly report covers; required when `kind` is `monthly_report`. */
  period: CalendarMonthSchema.optional(),
  measureId: IdSchema.optional(),
  text: NonEmptyText,
  evidence: limitedArray(EvidenceSchema, LIMITS.evidencePerEntry, 'pieces of evidence an entry').default([]),
  /** The day the work was done; defaults to the day of `at`. */
  on: CalendarDaySchema.optional(),
});
/** Declares a measure done, with its evidence. */
export const CompleteMeasureCommandSchema = command('complete_measure', {
  measureId: IdSchema,
  evidence: limitedArray(EvidenceSchema, LIMITS.evidencePerEntry, 'pieces of evidence an entry').default([]),
  on: CalendarDaySchema.optional(),
  note: LongTextSchema.optional(),
});
/** Adds an indicator (a quantified result to track). */
export const DefineIndicatorCommandSchema = command('define_indicator', { indicator: IndicatorSchema });
/** Records a measured value of an indicator. */
export const RecordIndicatorCommandSchema = command('record_indicator', {
  indicatorId: IdSchema,
  value: z.number(),
  asOf: CalendarDaySchema,
});
/** Declares the rectification complete (已完成). */
export const CompleteCommandSchema = command('complete', {});
/** Declares the phase complete with long-term work to sustain (阶段性完成并需长期坚持). */
export const MarkSustainingCommandSchema = command('mark_sustaining', {});
/** Submits the finding for the approval chain that precedes sign-off. */
export const RequestSignOffCommandSchema = command('request_signoff', { note: LongTextSchema.optional() });
/** Approves at one stage of the chain (初审, 终审会签 …). */
export const ApproveCommandSchema = command('approve', { stage: IdSchema, comment: LongTextSchema.optional() });
/** Sends the finding back from a stage of the chain, with the reason. */
export const ReturnCommandSchema = command('return', { stage: IdSchema, reason: NonEmptyText });
/** Closes the finding in the ledger (对账销号) once every rule is met. */
export const SignOffCommandSchema = command('sign_off', { note: LongTextSchema.optional() });
/** Plans a look-back review (回头看). */
export const ScheduleReviewCommandSchema = command('schedule_review', {
  reviewId: IdSchema,
  dueOn: CalendarDaySchema,
  reviewerId: IdSchema.optional(),
});
/** Records a look-back's outcome; a relapse (反弹) reopens the finding. */
export const RecordReviewCommandSchema = command('record_review', {
  reviewId: IdSchema,
  outcome: z.enum(['confirmed', 'relapsed']),
  conductedOn: CalendarDaySchema,
  notes: LongTextSchema.optional(),
});
/** Reopens a finding (a relapse reported, a sign-off found to be only on paper). */
export const ReopenCommandSchema = command('reopen', {
  reason: NonEmptyText,
  /**
   * The deadline of the re-rectification (再整改期限), when one is set: it replaces the
   * deadline in force (the first one stays as `originalDeadline`) and is not an
   * extension. Without it the old deadline stands, and a reopened finding is at once overdue.
   */
  deadline: CalendarDaySchema.optional(),
});
/** Asks to move the deadline (申请延期), with the reason; the original deadline is kept. */
export const RequestExtensionCommandSchema = command('request_extension', {
  extensionId: IdSchema,
  to: CalendarDaySchema,
  reason: NonEmptyText,
});
/** Grants or refuses a pending extension. */
export const DecideExtensionCommandSchema = command('decide_extension', {
  extensionId: IdSchema,
  approve: z.boolean(),
  comment: LongTextSchema.optional(),
});
/** Records supervision: 督办 (urge), 约谈 (interview), 问责 (accountability), 通报 (notice). */
export const SuperviseCommandSchema = command('supervise', {
  kind: z.enum(['urge', 'interview', 'accountability', 'notice']),
  on: CalendarDaySchema.optional(),
  targetPersonIds: limitedArray(IdSchema, LIMITS.listItems, 'people').default([]),
  targetUnitIds: limitedArray(IdSchema, LIMITS.listItems, 'units').default([]),
  note: TitleSchema,
});

/** The schema of each command, one per `type`. */
const COMMAND_SCHEMAS = [
  CreateCommandSchema,
  AssignCommandSchema,
  AddMeasureCommandSchema,
  ReviseMeasureCommandSchema,
  WithdrawMeasureCommandSchema,
  StartCommandSchema,
  RecordProgressCommandSchema,
  CompleteMeasureCommandSchema,
  DefineIndicatorCommandSchema,
  RecordIndicatorCommandSchema,
  CompleteCommandSchema,
  MarkSustainingCommandSchema,
  RequestSignOffCommandSchema,
  ApproveCommandSchema,
  ReturnCommandSchema,
  SignOffCommandSchema,
  ScheduleReviewCommandSchema,
  RecordReviewCommandSchema,
  ReopenCommandSchema,
  RequestExtensionCommandSchema,
  DecideExtensionCommandSchema,
  SuperviseCommandSchema,
] as const;

/** The command types, in the schema's order, for messages. */
const COMMAND_TYPE_LIST = COMMAND_SCHEMAS.map((o) => o.shape.type.value).join(', ');

/** Schema of every {@link Command}, discriminated by `type`. */
export const CommandSchema = z.discriminatedUnion('type', COMMAND_SCHEMAS, {
  // Say first what is missing or wrong, then the types there are (22 of them).
  error: (issue): string | undefined => {
    const input = issue.input as { type?: unknown } | null | undefined;
    if (issue.code !== 'invalid_union' || input === null || typeof input !== 'object') return undefined;
    if (input.type === undefined) return `type is required: which command this is, one of ${COMMAND_TYPE_LIST}`;
    return `${JSON.stringify(input.type)} is not a command type: one of ${COMMAND_TYPE_LIST}`;
  },
});

/** A request to change a finding, validated; see {@link CommandSchema}. */
export type Command = z.infer<typeof CommandSchema>;
/** A command as written by a caller, before defaults are applied. */
export type CommandInput = z.input<typeof CommandSchema>;
/** The name of a command. */
export type CommandType = Command['type'];
/** The command of a given type. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Every command type, in lifecycle order. */
export const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value) as readonly CommandType[];

import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { InstantSchema } from '../dates/instant.js';
import { IdSchema } from '../model/common.js';
import * as C from './commands.js';
import type { CommandType } from './commands.js';

/** A SHA-256 digest in lowercase hexadecimal. */
const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Expected a SHA-256 hash: 64 lowercase hexadecimal characters' });

const ENVELOPE_KEYS = {
  commandId: true,
  findingId: true,
  actorId: true,
  at: true,
  expectedVersion: true,
  type: true,
} as const;

/** The name of the event each command yields when accepted (past tense). */
export const EVENT_OF_COMMAND = {
  create: 'created',
  assign: 'assigned',
  add_measure: 'measure_added',
  revise_measure: 'measure_revised',
  withdraw_measure: 'measure_withdrawn',
  start: 'started',
  record_progress: 'progress_recorded',
  complete_measure: 'measure_completed',
  define_indicator: 'indicator_defined',
  record_indicator: 'indicator_recorded',
  complete: 'completed',
  mark_sustaining: 'marked_sustaining',
  request_signoff: 'signoff_requested',
  approve: 'approved',
  return: 'returned',
  sign_off: 'signed_off',
  schedule_review: 'review_scheduled',
  record_review: 'review_recorded',
  reopen: 'reopened',
  request_extension: 'extension_requested',
  decide_extension: 'extension_decided',
  supervise: 'supervised',
} as const satisfies Record<CommandType, string>;

const envelope = {
  findingId: IdSchema,
  /** 1 for the first event of a finding, then one more per event. */
  version: z.number().int().positive(),
  /** The command that produced it (also its idempotency key). */
  commandId: IdSchema,
  actorId: IdSchema,
  at: InstantSchema,
  /** The calendar day of `at` where the inspection is (its UTC offset). */
  on: CalendarDaySchema,
  /** The `hash` of the event before it (absent for version 1): the link of the chain (see `verifyChain`). */
  prev: HashSchema.optional(),
  /**
   * SHA-256 of this event's canonical JSON without `hash` (`eventHash`). Every event
   * `decide` yields carries one; an event without it was written before the chain.
   */
  hash: HashSchema.optional(),
};

function eventOf<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ ...envelope, type: z.literal(type), payload });
}

/** Schema of every {@link FindingEvent}: the append-only history of a finding. */
export const FindingEventSchema = z.discriminatedUnion('type', [
  eventOf('created', C.CreateCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('assigned', C.AssignCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('measure_added', C.AddMeasureCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('measure_revised', C.ReviseMeasureCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('measure_withdrawn', C.WithdrawMeasureCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('started', C.StartCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('progress_recorded', C.RecordProgressCommandSchema.omit(ENVELOPE_KEYS).extend({ on: CalendarDaySchema })),
  eventOf('measure_completed', C.CompleteMeasureCommandSchema.omit(ENVELOPE_KEYS).extend({ on: CalendarDaySchema })),
  eventOf('indicator_defined', C.DefineIndicatorCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('indicator_recorded', C.RecordIndicatorCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('completed', C.CompleteCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('marked_sustaining', C.MarkSustainingCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('signoff_requested', C.RequestSignOffCommandSchema.omit(ENVELOPE_KEYS).extend({ stages: z.array(IdSchema) })),
  eventOf('approved', C.ApproveCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('returned', C.ReturnCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('signed_off', C.SignOffCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('review_scheduled', C.ScheduleReviewCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('review_recorded', C.RecordReviewCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('reopened', C.ReopenCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('extension_requested', C.RequestExtensionCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('extension_decided', C.DecideExtensionCommandSchema.omit(ENVELOPE_KEYS)),
  eventOf('supervised', C.SuperviseCommandSchema.omit(ENVELOPE_KEYS).extend({ on: CalendarDaySchema })),
]);

/** Something that happened to a finding: the result of one accepted command. */
export type FindingEvent = z.infer<typeof FindingEventSchema>;
/** The name of an event. */
export type FindingEventType = FindingEvent['type'];
/** The event of a given type. */
export type EventOf<T extends FindingEventType> = Extract<FindingEvent, { type: T }>;

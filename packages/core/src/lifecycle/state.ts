import type { CalendarDay } from '../dates/calendar-day.js';
import type { Instant } from '../dates/instant.js';
import type { Assignment } from '../model/assignment.js';
import type { Evidence } from '../model/evidence.js';
import type { Finding } from '../model/finding.js';
import type { Indicator, IndicatorReading } from '../model/indicator.js';
import type { MeasurePlan } from '../model/measure.js';
import type { FindingStatus } from './status.js';

/** A measure with where it stands. */
export interface MeasureState extends MeasurePlan {
  /** `open` until done; `withdrawn` when taken out of the plan. */
  status: 'open' | 'done' | 'withdrawn';
  /** The day it was declared done. */
  doneOn?: CalendarDay;
  /** Evidence given when it was declared done. */
  completionEvidence: Evidence[];
  /** Why it was withdrawn. */
  withdrawnReason?: string;
}

/** One entry of the ledger (台账): a weekly update or a monthly report. */
export interface ProgressEntry {
  /** The id of the command that recorded it. */
  id: string;
  kind: 'update' | 'monthly_report';
  /** The month a monthly report covers. */
  period?: string;
  measureId?: string;
  text: string;
  evidence: Evidence[];
  /** The day the work was done. */
  on: CalendarDay;
  /** When it was recorded. */
  at: Instant;
  actorId: string;
}

/** An indicator with its readings, oldest first. */
export interface IndicatorState extends Indicator {
  readings: IndicatorReading[];
}

/** One approval given in the current sign-off cycle. */
export interface ApprovalRecord {
  stage: string;
  actorId: string;
  at: Instant;
  comment?: string;
}

/** A return (退回) from a stage, with the reason. */
export interface ReturnRecord {
  stage: string;
  actorId: string;
  at: Instant;
  reason: string;
}

/** The open request for sign-off. */
export interface SignOffRequest {
  /** The stages to pass, in order, fixed when the request was made. */
  stages: string[];
  requestedBy: string;
  at: Instant;
  /** The status to go back to if the request is returned. */
  statusBefore: 'completed' | 'sustaining';
}

/** The sign-off (销号) of a finding. */
export interface SignOffRecord {
  actorId: string;
  at: Instant;
  on: CalendarDay;
  /** The approvals it rests on. */
  approvals: ApprovalRecord[];
  /** Whether long-term work continues after the sign-off. */
  sustaining: boolean;
}

/** A look-back review (回头看). */
export interface ReviewRecord {
  id: string;
  dueOn: CalendarDay;
  reviewerId?: string;
  scheduledBy: string;
  outcome?: 'confirmed' | 'relapsed';
  conductedOn?: CalendarDay;
  notes?: string;
}

/** A deadline extension (延期), with the original deadline kept. */
export interface ExtensionRecord {
  id: string;
  /** The deadline when it was requested. */
  from: CalendarDay;
  to: CalendarDay;
  reason: string;
  requestedBy: string;
  requestedAt: Instant;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy?: string;
  decidedAt?: Instant;
  comment?: string;
}

/** A supervision record: 督办, 约谈, 问责 or 通报. */
export interface SupervisionRecord {
  id: string;
  kind: 'urge' | 'interview' | 'accountability' | 'notice';
  on: CalendarDay;
  actorId: string;
  targetPersonIds: string[];
  targetUnitIds: string[];
  note: string;
}

/** A reopening of the finding. */
export interface ReopenRecord {
  at: Instant;
  on: CalendarDay;
  actorId: string;
  reason: string;
  /** `review` when a look-back found a relapse; `command` when reopened directly. */
  via: 'review' | 'command';
}

/**
 * Everything known about a finding now: built by replaying its events
 * ({@link replay}), never edited by hand.
 */
export interface FindingState {
  finding: Finding;
  /** The number of events applied; the next event gets `version + 1`. */
  version: number;
  status: FindingStatus;
  createdAt: Instant;
  updatedAt: Instant;
  assignment?: Assignment;
  /** The day the finding was first assigned. */
  assignedOn?: CalendarDay;
  /** The first deadline ever assigned; kept when extensions move the deadline. */
  originalDeadline?: CalendarDay;
  measures: MeasureState[];
  progress: ProgressEntry[];
  indicators: IndicatorState[];
  signOffRequest?: SignOffRequest;
  /** Approvals of the open sign-off cycle (moved into {@link SignOffRecord} at sign-off). */
  approvals: ApprovalRecord[];
  returns: ReturnRecord[];
  signOff?: SignOffRecord;
  /** The day the finding last reached `completed` or `sustaining`. */
  completedOn?: CalendarDay;
  reviews: ReviewRecord[];
  extensions: ExtensionRecord[];
  supervisions: SupervisionRecord[];
  reopenings: ReopenRecord[];
}

/** The measures still part of the plan (not withdrawn). */
export function activeMeasures(state: FindingState): MeasureState[] {
  return state.measures.filter((m) => m.status !== 'withdrawn');
}

/** The deadline in force: the assignment's, after any approved extension. */
export function currentDeadline(state: FindingState): CalendarDay | undefined {
  return state.assignment?.deadline;
}

/** The day of the latest ledger entry, if any. */
export function lastProgressOn(state: FindingState): CalendarDay | undefined {
  let last: CalendarDay | undefined;
  for (const entry of state.progress) if (last === undefined || entry.on > last) last = entry.on;
  return last;
}

/** All evidence given for one measure: at completion and in ledger entries about it. */
export function evidenceForMeasure(state: FindingState, measureId: string): Evidence[] {
  const measure = state.measures.find((m) => m.id === measureId);
  const fromProgress = state.progress.filter((p) => p.measureId === measureId).flatMap((p) => p.evidence);
  return [...(measure?.completionEvidence ?? []), ...fromProgress];
}

/** The latest reading of an indicator, if any. */
export function latestReading(indicator: IndicatorState): IndicatorReading | undefined {
  let latest: IndicatorReading | undefined;
  for (const r of indicator.readings) if (latest === undefined || r.asOf >= latest.asOf) latest = r;
  return latest;
}

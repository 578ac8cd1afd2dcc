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
  /** `update`: a ledger update (每周更新); `monthly_report`: the monthly report (每月一报). */
  kind: 'update' | 'monthly_report';
  /** The month a monthly report covers. */
  period?: string;
  /** The measure the entry is about, if any. */
  measureId?: string;
  /** What was done, in the words of the person who did it. */
  text: string;
  /** Proof attached to the entry. */
  evidence: Evidence[];
  /** The day the work was done. */
  on: CalendarDay;
  /** When it was recorded. */
  at: Instant;
  /** Who recorded it. */
  actorId: string;
}

/** An indicator with its readings, oldest first. */
export interface IndicatorState extends Indicator {
  /** Every reading recorded, in the order recorded. */
  readings: IndicatorReading[];
}

/** One approval given in the current sign-off cycle. */
export interface ApprovalRecord {
  /** The stage approved (an id of the workflow's approval chain). */
  stage: string;
  /** Who approved. */
  actorId: string;
  /** When. */
  at: Instant;
  /** Their words, if any (同意，报主要领导终审). */
  comment?: string;
}

/** A return (退回) from a stage, with the reason. */
export interface ReturnRecord {
  /** The stage that returned it. */
  stage: string;
  /** Who returned it. */
  actorId: string;
  /** When. */
  at: Instant;
  /** Why: what is missing. */
  reason: string;
}

/** The open request for sign-off. */
export interface SignOffRequest {
  /** The stages to pass, in order, fixed when the request was made. */
  stages: string[];
  /** Who asked for sign-off. */
  requestedBy: string;
  /** When. */
  at: Instant;
  /** The status to go back to if the request is returned. */
  statusBefore: 'completed' | 'sustaining';
}

/** The sign-off (销号) of a finding. */
export interface SignOffRecord {
  /** Who signed off (销号). */
  actorId: string;
  /** When. */
  at: Instant;
  /** The day of the sign-off where the inspection is. */
  on: CalendarDay;
  /** The approvals it rests on. */
  approvals: ApprovalRecord[];
  /** Whether long-term work continues after the sign-off. */
  sustaining: boolean;
}

/** A look-back review (回头看). */
export interface ReviewRecord {
  /** Its id, chosen when scheduled. */
  id: string;
  /** The day by which it is to be done. */
  dueOn: CalendarDay;
  /** Who is to do it, if named. */
  reviewerId?: string;
  /** Who scheduled it. */
  scheduledBy: string;
  /** `confirmed`: the result holds; `relapsed`: the problem came back (反弹). Absent while open. */
  outcome?: 'confirmed' | 'relapsed';
  /** The day it was done. */
  conductedOn?: CalendarDay;
  /** What it found. */
  notes?: string;
}

/** A deadline extension (延期), with the original deadline kept. */
export interface ExtensionRecord {
  /** Its id, chosen by the requester. */
  id: string;
  /** The deadline when it was requested. */
  from: CalendarDay;
  /** The deadline asked for. */
  to: CalendarDay;
  /** Why more time is needed. */
  reason: string;
  /** Who asked. */
  requestedBy: string;
  /** When. */
  requestedAt: Instant;
  /** Where the request stands. */
  status: 'pending' | 'approved' | 'rejected';
  /** Who decided. */
  decidedBy?: string;
  /** When. */
  decidedAt?: Instant;
  /** The decider's words. */
  comment?: string;
}

/** A supervision record: 督办, 约谈, 问责 or 通报. */
export interface SupervisionRecord {
  /** The id of the command that recorded it. */
  id: string;
  /** 督办, 约谈, 问责 or 通报. */
  kind: 'urge' | 'interview' | 'accountability' | 'notice';
  /** The day it happened. */
  on: CalendarDay;
  /** Who supervised. */
  actorId: string;
  /** The people it addressed. */
  targetPersonIds: string[];
  /** The units it addressed. */
  targetUnitIds: string[];
  /** What was said or decided. */
  note: string;
}

/** A reopening of the finding. */
export interface ReopenRecord {
  /** When. */
  at: Instant;
  /** The day, where the inspection is. */
  on: CalendarDay;
  /** Who reopened it (or recorded the relapse). */
  actorId: string;
  /** Why. */
  reason: string;
  /** `review` when a look-back found a relapse; `command` when reopened directly. */
  via: 'review' | 'command';
  /** The re-rectification's deadline, when the reopening set one. */
  deadline?: CalendarDay;
}

/**
 * Everything known about a finding now: built by replaying its events
 * ({@link replay}), never edited by hand.
 */
export interface FindingState {
  /** What the finding is: its inspection, category, number, title. */
  finding: Finding;
  /** The number of events applied; the next event gets `version + 1`. */
  version: number;
  /** The `hash` of the latest event (absent when it had none): what the next event links to. */
  head?: string;
  /** Where it stands. */
  status: FindingStatus;
  /** When it was created. */
  createdAt: Instant;
  /** When its last event happened. */
  updatedAt: Instant;
  /** Who answers for it and by when, once assigned. */
  assignment?: Assignment;
  /** The day the finding was first assigned. */
  assignedOn?: CalendarDay;
  /** The first deadline ever assigned; kept when extensions move the deadline. */
  originalDeadline?: CalendarDay;
  /** The plan: every measure, withdrawn ones included. */
  measures: MeasureState[];
  /** The ledger entries, in the order recorded. */
  progress: ProgressEntry[];
  /** Quantified results tracked. */
  indicators: IndicatorState[];
  /** The open sign-off request, while `awaiting_signoff`. */
  signOffRequest?: SignOffRequest;
  /** Approvals of the open sign-off cycle (moved into {@link SignOffRecord} at sign-off). */
  approvals: ApprovalRecord[];
  /** Every return from the approval chain. */
  returns: ReturnRecord[];
  /** The sign-off, while `signed_off`. */
  signOff?: SignOffRecord;
  /** The day the finding last reached `completed` or `sustaining`. */
  completedOn?: CalendarDay;
  /** Look-back reviews, scheduled and done. */
  reviews: ReviewRecord[];
  /** Deadline extensions asked for, with their decisions. */
  extensions: ExtensionRecord[];
  /** 督办, 约谈, 问责, 通报 on this finding. */
  supervisions: SupervisionRecord[];
  /** Every reopening; its length is how often the problem came back. */
  reopenings: ReopenRecord[];
}

/**
 * Whether a finding's long-term work (长期坚持) is still to be followed: it is
 * sustaining, or it was completed or signed off with a long-term measure still open (a
 * finding signed off as 阶段性完成并需长期坚持). Such a finding keeps its ledger and
 * its monthly reports, at the long-term cadence: every view asks this one question.
 */
export function isSustained(state: { status: FindingStatus; measures: readonly Pick<MeasureState, 'kind' | 'status'>[] }): boolean {
  if (state.status === 'sustaining') return true;
  if (state.status !== 'completed' && state.status !== 'awaiting_signoff' && state.status !== 'signed_off') return false;
  return state.measures.some((m) => m.kind === 'long_term' && m.status === 'open');
}

/** Whether an extension of its deadline was approved (the deadline in force is then an extended one). */
export function hasApprovedExtension(state: Pick<FindingState, 'extensions'>): boolean {
  return state.extensions.some((x) => x.status === 'approved');
}

/** The measures still part of the plan (not withdrawn). */
export function activeMeasures(state: FindingState): MeasureState[] {
  return state.measures.filter((m) => m.status !== 'withdrawn');
}

/** The day of the latest ledger entry, if any. */
export function lastProgressOn(state: { progress: readonly Pick<ProgressEntry, 'on'>[] }): CalendarDay | undefined {
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

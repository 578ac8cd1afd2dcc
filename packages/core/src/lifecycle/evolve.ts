import type { EventOf, FindingEvent } from './events.js';
import type { FindingSnapshot } from './snapshot.js';
import type { FindingState, MeasureState } from './state.js';

/**
 * Applies one event to a finding's state and returns the new state. Pure and
 * total: it trusts the event (events were checked when their command was decided),
 * so replaying a history never fails half-way.
 *
 * @param state - the state before the event; `undefined` only for a `created` event.
 */
export function evolve(state: FindingState | undefined, event: FindingEvent): FindingState {
  if (event.type === 'created') {
    const { finding, measures, indicators, snapshot } = event.payload;
    const created: FindingState = {
      finding: { ...finding, id: event.findingId },
      version: event.version,
      ...(event.hash === undefined ? {} : { head: event.hash }),
      status: 'not_started',
      createdAt: event.at,
      updatedAt: event.at,
      measures: measures.map(newMeasure),
      progress: [],
      indicators: indicators.map((i) => ({ ...i, readings: [] })),
      approvals: [],
      returns: [],
      reviews: [],
      extensions: [],
      supervisions: [],
      reopenings: [],
    };
    return snapshot === undefined ? created : asFound(created, snapshot, event);
  }
  if (state === undefined) {
    throw new RangeError(`Event ${event.type} (version ${event.version}) cannot be the first event of finding ${event.findingId}`);
  }
  const next: FindingState = { ...state, version: event.version, updatedAt: event.at };
  if (event.hash === undefined) delete next.head;
  else next.head = event.hash;
  switch (event.type) {
    case 'assigned': {
      next.assignment = event.payload.assignment;
      next.originalDeadline = state.originalDeadline ?? event.payload.assignment.deadline;
      next.assignedOn = state.assignedOn ?? event.on;
      break;
    }
    case 'measure_added': {
      next.measures = [...state.measures, newMeasure(event.payload.measure)];
      // A new measure means the work is open again.
      if (state.status === 'completed' || state.status === 'sustaining') {
        next.status = 'in_progress';
        delete next.completedOn;
      }
      break;
    }
    case 'measure_revised': {
      const { measureId, text, kind, deadline } = event.payload;
      next.measures = state.measures.map((m) =>
        m.id !== measureId
          ? m
          : {
              ...m,
              ...(text === undefined ? {} : { text }),
              ...(kind === undefined ? {} : { kind }),
              ...(deadline === undefined ? {} : { deadline }),
            },
      );
      break;
    }
    case 'measure_withdrawn': {
      const { measureId, reason } = event.payload;
      next.measures = state.measures.map((m) =>
        m.id === measureId ? { ...m, status: 'withdrawn', withdrawnReason: reason } : m,
      );
      break;
    }
    case 'started':
      next.status = 'in_progress';
      break;
    case 'progress_recorded': {
      const e = event.payload;
      next.progress = [
        ...state.progress,
        {
          id: event.commandId,
          kind: e.kind,
          ...(e.period === undefined ? {} : { period: e.period }),
          ...(e.measureId === undefined ? {} : { measureId: e.measureId }),
          text: e.text,
          evidence: e.evidence,
          on: e.on,
          at: event.at,
          actorId: event.actorId,
        },
      ];
      if (state.status === 'not_started') next.status = 'in_progress';
      break;
    }
    case 'measure_completed': {
      const { measureId, evidence, on } = event.payload;
      next.measures = state.measures.map((m) =>
        m.id === measureId ? { ...m, status: 'done', doneOn: on, completionEvidence: evidence } : m,
      );
      break;
    }
    case 'indicator_defined':
      next.indicators = [...state.indicators, { ...event.payload.indicator, readings: [] }];
      break;
    case 'indicator_recorded': {
      const { indicatorId, value, asOf } = event.payload;
      next.indicators = state.indicators.map((i) =>
        i.id === indicatorId ? { ...i, readings: [...i.readings, { value, asOf }] } : i,
      );
      break;
    }
    case 'completed':
      next.status = 'completed';
      next.completedOn = event.on;
      break;
    case 'marked_sustaining':
      next.status = 'sustaining';
      next.completedOn = event.on;
      break;
    case 'signoff_requested':
      next.signOffRequest = {
        stages: event.payload.stages,
        requestedBy: event.actorId,
        at: event.at,
        statusBefore: state.status === 'sustaining' ? 'sustaining' : 'completed',
      };
      next.approvals = [];
      next.status = 'awaiting_signoff';
      break;
    case 'approved':
      next.approvals = [
        ...state.approvals,
        {
          stage: event.payload.stage,
          actorId: event.actorId,
          at: event.at,
          ...(event.payload.comment === undefined ? {} : { comment: event.payload.comment }),
        },
      ];
      break;
    case 'returned':
      next.returns = [
        ...state.returns,
        { stage: event.payload.stage, actorId: event.actorId, at: event.at, reason: event.payload.reason },
      ];
      next.status = state.signOffRequest?.statusBefore ?? 'completed';
      next.approvals = [];
      delete next.signOffRequest;
      break;
    case 'signed_off':
      next.signOff = {
        actorId: event.actorId,
        at: event.at,
        on: event.on,
        approvals: state.approvals,
        sustaining: state.signOffRequest?.statusBefore === 'sustaining',
      };
      // The approvals now belong to the sign-off record; `approvals` is the open cycle's.
      next.approvals = [];
      next.status = 'signed_off';
      delete next.signOffRequest;
      break;
    case 'review_scheduled':
      next.reviews = [
        ...state.reviews,
        {
          id: event.payload.reviewId,
          dueOn: event.payload.dueOn,
          scheduledBy: event.actorId,
          ...(event.payload.reviewerId === undefined ? {} : { reviewerId: event.payload.reviewerId }),
        },
      ];
      break;
    case 'review_recorded': {
      const { reviewId, outcome, conductedOn, notes } = event.payload;
      next.reviews = state.reviews.map((r) =>
        r.id === reviewId ? { ...r, outcome, conductedOn, ...(notes === undefined ? {} : { notes }) } : r,
      );
      if (outcome === 'relapsed') {
        reopen(next, { at: event.at, on: event.on, actorId: event.actorId, reason: notes ?? '回头看发现问题反弹 (relapse found by a look-back)', via: 'review' });
      }
      break;
    }
    case 'reopened': {
      const { deadline } = event.payload;
      reopen(next, { at: event.at, on: event.on, actorId: event.actorId, reason: event.payload.reason, via: 'command', ...(deadline === undefined ? {} : { deadline }) });
      // The re-rectification's own deadline: in force from now, the first one kept as the original.
      if (deadline !== undefined && next.assignment !== undefined) next.assignment = { ...next.assignment, deadline };
      break;
    }
    case 'extension_requested':
      next.extensions = [
        ...state.extensions,
        {
          id: event.payload.extensionId,
          from: state.assignment?.deadline ?? event.payload.to,
          to: event.payload.to,
          reason: event.payload.reason,
          requestedBy: event.actorId,
          requestedAt: event.at,
          status: 'pending',
        },
      ];
      break;
    case 'extension_decided': {
      const { extensionId, approve, comment } = event.payload;
      const extension = state.extensions.find((x) => x.id === extensionId);
      next.extensions = state.extensions.map((x) =>
        x.id === extensionId
          ? {
              ...x,
              status: approve ? 'approved' : 'rejected',
              decidedBy: event.actorId,
              decidedAt: event.at,
              ...(comment === undefined ? {} : { comment }),
            }
          : x,
      );
      if (approve && extension && state.assignment) {
        next.assignment = { ...state.assignment, deadline: extension.to };
      }
      break;
    }
    case 'supervised':
      next.supervisions = [
        ...state.supervisions,
        {
          id: event.commandId,
          kind: event.payload.kind,
          on: event.payload.on,
          actorId: event.actorId,
          targetPersonIds: event.payload.targetPersonIds,
          targetUnitIds: event.payload.targetUnitIds,
          note: event.payload.note,
        },
      ];
      break;
    default: {
      const unreachable: never = event;
      throw new RangeError(`Unknown event type ${(unreachable as { type: string }).type}`);
    }
  }
  return next;
}

/**
 * A finding created from a ledger: where the ledger says it stands, as of the import.
 * Progress is dated as the ledger dates it; the sign-off record (if any) rests on no
 * approvals, since the ledger shows none, and the import is its only witness.
 */
function asFound(state: FindingState, snapshot: FindingSnapshot, event: EventOf<'created'>): FindingState {
  const done = new Map(snapshot.measuresDone.map((m) => [m.measureId, m.on]));
  const next: FindingState = {
    ...state,
    status: snapshot.status,
    measures: state.measures.map((m) => (done.has(m.id) ? { ...m, status: 'done', ...(done.get(m.id) === undefined ? {} : { doneOn: done.get(m.id)! }) } : m)),
    progress: snapshot.progress.map((p, i) => ({
      id: `${event.commandId}#${i + 1}`,
      kind: p.kind,
      ...(p.period === undefined ? {} : { period: p.period }),
      ...(p.measureId === undefined ? {} : { measureId: p.measureId }),
      text: p.text,
      evidence: [],
      on: p.on,
      at: event.at,
      actorId: p.recordedBy ?? event.actorId,
    })),
    extensions: snapshot.extensions.map((x) => ({
      id: x.id,
      from: snapshot.assignment?.deadline ?? x.to,
      to: x.to,
      reason: x.reason,
      requestedBy: event.actorId,
      requestedAt: event.at,
      status: 'pending' as const,
    })),
  };
  if (snapshot.assignment) {
    next.assignment = snapshot.assignment;
    next.originalDeadline = snapshot.assignment.deadline;
    next.assignedOn = event.on;
  }
  const phaseDone = snapshot.status === 'completed' || snapshot.status === 'sustaining' || snapshot.status === 'awaiting_signoff' || snapshot.status === 'signed_off';
  const completedOn = snapshot.completedOn ?? (snapshot.status === 'signed_off' ? snapshot.signedOffOn : undefined);
  if (phaseDone && completedOn !== undefined) next.completedOn = completedOn;
  const sustaining = state.measures.some((m) => m.kind === 'long_term' && !done.has(m.id));
  if (snapshot.status === 'awaiting_signoff') {
    next.signOffRequest = { stages: snapshot.signOffStages ?? [], requestedBy: event.actorId, at: event.at, statusBefore: sustaining ? 'sustaining' : 'completed' };
  }
  if (snapshot.status === 'signed_off') {
    next.signOff = { actorId: event.actorId, at: event.at, on: snapshot.signedOffOn ?? event.on, approvals: [], sustaining };
  }
  return next;
}

function newMeasure(plan: MeasureState | Omit<MeasureState, 'status' | 'completionEvidence'>): MeasureState {
  return { ...plan, status: 'open', completionEvidence: [] };
}

function reopen(next: FindingState, record: FindingState['reopenings'][number]): void {
  next.status = 'reopened';
  next.approvals = [];
  next.reopenings = [...next.reopenings, record];
  delete next.signOff;
  delete next.signOffRequest;
  delete next.completedOn;
}

/**
 * The state a finding had at the end of `asOf` (a calendar day where the inspection
 * is): replays only the events of that day and before. `undefined` if the finding
 * did not exist yet. Reports for a past day use this, so they cannot be rewritten.
 *
 * @example
 * ```ts
 * const then = replayAsOf(events, '2023-10-31');
 * ```
 */
export function replayAsOf(events: readonly FindingEvent[], asOf: string): FindingState | undefined {
  let state: FindingState | undefined;
  for (const event of events) {
    if (event.on > asOf) break;
    state = evolve(state, event);
  }
  return state;
}

/**
 * Rebuilds a finding's state from its whole history. Replaying the events a store
 * kept gives exactly the state the live commands produced.
 *
 * @example
 * ```ts
 * const state = replay(events);
 * ```
 */
export function replay(events: readonly FindingEvent[]): FindingState | undefined {
  let state: FindingState | undefined;
  for (const event of events) state = evolve(state, event);
  return state;
}

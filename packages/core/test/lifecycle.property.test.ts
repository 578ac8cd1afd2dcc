import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actorOf,
  activeMeasures,
  COMMAND_TYPES,
  decide,
  DEFAULT_ESCALATION_POLICY,
  findingLight,
  parseEscalationPolicy,
  warningNotices,
  warningView,
  WEEKDAYS,
  FINDING_STATUSES,
  isRectifyError,
  replay,
  type FindingEvent,
  type FindingState,
} from '../src/index.js';
import { PEOPLE, testInspection } from './harness.js';

/** More cases on CI's long run (CI=true), fewer on a developer's machine. */
const RUNS = Number(process.env['RECTIFY_FUZZ_RUNS'] ?? (process.env['CI'] ? 1500 : 150));

const inspection = testInspection();
const day = fc.constantFrom('2023-08-20', '2023-09-01', '2023-10-15', '2023-11-30', '2024-01-31', '2024-06-30');
const measureId = fc.constantFrom('m1', 'm2', 'm3', 'm4');
const evidence = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('note'), text: fc.constantFrom('已完成', '记录') }),
    fc.record({ kind: fc.constant('document'), title: fc.constantFrom('通知', '办法'), issuedOn: day }),
    fc.record({ kind: fc.constant('regulation'), title: fc.constant('制度') }),
  ),
  { maxLength: 2 },
);

/** A payload for each command type, drawn from small pools so that commands often fit. */
const payloads: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  create: fc.record({
    finding: fc.constant({ inspectionId: 'ins-1', categoryId: 'cat-1', ordinal: 1, title: '问题' }),
    measures: fc.subarray([
      { id: 'm1', ordinal: 1, text: '一是', kind: 'by_deadline' },
      { id: 'm2', ordinal: 2, text: '二是', kind: 'long_term' },
      { id: 'm3', ordinal: 3, text: '三是', kind: 'immediate' },
    ]),
  }),
  assign: fc.record({
    assignment: fc.record({
      responsibleLeaderId: fc.constantFrom('p-leader', 'p-leader2'),
      leadUnitId: fc.constantFrom('u-law', 'u-fin'),
      responsiblePersonId: fc.constantFrom('p-resp', 'p-resp2'),
      deadline: day,
    }),
  }),
  add_measure: fc.record({ measure: fc.record({ id: measureId, ordinal: fc.integer({ min: 1, max: 5 }), text: fc.constant('新措施'), kind: fc.constantFrom('immediate', 'by_deadline', 'long_term') }) }),
  revise_measure: fc.record({ measureId, kind: fc.constantFrom('immediate', 'by_deadline', 'long_term') }),
  withdraw_measure: fc.record({ measureId, reason: fc.constant('重复') }),
  start: fc.constant({}),
  record_progress: fc.oneof(
    fc.record({ measureId: fc.option(measureId, { nil: undefined }), text: fc.constant('进展'), evidence, on: fc.option(day, { nil: undefined }) }),
    fc.record({ kind: fc.constant('monthly_report'), period: fc.constantFrom('2023-08', '2023-09', '2023-10', '2024-01'), text: fc.constant('月报') }),
  ),
  complete_measure: fc.record({ measureId, evidence }),
  define_indicator: fc.record({ indicator: fc.record({ id: fc.constantFrom('i1', 'i2'), name: fc.constant('指标'), target: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) }) }),
  record_indicator: fc.record({ indicatorId: fc.constantFrom('i1', 'i2'), value: fc.integer({ min: 0, max: 10 }), asOf: fc.constant('2023-08-20') }),
  complete: fc.constant({}),
  mark_sustaining: fc.constant({}),
  request_signoff: fc.constant({}),
  approve: fc.record({ stage: fc.constantFrom('preliminary', 'final', 'bogus') }),
  return: fc.record({ stage: fc.constantFrom('preliminary', 'final'), reason: fc.constant('退回') }),
  sign_off: fc.constant({}),
  schedule_review: fc.record({ reviewId: fc.constantFrom('r1', 'r2'), dueOn: day }),
  record_review: fc.record({ reviewId: fc.constantFrom('r1', 'r2'), outcome: fc.constantFrom('confirmed', 'relapsed'), conductedOn: fc.constant('2023-08-20') }),
  reopen: fc.record({ reason: fc.constant('反弹') }),
  request_extension: fc.record({ extensionId: fc.constantFrom('x1', 'x2'), to: day, reason: fc.constant('延期') }),
  decide_extension: fc.record({ extensionId: fc.constantFrom('x1', 'x2'), approve: fc.boolean() }),
  supervise: fc.record({ kind: fc.constantFrom('urge', 'interview'), note: fc.constant('督办') }),
};

/** Who would usually issue each command; the walk picks them most of the time, anyone otherwise. */
const USUAL_ACTOR: Record<string, string[]> = {
  create: ['p-coord'], assign: ['p-coord'], add_measure: ['p-coord', 'p-resp'], revise_measure: ['p-coord'],
  withdraw_measure: ['p-coord'], start: ['p-resp'], record_progress: ['p-resp'], complete_measure: ['p-resp'],
  define_indicator: ['p-coord'], record_indicator: ['p-resp'], complete: ['p-resp'], mark_sustaining: ['p-resp'],
  request_signoff: ['p-resp'], approve: ['p-leader', 'p-principal'], return: ['p-leader', 'p-principal'],
  sign_off: ['p-coord'], schedule_review: ['p-inspector'], record_review: ['p-inspector'], reopen: ['p-supervisor'],
  request_extension: ['p-resp'], decide_extension: ['p-leader'], supervise: ['p-principal'],
};

const step = fc.constantFrom(...COMMAND_TYPES).chain((type) =>
  fc.record({
    type: fc.constant(type),
    actorId: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...USUAL_ACTOR[type]!) },
      { weight: 1, arbitrary: fc.constantFrom(...PEOPLE.map((p) => p.id)) },
    ),
    hours: fc.integer({ min: -2, max: 200 }),
    payload: payloads[type]!,
  }),
);

const KNOWN_CODES = new Set(['validation', 'lifecycle.invalid_transition', 'permission.denied', 'rule.unmet', 'not_found', 'concurrency.conflict']);

/** What must hold of every state the lifecycle can reach. */
function checkInvariants(s: FindingState, events: readonly FindingEvent[]): void {
  expect(FINDING_STATUSES).toContain(s.status);
  expect(s.version).toBe(events.length);
  events.forEach((e, i) => expect(e.version).toBe(i + 1));
  expect(s.status === 'awaiting_signoff').toBe(s.signOffRequest !== undefined);
  expect(s.status === 'signed_off').toBe(s.signOff !== undefined);
  expect(s.approvals.length).toBeLessThanOrEqual(s.signOffRequest?.stages.length ?? 0);
  expect(s.originalDeadline !== undefined).toBe(s.assignment !== undefined);
  if (s.assignment && s.originalDeadline) expect(s.assignment.deadline >= s.originalDeadline).toBe(true);
  const measures = activeMeasures(s);
  if (s.status === 'completed') expect(measures.every((m) => m.status === 'done')).toBe(true);
  if (['sustaining', 'awaiting_signoff', 'signed_off'].includes(s.status)) {
    expect(measures.every((m) => m.status === 'done' || m.kind === 'long_term')).toBe(true);
    expect(measures.length).toBeGreaterThan(0);
  }
  if (s.signOff) {
    expect(s.signOff.approvals.map((a) => a.stage)).toEqual(inspection.workflow.approvalChain.map((c) => c.id));
    expect(new Set(s.signOff.approvals.map((a) => a.actorId)).size).toBe(s.signOff.approvals.length);
  }
  if (s.status !== 'not_started') expect(s.assignment).toBeDefined();
  expect(s.extensions.filter((x) => x.status === 'pending').length).toBeLessThanOrEqual(1);
}

/** A step of the walk: a random command, or the next step a diligent team would take now. */
type Step = { type: string; actorId: string; hours: number; payload: Record<string, unknown> } | { guided: number; hours: number };

const walk = fc.array(
  fc.oneof(
    { weight: 1, arbitrary: step as fc.Arbitrary<Step> },
    { weight: 3, arbitrary: fc.record({ guided: fc.nat(), hours: fc.integer({ min: 1, max: 72 }) }) },
  ),
  { minLength: 40, maxLength: 120, size: 'max' },
);

function resolve(s: Step, state: FindingState | undefined): { type: string; actorId: string; hours: number; payload: Record<string, unknown> } {
  if (!('guided' in s)) return s;
  const plan = GUIDED[state?.status ?? 'none']!;
  const [type, who, payload] = plan[s.guided % plan.length]!;
  // '@resp' and '@leader' stand for whoever the finding is assigned to now.
  const actorId = who === '@resp' ? state?.assignment?.responsiblePersonId ?? 'p-resp'
    : who === '@leader' ? state?.assignment?.responsibleLeaderId ?? 'p-leader'
    : who;
  return { type, actorId, hours: s.hours, payload };
}

/**
 * Runs a walk's steps through `decide`, calling `accepted` after each command taken (with the
 * state it gave, its event and the events so far) and `refused` after each refused.
 */
function runWalk(
  steps: readonly Step[],
  on: { accepted(type: string, state: FindingState, event: FindingEvent, events: readonly FindingEvent[]): void; refused?(error: unknown): void },
): { state: FindingState | undefined; events: FindingEvent[] } {
  let state: FindingState | undefined;
  const events: FindingEvent[] = [];
  let clock = Date.parse('2023-08-18T01:00:00Z');
  steps.forEach((raw, i) => {
    const s = resolve(raw, state);
    clock += s.hours * 3_600_000;
    const person = PEOPLE.find((p) => p.id === s.actorId)!;
    const command = { commandId: `c${i}`, findingId: 'f', actorId: s.actorId, at: new Date(clock).toISOString(), type: s.type, ...s.payload };
    const d = decide(state, command, { inspection, actor: actorOf(person) });
    if (d.ok) {
      events.push(d.event);
      state = d.state;
      on.accepted(s.type, d.state, d.event, events);
    } else {
      on.refused?.(d.error);
    }
  });
  return { state, events };
}

describe('the lifecycle under random command sequences (property)', () => {
  it('never reaches an invalid state, refuses only with typed errors, and replay equals the live state', () => {
    const accepted = new Map<string, number>();
    const reached = new Set<string>();
    fc.assert(
      fc.property(walk, (steps) => {
        const { state, events } = runWalk(steps, {
          accepted(type, state, event, sofar) {
            accepted.set(type, (accepted.get(type) ?? 0) + 1);
            expect(event.version).toBe(sofar.length);
            reached.add(state.status);
            checkInvariants(state, sofar);
          },
          refused(error) {
            expect(isRectifyError(error)).toBe(true);
            expect(KNOWN_CODES).toContain((error as { code: string }).code);
          },
        });
        expect(replay(events)).toEqual(state);
      }),
      { numRuns: RUNS },
    );
    // The walk must exercise the whole lifecycle, not just bounce off refusals.
    expect([...accepted.keys()].sort()).toEqual([...COMMAND_TYPES].sort());
    expect([...reached].sort()).toEqual([...FINDING_STATUSES].sort());
  });

  it('gives every state a warning view with the same light and the same notices as the state, on every day', () => {
    const policies = [DEFAULT_ESCALATION_POLICY, parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, raise: { staleLedger: true, missedMonthlyReport: true, relapse: true } })];
    const days = ['2023-09-11', '2023-10-10', '2024-01-15', '2024-07-08'];
    const context = { organisation: { id: 'org', name: '单位', units: [] }, inspection, people: PEOPLE, calendar: WEEKDAYS };
    const raised = new Set<string>();
    fc.assert(
      fc.property(walk, (steps) => {
        runWalk(steps, {
          accepted(_type, state) {
            const view = warningView(state);
            for (const asOf of days) {
              for (const policy of policies) {
                const light = findingLight(state, asOf, policy, inspection.workflow.cadence, WEEKDAYS);
                expect(findingLight(view, asOf, policy, inspection.workflow.cadence, WEEKDAYS)).toEqual(light);
                for (const r of light?.reasons ?? []) raised.add(r);
              }
              expect(warningNotices([view], context, asOf, policies[1]!)).toEqual(warningNotices([state], context, asOf, policies[1]!));
            }
          },
        });
      }),
      { numRuns: Math.ceil(RUNS / 6) },
    );
    // The walks reach every reason a light is raised for: the view keeps what each reads.
    expect([...raised].sort()).toEqual(['missed_monthly_report', 'relapse', 'stale_ledger']);
  });

  it('never throws on arbitrary input, and answers with a validation error', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const d = decide(undefined, input, { inspection, actor: { id: 'p-coord', roles: ['coordinator'] } });
        expect(d.ok).toBe(false);
        if (!d.ok) expect(d.error.code).toBe('validation');
      }),
      { numRuns: RUNS },
    );
  });
});

const NOTE = [{ kind: 'note', text: '佐证' }];
type Plan = [string, string, Record<string, unknown>][];
const GUIDED: Record<string, Plan> = {
  none: [['create', 'p-coord', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 't' }, measures: [{ id: 'm1', ordinal: 1, text: 'a' }, { id: 'm2', ordinal: 2, text: 'b', kind: 'long_term' }] }]],
  not_started: [['define_indicator', 'p-coord', { indicator: { id: 'i1', name: '指标', target: 1 } }], ['assign', 'p-coord', { assignment: { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', responsiblePersonId: 'p-resp', deadline: '2024-06-30' } }], ['start', '@resp', {}]],
  in_progress: [['request_extension', '@resp', { extensionId: 'xg', to: '2025-01-31', reason: '延期' }], ['decide_extension', '@leader', { extensionId: 'xg', approve: true }], ['record_indicator', '@resp', { indicatorId: 'i1', value: 1, asOf: '2023-08-20' }], ['complete_measure', '@resp', { measureId: 'm1', evidence: NOTE }], ['record_progress', '@resp', { measureId: 'm2', text: 'x', evidence: NOTE }], ['mark_sustaining', '@resp', {}], ['complete_measure', '@resp', { measureId: 'm2', evidence: NOTE }], ['complete', '@resp', {}]],
  reopened: [['record_progress', '@resp', { measureId: 'm2', text: 'x', evidence: NOTE }], ['complete', '@resp', {}], ['mark_sustaining', '@resp', {}]],
  completed: [['request_signoff', '@resp', {}], ['request_signoff', '@resp', {}], ['schedule_review', 'p-inspector', { reviewId: 'r1', dueOn: '2024-06-30' }], ['record_review', 'p-inspector', { reviewId: 'r1', outcome: 'confirmed', conductedOn: '2023-08-20' }]],
  sustaining: [['record_progress', '@resp', { measureId: 'm2', text: 'x', evidence: NOTE }], ['request_signoff', '@resp', {}], ['complete_measure', '@resp', { measureId: 'm2', evidence: NOTE }]],
  awaiting_signoff: [['approve', '@leader', { stage: 'preliminary' }], ['approve', 'p-principal', { stage: 'final' }], ['sign_off', 'p-coord', {}], ['return', '@leader', { stage: 'preliminary', reason: 'r' }]],
  signed_off: [['reopen', 'p-supervisor', { reason: 'r' }], ['record_progress', '@resp', { measureId: 'm2', text: 'x' }], ['schedule_review', 'p-inspector', { reviewId: 'r2', dueOn: '2024-06-30' }], ['record_review', 'p-inspector', { reviewId: 'r2', outcome: 'relapsed', conductedOn: '2023-08-20' }]],
};

import { describe, expect, it } from 'vitest';
import {
  ALLOWED_FROM,
  analyze,
  allowedCommands,
  COMMAND_TYPES,
  decideOrThrow,
  evolve,
  isRectifyError,
  replay,
  replayAsOf,
  RuleViolationError,
  type Decision,
  type FindingState,
} from '../src/index.js';
import { Harness, testInspection } from './harness.js';

function refusedWith(decision: Decision, code: string, rule?: string): void {
  expect(decision.ok).toBe(false);
  if (decision.ok) return;
  expect(decision.error.code).toBe(code);
  if (rule !== undefined) {
    expect(decision.error).toBeInstanceOf(RuleViolationError);
    expect((decision.error as RuleViolationError).unmet.map((u) => u.code)).toContain(rule);
  }
}

describe('create and assign', () => {
  it('creates a finding in not_started with its measures and version 1', () => {
    const h = new Harness();
    const d = h.run('p-coord', 'create', {
      finding: { inspectionId: 'ins-1', categoryId: 'cat-1', ordinal: 1, title: '学习贯彻不够深入' },
      measures: [{ id: 'm1', ordinal: 1, text: '一是强化理论学习' }],
    });
    expect(d.ok).toBe(true);
    const s = h.state();
    expect(s.status).toBe('not_started');
    expect(s.version).toBe(1);
    expect(s.finding).toMatchObject({ id: 'f-1', title: '学习贯彻不够深入', categoryId: 'cat-1' });
    expect(s.measures).toEqual([
      expect.objectContaining({ id: 'm1', kind: 'by_deadline', status: 'open', completionEvidence: [] }),
    ]);
    expect(h.events.get('f-1')?.[0]).toMatchObject({ type: 'created', version: 1, on: '2023-08-30' });
  });

  it('refuses a second create of the same finding', () => {
    const h = new Harness();
    h.createAssigned();
    refusedWith(h.run('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' } }), 'lifecycle.invalid_transition');
  });

  it('refuses a finding of another inspection or an unknown category', () => {
    const h = new Harness();
    const d = h.run('p-coord', 'create', { finding: { inspectionId: 'other', categoryId: 'cat-9', ordinal: 1, title: 'x' } });
    refusedWith(d, 'rule.unmet', 'reference.inspection');
    refusedWith(d, 'rule.unmet', 'reference.category');
  });

  it('refuses duplicate measure ids in a plan', () => {
    const h = new Harness();
    const d = h.run('p-coord', 'create', {
      finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' },
      measures: [{ id: 'm', ordinal: 1, text: 'a' }, { id: 'm', ordinal: 2, text: 'b' }],
    });
    refusedWith(d, 'rule.unmet', 'id.duplicate');
  });

  it('returns not_found for a command on a finding that does not exist', () => {
    const h = new Harness();
    refusedWith(h.run('p-resp', 'start', {}, 'nope'), 'not_found');
  });

  it('reports every invalid field of a command with its path', () => {
    const h = new Harness();
    const d = h.run('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 0, title: ' ' }, measures: [{ id: 'm', ordinal: 1, text: 'a', deadline: '2023-02-30' }] });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.error.code).toBe('validation');
    const paths = (d.error.details['issues'] as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['finding.ordinal', 'finding.title', 'measures[0].deadline']));
  });

  it('keeps the original deadline and refuses to move it through assign', () => {
    const h = new Harness();
    h.createAssigned();
    expect(h.state().originalDeadline).toBe('2023-11-30');
    expect(h.state().assignedOn).toBe('2023-08-30');
    const moved = h.run('p-coord', 'assign', { assignment: { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', responsiblePersonId: 'p-resp', deadline: '2023-12-31' } });
    refusedWith(moved, 'rule.unmet', 'deadline.change_requires_extension');
    // Changing the people keeps the deadline and is fine.
    h.ok('p-coord', 'assign', { assignment: { responsibleLeaderId: 'p-leader2', leadUnitId: 'u-fin', responsiblePersonId: 'p-resp2', deadline: '2023-11-30' } });
    expect(h.state().assignment?.responsibleLeaderId).toBe('p-leader2');
  });

  it('refuses a lead unit that is also a co-unit', () => {
    const h = new Harness();
    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' } });
    const d = h.run('p-coord', 'assign', { assignment: { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', coUnitIds: ['u-law'], responsiblePersonId: 'p-resp', deadline: '2023-11-30' } });
    refusedWith(d, 'validation');
  });

  it('checks references against a directory when one is given', () => {
    const h = new Harness(testInspection(), { directory: { people: [{ id: 'p-leader' }, { id: 'p-resp' }], units: [{ id: 'u-law' }] } });
    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' } });
    const d = h.run('p-coord', 'assign', { assignment: { responsibleLeaderId: 'p-ghost', leadUnitId: 'u-nowhere', responsiblePersonId: 'p-resp', deadline: '2023-11-30' } });
    refusedWith(d, 'rule.unmet', 'reference.person');
    refusedWith(d, 'rule.unmet', 'reference.unit');
  });
});

describe('working on a finding', () => {
  it('needs an assignment before it can start', () => {
    const h = new Harness();
    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' } });
    refusedWith(h.run('p-coord', 'start'), 'rule.unmet', 'assignment.required');
    refusedWith(h.run('p-coord', 'record_progress', { text: '开展工作' }), 'rule.unmet', 'assignment.required');
  });

  it('starts, and progress on a not-started finding starts it too', () => {
    const h = new Harness();
    h.createAssigned('f-1');
    expect(h.ok('p-resp', 'start').status).toBe('in_progress');
    refusedWith(h.run('p-resp', 'start'), 'lifecycle.invalid_transition');
    h.createAssigned('f-2');
    expect(h.ok('p-resp', 'record_progress', { text: '召开会议' }, 'f-2').status).toBe('in_progress');
  });

  it('records ledger entries with their day, evidence and measure', () => {
    const h = new Harness();
    h.createAssigned();
    h.goTo('2023-09-08');
    h.ok('p-resp', 'record_progress', {
      measureId: 'm1',
      text: '开展业务培训',
      evidence: [{ kind: 'training', title: '业务培训', heldOn: '2023-09-08' }],
    });
    const entry = h.state().progress[0];
    expect(entry).toMatchObject({ measureId: 'm1', on: '2023-09-08', kind: 'update', actorId: 'p-resp' });
    expect(entry?.evidence[0]).toMatchObject({ kind: 'training' });
  });

  it('refuses a monthly report without its month, a future day, and an unknown measure', () => {
    const h = new Harness();
    h.createAssigned();
    refusedWith(h.run('p-resp', 'record_progress', { kind: 'monthly_report', text: '九月月报' }), 'rule.unmet', 'progress.period_required');
    refusedWith(h.run('p-resp', 'record_progress', { text: 'x', on: '2030-01-01' }), 'rule.unmet', 'date.future');
    refusedWith(h.run('p-resp', 'record_progress', { text: 'x', measureId: 'm9' }), 'rule.unmet', 'measure.unknown');
  });

  it('refuses a command dated before the finding\'s last event', () => {
    const h = new Harness();
    h.createAssigned();
    const d = decideOrThrowSafe(h, { at: '2023-08-01T00:00:00+08:00' });
    refusedWith(d, 'rule.unmet', 'history.out_of_order');
  });

  it('adds, revises and withdraws measures; adding to a completed finding reopens the work', () => {
    const h = new Harness();
    h.createAssigned('f-1', { longTerm: false });
    h.ok('p-coord', 'add_measure', { measure: { id: 'm3', ordinal: 3, text: '三是补充措施', kind: 'immediate' } });
    h.ok('p-coord', 'revise_measure', { measureId: 'm3', text: '三是修订后的措施', deadline: '2023-10-01' });
    expect(h.state().measures.find((m) => m.id === 'm3')).toMatchObject({ text: '三是修订后的措施', deadline: '2023-10-01', kind: 'immediate' });
    h.ok('p-coord', 'withdraw_measure', { measureId: 'm3', reason: '与措施一重复' });
    expect(h.state().measures.find((m) => m.id === 'm3')).toMatchObject({ status: 'withdrawn', withdrawnReason: '与措施一重复' });
    refusedWith(h.run('p-coord', 'revise_measure', { measureId: 'm3', text: 'x' }), 'rule.unmet', 'measure.unknown');
    refusedWith(h.run('p-coord', 'add_measure', { measure: { id: 'm1', ordinal: 9, text: 'dup' } }), 'rule.unmet', 'id.duplicate');
    h.ok('p-resp', 'start');
    h.completeAll();
    expect(h.state().status).toBe('completed');
    expect(h.ok('p-coord', 'add_measure', { measure: { id: 'm4', ordinal: 4, text: '四是新发现' } }).status).toBe('in_progress');
    expect(h.state().completedOn).toBeUndefined();
  });

  it('completes a measure once, not a done one again', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    h.ok('p-resp', 'complete_measure', { measureId: 'm1', evidence: [{ kind: 'note', text: '已完成' }] });
    expect(h.state().measures[0]).toMatchObject({ status: 'done', doneOn: '2023-08-30' });
    refusedWith(h.run('p-resp', 'complete_measure', { measureId: 'm1' }), 'rule.unmet', 'measure.done');
    refusedWith(h.run('p-resp', 'revise_measure', { measureId: 'm1', text: 'x' }), 'rule.unmet', 'measure.done');
  });

  it('defines and records indicators', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-coord', 'define_indicator', { indicator: { id: 'i1', name: '公职律师人数', unit: '名', baseline: 18, target: 24 } });
    h.ok('p-resp', 'record_indicator', { indicatorId: 'i1', value: 24, asOf: '2023-08-30' });
    expect(h.state().indicators[0]).toMatchObject({ baseline: 18, direction: 'increase', readings: [{ value: 24, asOf: '2023-08-30' }] });
    refusedWith(h.run('p-resp', 'record_indicator', { indicatorId: 'i9', value: 1, asOf: '2023-08-30' }), 'rule.unmet', 'indicator.unknown');
    refusedWith(h.run('p-coord', 'define_indicator', { indicator: { id: 'i1', name: 'dup' } }), 'rule.unmet', 'id.duplicate');
  });
});

function decideOrThrowSafe(h: Harness, over: Record<string, unknown>): Decision {
  try {
    const result = decideOrThrow(h.state(), { commandId: 'late', findingId: 'f-1', actorId: 'p-resp', type: 'record_progress', text: 'x', ...over }, {
      inspection: h.inspection,
      actor: { id: 'p-resp', roles: ['responsible_person'], unitId: 'u-law' },
    });
    return { ok: true, ...result };
  } catch (error) {
    if (!isRectifyError(error)) throw error;
    return { ok: false, error };
  }
}

describe('completion', () => {
  it('completes only when every measure is done, listing the open ones', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    const d = h.run('p-resp', 'complete');
    refusedWith(d, 'rule.unmet', 'measures.open');
    if (!d.ok) expect((d.error as RuleViolationError).unmet.filter((u) => u.code === 'measures.open')).toHaveLength(2);
  });

  it('marks sustaining when only long-term measures are open, and not otherwise', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    refusedWith(h.run('p-resp', 'mark_sustaining'), 'rule.unmet', 'measures.open');
    h.ok('p-resp', 'complete_measure', { measureId: 'm1', evidence: [{ kind: 'note', text: 'ok' }] });
    const s = h.ok('p-resp', 'mark_sustaining');
    expect(s.status).toBe('sustaining');
    expect(s.completedOn).toBe('2023-08-30');

    const h2 = new Harness();
    h2.createAssigned('f-1', { longTerm: false });
    h2.ok('p-resp', 'start');
    h2.ok('p-resp', 'complete_measure', { measureId: 'm1' });
    refusedWith(h2.run('p-resp', 'mark_sustaining'), 'rule.unmet', 'measures.no_long_term');
  });

  it('refuses to complete a finding without measures (一事一策)', () => {
    const h = new Harness();
    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' } });
    h.ok('p-coord', 'assign', { assignment: { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', responsiblePersonId: 'p-resp', deadline: '2023-11-30' } });
    h.ok('p-resp', 'start');
    refusedWith(h.run('p-resp', 'complete'), 'rule.unmet', 'measures.none');
  });

  it('goes from sustaining to completed when the long-term measure is finally done', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    h.ok('p-resp', 'complete_measure', { measureId: 'm1', evidence: [{ kind: 'note', text: 'ok' }] });
    h.ok('p-resp', 'mark_sustaining');
    h.ok('p-resp', 'complete_measure', { measureId: 'm2', evidence: [{ kind: 'note', text: 'ok' }] });
    expect(h.ok('p-resp', 'complete').status).toBe('completed');
  });
});

/** A finding whose one-off measure is done and whose long-term measure has reported: sustaining. */
function sustaining(): Harness {
  const h = new Harness();
  h.createAssigned();
  h.ok('p-resp', 'start');
  h.ok('p-resp', 'complete_measure', { measureId: 'm1', evidence: [{ kind: 'note', text: 'ok' }] });
  h.ok('p-resp', 'record_progress', { measureId: 'm2', text: '持续学习', evidence: [{ kind: 'meeting', title: '学习会' }] });
  h.ok('p-resp', 'mark_sustaining');
  return h;
}

describe('sign-off chain', () => {
  it('runs request → preliminary → final → sign-off and keeps the approvals', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    h.completeAll();
    expect(h.ok('p-resp', 'request_signoff').status).toBe('awaiting_signoff');
    expect(h.state().signOffRequest).toMatchObject({ stages: ['preliminary', 'final'], statusBefore: 'completed' });
    h.ok('p-leader', 'approve', { stage: 'preliminary', comment: '同意' });
    h.ok('p-principal', 'approve', { stage: 'final' });
    const s = h.ok('p-coord', 'sign_off');
    expect(s.status).toBe('signed_off');
    expect(s.signOff).toMatchObject({ actorId: 'p-coord', sustaining: false });
    expect(s.signOff?.approvals.map((a) => [a.stage, a.actorId])).toEqual([['preliminary', 'p-leader'], ['final', 'p-principal']]);
    expect(s.signOffRequest).toBeUndefined();
  });

  it('refuses a sign-off request while rules are unmet, listing each rule', () => {
    const h = new Harness();
    h.createAssigned('f-1', { longTerm: false });
    h.ok('p-resp', 'start');
    h.ok('p-resp', 'complete_measure', { measureId: 'm1' }); // no evidence
    h.ok('p-resp', 'complete');
    const d = h.run('p-resp', 'request_signoff');
    refusedWith(d, 'rule.unmet', 'evidence.required');
    if (!d.ok) {
      const unmet = (d.error as RuleViolationError).unmet[0];
      expect(unmet?.message['zh-CN']).toContain('佐证材料不足');
      expect(unmet?.message.en).toContain('needs 1 piece(s) of evidence');
    }
  });

  it('enforces the order of stages, the assigned leader, and distinct approvers', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    h.completeAll();
    h.ok('p-resp', 'request_signoff');
    refusedWith(h.run('p-principal', 'approve', { stage: 'final' }), 'rule.unmet', 'approvals.order');
    refusedWith(h.run('p-leader2', 'approve', { stage: 'preliminary' }), 'rule.unmet', 'approvals.assignee');
    refusedWith(h.run('p-resp', 'approve', { stage: 'preliminary' }), 'permission.denied');
    refusedWith(h.run('p-coord', 'sign_off'), 'rule.unmet', 'approvals.complete');
    h.ok('p-leader', 'approve', { stage: 'preliminary' });
    refusedWith(h.run('p-leader', 'approve', { stage: 'preliminary' }), 'rule.unmet', 'approvals.order');
  });

  it('refuses one person approving two stages when approvers must be distinct', () => {
    const both = { id: 'p-both', name: '兼任', organisationId: 'org', roles: ['leader_in_charge', 'principal_leader'] };
    const inspection = testInspection({ workflow: { approvalChain: [
      { id: 'a', role: 'leader_in_charge', label: { 'zh-CN': '初审', en: 'first' } },
      { id: 'b', role: 'principal_leader', label: { 'zh-CN': '终审', en: 'final' } },
    ] } });
    const h = new Harness(inspection);
    h.createAssigned();
    h.ok('p-resp', 'start');
    h.completeAll();
    h.ok('p-resp', 'request_signoff');
    const actor = { id: both.id, roles: both.roles };
    const first = decideOrThrow(h.state(), { commandId: 'x1', findingId: 'f-1', actorId: 'p-both', type: 'approve', stage: 'a', at: h.tick() }, { inspection, actor });
    const second = (() => {
      try {
        decideOrThrow(first.state, { commandId: 'x2', findingId: 'f-1', actorId: 'p-both', type: 'approve', stage: 'b', at: h.tick() }, { inspection, actor });
        return undefined;
      } catch (e) {
        return e as RuleViolationError;
      }
    })();
    expect(second?.unmet.map((u) => u.code)).toEqual(['approvals.distinct']);
  });

  it('refuses whoever did or asked for the work approving it, whatever roles they also hold', () => {
    const refusal = (state: FindingState, actorId: string, roles: string[], stage: string) => {
      try {
        decideOrThrow(state, { commandId: `x-${actorId}-${stage}`, findingId: 'f-1', actorId, type: 'approve', stage, at: '2023-12-01T09:00:00+08:00' }, { inspection: new Harness().inspection, actor: { id: actorId, roles } });
        return undefined;
      } catch (e) {
        return (e as RuleViolationError).unmet.map((u) => [u.code, u.message.en]);
      }
    };
    // The responsible person, who is also the principal leader, may not give the 终审.
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    h.completeAll();
    h.ok('p-resp', 'request_signoff');
    const approved = h.ok('p-leader', 'approve', { stage: 'preliminary' });
    expect(refusal(approved, 'p-resp', ['responsible_person', 'principal_leader'], 'final')).toEqual([['approvals.own_work', "p-resp is the finding's responsible person and may not approve their own work"]]);
    expect(refusal(approved, 'p-principal', ['principal_leader'], 'final')).toBeUndefined();
    // The leader who recorded the finding's progress, or who asked for sign-off, may not give the 初审.
    const recorded = new Harness();
    recorded.createAssigned();
    recorded.ok('p-resp', 'start');
    recorded.completeAll();
    const withEntry = decideOrThrow(recorded.state(), { commandId: 'x-entry', findingId: 'f-1', actorId: 'p-leader', type: 'record_progress', text: '已督促落实', at: recorded.tick() }, { inspection: recorded.inspection, actor: { id: 'p-leader', roles: ['leader_in_charge', 'coordinator'] } }).state;
    const requested = decideOrThrow(withEntry, { commandId: 'x-req', findingId: 'f-1', actorId: 'p-resp', type: 'request_signoff', at: recorded.tick() }, { inspection: recorded.inspection, actor: { id: 'p-resp', roles: ['responsible_person'] } }).state;
    expect(refusal(requested, 'p-leader', ['leader_in_charge'], 'preliminary')?.[0]?.[0]).toBe('approvals.own_work');
    expect(refusal(requested, 'p-leader', ['leader_in_charge'], 'preliminary')?.[0]?.[1]).toContain('who recorded its progress');
  });

  it('returns to the status before the request and clears the approvals', () => {
    const h = sustaining();
    h.ok('p-resp', 'request_signoff');
    h.ok('p-leader', 'approve', { stage: 'preliminary' });
    const s = h.ok('p-principal', 'return', { stage: 'final', reason: '佐证材料不充分' });
    expect(s.status).toBe('sustaining');
    expect(s.approvals).toEqual([]);
    expect(s.returns).toEqual([expect.objectContaining({ stage: 'final', reason: '佐证材料不充分', actorId: 'p-principal' })]);
  });

  it('signs off a sustaining finding whose long-term measure reports in time, and accepts its later reports', () => {
    const h = sustaining();
    const s = h.signOff();
    expect(s.signOff?.sustaining).toBe(true);
    h.ok('p-resp', 'record_progress', { measureId: 'm2', text: '继续坚持' });
    refusedWith(h.run('p-resp', 'record_progress', { measureId: 'm1', text: 'x' }), 'rule.unmet', 'progress.after_signoff');
  });

  it('refuses sign-off when the long-term report is older than the cadence', () => {
    const h = sustaining();
    h.goTo('2023-11-01');
    refusedWith(h.run('p-resp', 'request_signoff'), 'rule.unmet', 'measures.long_term_unreported');
  });

  it('lets an empty approval chain sign off directly', () => {
    const h = new Harness(testInspection({ workflow: { approvalChain: [] } }));
    h.createAssigned('f-1', { longTerm: false });
    h.ok('p-resp', 'start');
    h.completeAll();
    h.ok('p-resp', 'request_signoff');
    expect(h.ok('p-coord', 'sign_off').status).toBe('signed_off');
  });
});

describe('look-back, reopening and extensions', () => {
  function signedOff(): Harness {
    const h = new Harness();
    h.createAssigned('f-1', { longTerm: false });
    h.ok('p-resp', 'start');
    h.completeAll();
    h.signOff();
    return h;
  }

  it('confirms a result with a look-back', () => {
    const h = signedOff();
    h.ok('p-inspector', 'schedule_review', { reviewId: 'r1', dueOn: '2024-03-01', reviewerId: 'p-inspector' });
    const s = h.ok('p-inspector', 'record_review', { reviewId: 'r1', outcome: 'confirmed', conductedOn: '2023-08-30' });
    expect(s.status).toBe('signed_off');
    expect(s.reviews[0]).toMatchObject({ outcome: 'confirmed', conductedOn: '2023-08-30' });
    refusedWith(h.run('p-inspector', 'record_review', { reviewId: 'r1', outcome: 'relapsed', conductedOn: '2023-08-30' }), 'rule.unmet', 'review.recorded');
    refusedWith(h.run('p-inspector', 'record_review', { reviewId: 'r9', outcome: 'relapsed', conductedOn: '2023-08-30' }), 'rule.unmet', 'review.unknown');
  });

  it('reopens on a relapse, and asks for new work before completing again', () => {
    const h = signedOff();
    h.ok('p-inspector', 'schedule_review', { reviewId: 'r1', dueOn: '2024-03-01' });
    const s = h.ok('p-inspector', 'record_review', { reviewId: 'r1', outcome: 'relapsed', conductedOn: '2023-08-30', notes: '凭证问题再次出现' });
    expect(s.status).toBe('reopened');
    expect(s.signOff).toBeUndefined();
    expect(s.reopenings).toEqual([expect.objectContaining({ via: 'review', reason: '凭证问题再次出现' })]);
    refusedWith(h.run('p-resp', 'complete'), 'rule.unmet', 'reopen.new_work');
    h.ok('p-resp', 'record_progress', { text: '重新整改凭证' });
    expect(h.ok('p-resp', 'complete').status).toBe('completed');
  });

  it('blocks sign-off while a look-back is open', () => {
    const h = new Harness();
    h.createAssigned('f-1', { longTerm: false });
    h.ok('p-resp', 'start');
    h.completeAll();
    h.ok('p-coord', 'schedule_review', { reviewId: 'r1', dueOn: '2024-03-01' });
    refusedWith(h.run('p-resp', 'request_signoff'), 'rule.unmet', 'reviews.none_open');
  });

  it('reopens with the re-rectification\'s own deadline, which is not an extension, and refuses one already past', () => {
    const h = signedOff();
    h.goTo('2024-01-10');
    refusedWith(h.run('p-supervisor', 'reopen', { reason: '问题反弹', deadline: '2024-01-09' }), 'rule.unmet', 'deadline.in_past');
    const s = h.ok('p-supervisor', 'reopen', { reason: '问题反弹', deadline: '2024-03-31' });
    expect(s.assignment?.deadline).toBe('2024-03-31');
    expect(s.originalDeadline).toBe('2023-11-30');
    expect(s.extensions).toEqual([]);
    expect(s.reopenings.at(-1)).toMatchObject({ via: 'command', deadline: '2024-03-31' });
    // Overdue by the new deadline, not the old one: not in January, but in April.
    expect(analyze([s], h.inspection, '2024-01-15').overdue).toEqual([]);
    expect(analyze([s], h.inspection, '2024-04-02').overdue.map((o) => o.daysOverdue)).toEqual([2]);
    // Without one, the old deadline stands (and the finding is overdue at once).
    const old = signedOff();
    old.goTo('2024-01-10');
    expect(analyze([old.ok('p-supervisor', 'reopen', { reason: '问题反弹' })], old.inspection, '2024-01-15').overdue).toHaveLength(1);
  });

  it('reopens directly with a reason', () => {
    const h = signedOff();
    const s = h.ok('p-supervisor', 'reopen', { reason: '群众反映问题仍然存在' });
    expect(s.status).toBe('reopened');
    expect(s.reopenings[0]?.via).toBe('command');
    refusedWith(h.run('p-supervisor', 'reopen', { reason: 'again' }), 'lifecycle.invalid_transition');
  });

  it('extends a deadline through request and approval, keeping the original', () => {
    const h = new Harness();
    h.createAssigned();
    refusedWith(h.run('p-resp', 'request_extension', { extensionId: 'x1', to: '2023-11-01', reason: 'r' }), 'rule.unmet', 'extension.not_later');
    h.ok('p-resp', 'request_extension', { extensionId: 'x1', to: '2024-01-31', reason: '需协调税务部门' });
    refusedWith(h.run('p-resp', 'request_extension', { extensionId: 'x2', to: '2024-02-28', reason: 'r' }), 'rule.unmet', 'extension.pending');
    h.ok('p-leader', 'decide_extension', { extensionId: 'x1', approve: true });
    const s = h.state();
    expect(s.assignment?.deadline).toBe('2024-01-31');
    expect(s.originalDeadline).toBe('2023-11-30');
    expect(s.extensions[0]).toMatchObject({ from: '2023-11-30', to: '2024-01-31', status: 'approved', decidedBy: 'p-leader' });
    h.ok('p-resp', 'request_extension', { extensionId: 'x2', to: '2024-03-31', reason: '再延期' });
    h.ok('p-principal', 'decide_extension', { extensionId: 'x2', approve: false, comment: '不同意' });
    expect(h.state().assignment?.deadline).toBe('2024-01-31');
  });

  it('refuses to decide one\'s own extension request', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-leader', 'request_extension', { extensionId: 'x1', to: '2024-01-31', reason: 'r' });
    refusedWith(h.run('p-leader', 'decide_extension', { extensionId: 'x1', approve: true }), 'rule.unmet', 'extension.self_approval');
  });

  it('records supervision at any status', () => {
    const h = new Harness();
    h.createAssigned();
    const s = h.ok('p-principal', 'supervise', { kind: 'interview', targetPersonIds: ['p-leader'], note: '约谈分管领导' });
    expect(s.supervisions[0]).toMatchObject({ kind: 'interview', on: '2023-08-30', targetPersonIds: ['p-leader'] });
  });
});

describe('replay and concurrency', () => {
  it('rebuilds the live state exactly from the events', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    h.completeAll();
    h.signOff();
    expect(replay(h.events.get('f-1')!)).toEqual(h.state());
  });

  it('rebuilds the state as of a past day from a prefix of the events', () => {
    const h = new Harness();
    h.createAssigned();
    h.goTo('2023-09-05');
    h.ok('p-resp', 'start');
    h.goTo('2023-10-10');
    h.completeAll();
    const events = h.events.get('f-1')!;
    expect(replayAsOf(events, '2023-08-29')).toBeUndefined();
    expect(replayAsOf(events, '2023-08-30')?.status).toBe('not_started');
    expect(replayAsOf(events, '2023-09-30')?.status).toBe('in_progress');
    expect(replayAsOf(events, '2023-10-10')?.status).toBe('completed');
  });

  it('refuses a stale expected version with a retryable conflict', () => {
    const h = new Harness();
    h.createAssigned();
    const d = h.run('p-resp', 'start', { expectedVersion: 1 });
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.code).toBe('concurrency.conflict');
      expect(d.error.retryable).toBe(true);
      expect(d.error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    }
    expect(h.run('p-resp', 'start', { expectedVersion: 2 }).ok).toBe(true);
  });

  it('refuses an event that cannot start a history', () => {
    const h = new Harness();
    h.createAssigned();
    const assigned = h.events.get('f-1')![1]!;
    expect(() => evolve(undefined, assigned)).toThrow(/cannot be the first event/);
  });

  it('names in the transition table every command and offers the next steps', () => {
    expect(Object.keys(ALLOWED_FROM).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(allowedCommands(undefined)).toEqual(['create']);
    expect(allowedCommands('awaiting_signoff')).toEqual(expect.arrayContaining(['approve', 'return', 'sign_off']));
    expect(allowedCommands('awaiting_signoff')).not.toContain('record_progress');
  });
});

import { describe, expect, it } from 'vitest';
import { isRectifyError, replay, replayAsOf, RuleViolationError, type Decision } from '../src/index.js';
import { Harness } from './harness.js';

const assignment = { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', responsiblePersonId: 'p-resp', deadline: '2023-11-17' };
const measures = [
  { id: 'm1', ordinal: 1, text: '对原始凭证重新装订', kind: 'by_deadline' },
  { id: 'm2', ordinal: 2, text: '每季度专题研究', kind: 'long_term' },
];
const source = { file: '整改台账.xlsx', sheet: 'Sheet1', cells: 'A9:L9' };

function create(h: Harness, snapshot: Record<string, unknown>): Decision {
  h.goTo('2023-11-20');
  return h.run('p-coord', 'create', { finding: { inspectionId: 'ins-1', categoryId: 'cat-1', ordinal: 5, title: '财务档案资料管理不规范' }, measures, snapshot: { source, ...snapshot } });
}

const unmetCodes = (d: Decision) => (!d.ok && d.error instanceof RuleViolationError ? d.error.unmet.map((u) => u.code) : []);

describe('a finding created from a ledger (a snapshot)', () => {
  it('stands where the ledger says, with its completion day, measures and progress as dated there', () => {
    const h = new Harness();
    const d = create(h, {
      status: 'completed', assignment, completedOn: '2023-10-31', measuresDone: [{ measureId: 'm1', on: '2023-09-04' }],
      progress: [{ text: '原始凭证已重新装订', on: '2023-09-04' }],
    });
    expect(d.ok).toBe(true);
    const s = h.state();
    expect(s).toMatchObject({ status: 'completed', completedOn: '2023-10-31', assignment: { ...assignment, coUnitIds: [] }, originalDeadline: '2023-11-17', assignedOn: '2023-11-20', version: 1 });
    expect(s.measures.map((m) => [m.id, m.status, m.doneOn])).toEqual([['m1', 'done', '2023-09-04'], ['m2', 'open', undefined]]);
    expect(s.progress).toEqual([expect.objectContaining({ text: '原始凭证已重新装订', on: '2023-09-04', actorId: 'p-coord', id: 'c-1#1' })]);
    // The history says where it came from; replaying it gives the same state.
    const events = h.events.get('f-1')!;
    expect(events[0]!.type === 'created' && events[0]!.payload.snapshot?.source).toEqual(source);
    expect(replay(events)).toEqual(s);
    expect(replayAsOf(events, '2023-11-19')).toBeUndefined();
  });

  it('goes on through the ordinary lifecycle: a completed finding is signed off only through the chain', () => {
    const h = new Harness();
    create(h, { status: 'completed', assignment, completedOn: '2023-10-31', measuresDone: [{ measureId: 'm1' }] });
    const signOff = h.run('p-coord', 'sign_off');
    expect(!signOff.ok && isRectifyError(signOff.error, 'lifecycle')).toBe(true);
    const request = h.run('p-resp', 'request_signoff');
    // The ledger holds no evidence: the evidence rule asks for it, as it would of live work.
    expect(request.ok).toBe(false);
    expect(unmetCodes(request).some((c) => c.startsWith('evidence'))).toBe(true);
  });

  it('awaits sign-off with the stages of the workflow, and a sign-off rests on no approvals', () => {
    const h = new Harness();
    create(h, { status: 'awaiting_signoff', assignment, completedOn: '2023-11-01' });
    expect(h.state().signOffRequest).toMatchObject({ stages: ['preliminary', 'final'], requestedBy: 'p-coord', statusBefore: 'sustaining' });
    h.ok('p-leader', 'approve', { stage: 'preliminary' });
    expect(h.state().approvals.map((a) => a.stage)).toEqual(['preliminary']);

    const g = new Harness();
    create(g, { status: 'signed_off', assignment, signedOffOn: '2023-11-15' });
    expect(g.state().signOff).toMatchObject({ on: '2023-11-15', approvals: [], actorId: 'p-coord', sustaining: true });
    expect(g.state().completedOn).toBe('2023-11-15');
  });

  it('keeps a revised deadline as an extension awaiting decision, the first deadline in force', () => {
    const h = new Harness();
    create(h, { status: 'in_progress', assignment, extensions: [{ id: 'revised', to: '2023-12-31', reason: '台账中的调整后时限' }] });
    expect(h.state().assignment?.deadline).toBe('2023-11-17');
    expect(h.state().extensions).toEqual([expect.objectContaining({ id: 'revised', from: '2023-11-17', to: '2023-12-31', status: 'pending' })]);
    h.ok('p-principal', 'decide_extension', { extensionId: 'revised', approve: true });
    expect(h.state().assignment?.deadline).toBe('2023-12-31');
  });

  it('may say a status and name no one; work is recorded once it is assigned', () => {
    const h = new Harness();
    create(h, { status: 'in_progress' });
    expect(h.state().assignment).toBeUndefined();
    expect(unmetCodes(h.run('p-coord', 'record_progress', { text: '已开展自查' }))).toContain('assignment.required');
    h.ok('p-coord', 'assign', { assignment });
    expect(h.run('p-resp', 'record_progress', { text: '已开展自查' }).ok).toBe(true);
  });

  it('refuses what a ledger cannot say: days after the import, measures not in the plan, a reopening without its reason', () => {
    const h = new Harness();
    const d = create(h, {
      status: 'reopened', assignment, completedOn: '2023-12-01',
      measuresDone: [{ measureId: 'm9' }], progress: [{ text: '进展', on: '2024-01-01', measureId: 'm8' }],
    });
    expect(d.ok).toBe(false);
    expect(unmetCodes(d).sort()).toEqual(['date.future', 'date.future', 'measure.unknown', 'measure.unknown', 'snapshot.reopened']);
    expect(h.states.size).toBe(0);
  });

  it('checks the snapshot\'s people and units against the directory, and is created by a planner only', () => {
    const h = new Harness(undefined, { directory: { people: [{ id: 'p-leader' }, { id: 'p-resp' }, { id: 'p-coord' }], units: [{ id: 'u-law' }] } });
    const d = create(h, { status: 'in_progress', assignment: { ...assignment, leadUnitId: 'u-nowhere' }, progress: [{ text: '进展', on: '2023-11-01', recordedBy: 'p-ghost' }] });
    expect(unmetCodes(d).sort()).toEqual(['reference.person', 'reference.unit']);
    const k = new Harness();
    k.goTo('2023-11-20');
    const byDoer = k.run('p-resp', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' }, snapshot: { status: 'completed', source } });
    expect(!byDoer.ok && isRectifyError(byDoer.error, 'permission')).toBe(true);
  });
});

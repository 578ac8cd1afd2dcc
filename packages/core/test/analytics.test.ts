import { describe, expect, it } from 'vitest';
import {
  analyze,
  completionRates,
  dueSoon,
  deadlineOutcomes,
  recurringProblems,
  reminders,
  type Reminder,
  WEEKDAYS,
  buildReportModel,
  type Calendar,
  missedMonthlyReports,
  overdue,
  overdueMeasures,
  progressLag,
  laggingUnits,
  reconcile,
  staleLedgers,
  totals,
  replayAsOf,
  isSustained,
  type FindingState,
} from '../src/index.js';
import { Harness, testInspection } from './harness.js';

/**
 * Four findings assigned on 2023-08-30:
 * - f-1 (u-law): signed off on 2023-09-20;
 * - f-2 (u-law): in progress, deadline 2023-10-31, last update 2023-09-10;
 * - f-3 (u-fin): sustaining since 2023-10-05, deadline 2023-11-30;
 * - f-4 (u-fin): not started, deadline 2023-11-10, never updated;
 * - f-5: created, never assigned, no measures, category 2.
 */
function scenario(): Harness {
  const h = new Harness();
  h.createAssigned('f-1', { longTerm: false });
  h.createAssigned('f-2', { deadline: '2023-10-31' });
  h.createAssigned('f-3', { personId: 'p-resp2', unitId: 'u-fin' });
  h.createAssigned('f-4', { deadline: '2023-11-10', personId: 'p-resp2', unitId: 'u-fin' });
  h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', categoryId: 'cat-2', ordinal: 1, title: '未分配的问题' } }, 'f-5');
  h.goTo('2023-09-10');
  h.ok('p-resp', 'record_progress', { text: '推进中' }, 'f-2');
  h.ok('p-resp', 'record_progress', { kind: 'monthly_report', period: '2023-08', text: '八月月报' }, 'f-2');
  h.goTo('2023-09-20');
  h.ok('p-resp', 'start', {}, 'f-1');
  h.completeAll('f-1');
  h.signOff('f-1');
  h.goTo('2023-10-05');
  h.ok('p-resp2', 'start', {}, 'f-3');
  h.ok('p-resp2', 'complete_measure', { measureId: 'm1', evidence: [{ kind: 'note', text: 'ok' }] }, 'f-3');
  h.ok('p-resp2', 'record_progress', { measureId: 'm2', text: '长期学习', evidence: [{ kind: 'meeting', title: '学习会' }] }, 'f-3');
  h.ok('p-resp2', 'mark_sustaining', {}, 'f-3');
  return h;
}

const all = (h: Harness): FindingState[] => [...h.states.values()];

describe('totals', () => {
  it('counts by status, category and unit, with rates', () => {
    const h = scenario();
    const t = totals(all(h), h.inspection);
    expect(t.total).toBe(5);
    expect(t.byStatus).toEqual({ not_started: 2, in_progress: 1, completed: 0, sustaining: 1, awaiting_signoff: 0, signed_off: 1, reopened: 0 });
    expect(t.open).toBe(3);
    expect(t.rates).toEqual({ completed: 0.2, phaseCompleted: 0.4, signedOff: 0.2 });
    expect(t.byCategory.map((c) => [c.categoryId, c.total])).toEqual([['cat-1', 4], ['cat-2', 1]]);
    expect(t.byUnit.map((u) => [u.unitId, u.total])).toEqual([['u-fin', 2], ['u-law', 2], [null, 1]]);
  });

  it('puts findings of unknown categories in a group of their own, and handles no findings', () => {
    const h = scenario();
    const t = totals(all(h), { categories: [{ id: 'cat-1', ordinal: 1, title: 'x' }] });
    expect(t.byCategory.at(-1)).toMatchObject({ categoryId: null, total: 1 });
    expect(totals([]).rates).toEqual({ completed: 0, phaseCompleted: 0, signedOff: 0 });
    expect(completionRates({ total: 0, byStatus: totals([]).byStatus }).completed).toBe(0);
  });
});

describe('deadlines', () => {
  it('lists overdue findings from the day after the deadline', () => {
    const h = scenario();
    expect(overdue(all(h), '2023-10-31')).toEqual([]);
    const o = overdue(all(h), '2023-11-15');
    expect(o.map((x) => [x.findingId, x.daysOverdue])).toEqual([['f-2', 15], ['f-4', 5]]);
    expect(o[0]).toMatchObject({ unitId: 'u-law', personId: 'p-resp', deadline: '2023-10-31' });
  });

  it('lists findings due soon, soonest first, excluding done ones', () => {
    const h = scenario();
    expect(dueSoon(all(h), '2023-10-25', 20).map((x) => x.findingId)).toEqual(['f-2', 'f-4']);
    expect(dueSoon(all(h), '2023-10-25', 5).map((x) => x.findingId)).toEqual([]);
    expect(dueSoon(all(h), '2023-10-26', 5).map((x) => x.findingId)).toEqual(['f-2']);
  });

  it('keeps the original deadline visible after an extension', () => {
    const h = scenario();
    h.goTo('2023-10-20');
    h.ok('p-resp', 'request_extension', { extensionId: 'x', to: '2023-12-31', reason: '跨部门协调' }, 'f-2');
    h.ok('p-leader', 'decide_extension', { extensionId: 'x', approve: true }, 'f-2');
    expect(overdue(all(h), '2023-11-15').map((x) => x.findingId)).toEqual(['f-4']);
    expect(dueSoon(all(h), '2023-12-20', 14).find((x) => x.findingId === 'f-2')).toMatchObject({ deadline: '2023-12-31', originalDeadline: '2023-10-31' });
  });

  it('counts in working days with a calendar, a deadline on a rest day standing until the next working day', () => {
    const h = scenario();
    // Weekdays, and closed from Tuesday 31 October to Friday 3 November (f-2's deadline).
    const calendar: Calendar = { name: 'test', isWorkingDay: (day) => WEEKDAYS.isWorkingDay(day) && !(day >= '2023-10-31' && day <= '2023-11-03') };
    expect(overdue(all(h), '2023-11-06', { calendar })).toEqual([]);
    const o = overdue(all(h), '2023-11-15', { calendar });
    expect(o.map((x) => [x.findingId, x.deadline, x.deadlineInForce, x.daysOverdue, x.workingDaysOverdue])).toEqual([
      ['f-2', '2023-10-31', '2023-11-06', 9, 7],
      ['f-4', '2023-11-10', '2023-11-10', 5, 3],
    ]);
    // Five working days from Thursday 26 October reach Wednesday 8 November.
    expect(dueSoon(all(h), '2023-10-26', 5, { calendar }).map((x) => [x.findingId, x.workingDaysOverdue])).toEqual([['f-2', -3]]);
    expect(dueSoon(all(h), '2023-10-26', 4, { calendar }).map((x) => x.findingId)).toEqual(['f-2']);
    expect(dueSoon(all(h), '2023-10-26', 2, { calendar })).toEqual([]);
    // Without a calendar every day counts, as before.
    expect(overdue(all(h), '2023-11-15').map((x) => [x.daysOverdue, x.workingDaysOverdue])).toEqual([[15, 15], [5, 5]]);
    const a = analyze(all(h), h.inspection, '2023-11-06', { calendar });
    expect(a.overdue).toEqual([]);
    const model = buildReportModel(all(h), h.inspection, { id: 'org', name: '单位', units: [] }, '2023-11-15', { calendar });
    expect(model.categories[0]!.findings.find((f) => f.id === 'f-2')!.daysOverdue).toBe(9);
  });

  it('lists overdue measures with their own deadline', () => {
    const h = scenario();
    h.ok('p-coord', 'revise_measure', { measureId: 'm1', deadline: '2023-10-01' }, 'f-2');
    expect(overdueMeasures(all(h), '2023-10-02')).toEqual([{ findingId: 'f-2', measureId: 'm1', ordinal: 1, deadline: '2023-10-01', daysOverdue: 1 }]);
  });
});

describe('reminders', () => {
  const brief = (rs: Reminder[]) => rs.map((r) => `${r.findingId} ${r.kind}${r.subject ? `(${r.subject})` : ''} ${r.dueOn} ${r.state} ${r.daysLeft}`);

  it('lists what a person must do, overdue first, then by day (nothing for a finding signed off)', () => {
    const h = scenario();
    expect(brief(reminders(all(h), h.inspection, '2023-10-20', { personId: 'p-resp' }))).toEqual([
      'f-2 ledger_update 2023-09-17 overdue -33',
      'f-2 monthly_report(2023-09) 2023-10-05 overdue -15',
      'f-2 finding_deadline 2023-10-31 upcoming 11',
    ]);
    // The leader answers for deadlines, not for the ledger.
    expect(brief(reminders(all(h), h.inspection, '2023-10-20', { personId: 'p-leader' }))).toEqual(['f-2 finding_deadline 2023-10-31 upcoming 11']);
  });

  it('looks as far ahead as asked, for one unit, with look-backs and measure deadlines', () => {
    const h = scenario();
    h.goTo('2023-10-20');
    h.ok('p-inspector', 'schedule_review', { reviewId: 'r1', dueOn: '2023-11-15', reviewerId: 'p-supervisor' }, 'f-1');
    h.ok('p-coord', 'revise_measure', { measureId: 'm1', deadline: '2023-11-03' }, 'f-4');
    const fin = reminders(all(h), h.inspection, '2023-10-20', { unitId: 'u-fin', horizonDays: 21 });
    expect(brief(fin)).toEqual([
      'f-3 monthly_report(2023-08) 2023-09-05 overdue -45',
      'f-4 monthly_report(2023-08) 2023-09-05 overdue -45',
      'f-4 ledger_update 2023-09-06 overdue -44',
      'f-3 monthly_report(2023-09) 2023-10-05 overdue -15',
      'f-4 monthly_report(2023-09) 2023-10-05 overdue -15',
      'f-4 measure_deadline(m1) 2023-11-03 upcoming 14',
      'f-3 monthly_report(2023-10) 2023-11-05 upcoming 16',
      'f-4 monthly_report(2023-10) 2023-11-05 upcoming 16',
      'f-3 ledger_update 2023-11-05 upcoming 16',
      'f-4 finding_deadline 2023-11-10 upcoming 21',
    ]);
    expect(fin.find((r) => r.kind === 'measure_deadline')).toMatchObject({ subjectText: '一是建立制度', personIds: ['p-resp2', 'p-leader'], unitId: 'u-fin' });
    const review = reminders(all(h), h.inspection, '2023-11-15', { personId: 'p-supervisor' });
    expect(brief(review)).toEqual(['f-1 review(r1) 2023-11-15 due_today 0']);
    h.goTo('2023-11-15');
    h.ok('p-inspector', 'record_review', { reviewId: 'r1', outcome: 'confirmed', conductedOn: '2023-11-15' }, 'f-1');
    expect(reminders(all(h), h.inspection, '2023-11-15', { personId: 'p-supervisor' })).toEqual([]);
  });

  it('moves a due day off a rest day with a calendar', () => {
    const h = scenario();
    const calendar: Calendar = { name: 'test', isWorkingDay: (day) => WEEKDAYS.isWorkingDay(day) && day !== '2023-10-31' };
    expect(brief(reminders(all(h), h.inspection, '2023-10-27', { personId: 'p-leader', calendar, horizonDays: 2 }))).toEqual(['f-2 finding_deadline 2023-11-01 upcoming 5']);
    expect(reminders(all(h), h.inspection, '2023-10-27', { personId: 'p-leader', calendar, horizonDays: 1 })).toEqual([]);
  });
});

describe('deadline outcomes', () => {
  it('tells completions on time from those within an extension and late ones', () => {
    const h = new Harness();
    for (const id of ['a', 'b', 'c', 'd']) h.createAssigned(id, { deadline: '2023-09-30', longTerm: false });
    h.goTo('2023-09-10');
    for (const id of ['a', 'b', 'c', 'd']) h.ok('p-resp', 'start', {}, id);
    h.completeAll('a'); // on time
    h.ok('p-resp', 'request_extension', { extensionId: 'x1', to: '2023-10-31', reason: '跨部门协调' }, 'b');
    h.ok('p-leader', 'decide_extension', { extensionId: 'x1', approve: true }, 'b');
    h.ok('p-resp', 'request_extension', { extensionId: 'x2', to: '2023-10-31', reason: '理由不足' }, 'c');
    h.ok('p-leader', 'decide_extension', { extensionId: 'x2', approve: false }, 'c');
    h.ok('p-resp', 'request_extension', { extensionId: 'x3', to: '2023-12-31', reason: '待定' }, 'd');
    h.goTo('2023-10-15');
    h.completeAll('b'); // after the first deadline, within the extension
    h.completeAll('c'); // late: the extension was refused
    const o = deadlineOutcomes(all(h));
    expect(o).toMatchObject({ onTime: 1, withinExtension: 1, late: 1, open: 1, openExtended: 0, requests: { pending: 1, approved: 1, rejected: 1 } });
    expect(o.onTimeRate).toBeCloseTo(1 / 3);
    expect(o.findings).toEqual([
      { findingId: 'b', title: '问题b', outcome: 'within_extension', originalDeadline: '2023-09-30', deadline: '2023-10-31', completedOn: '2023-10-15' },
      { findingId: 'c', title: '问题c', outcome: 'late', originalDeadline: '2023-09-30', deadline: '2023-09-30', completedOn: '2023-10-15' },
    ]);
    expect(analyze(all(h), h.inspection, '2023-10-15').deadlineOutcomes).toEqual(o);
    expect(deadlineOutcomes([]).onTimeRate).toBe(0);
  });
});

describe('recurring problems', () => {
  it('groups a problem found again over rounds and counts look-backs that found it back', () => {
    const first = testInspection({ id: 'ins-2021', kind: 'xuncha', round: '十四届区委第一轮', feedbackDate: '2021-06-10' });
    const audit = testInspection({ id: 'ins-2022', kind: 'audit', title: '经济责任审计', feedbackDate: '2022-05-20' });
    const h1 = new Harness(first);
    h1.createAssigned('old');
    const h2 = new Harness(audit);
    h2.ok('p-coord', 'create', { finding: { inspectionId: 'ins-2022', ordinal: 1, title: '公务接待超标准', relatedFindingIds: ['old'] } }, 'mid');
    const h3 = new Harness(testInspection());
    h3.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '公务接待仍超标准', relatedFindingIds: ['mid'] } }, 'new');
    // A finding of its own that a look-back found back after sign-off.
    h3.createAssigned('relapsed', { longTerm: false });
    h3.goTo('2023-09-20');
    h3.ok('p-resp', 'start', {}, 'relapsed');
    h3.completeAll('relapsed');
    h3.signOff('relapsed');
    h3.ok('p-inspector', 'schedule_review', { reviewId: 'r1', dueOn: '2024-03-01' }, 'relapsed');
    h3.goTo('2023-12-01');
    h3.ok('p-inspector', 'record_review', { reviewId: 'r1', outcome: 'relapsed', conductedOn: '2023-12-01', notes: '反弹' }, 'relapsed');
    h3.createAssigned('alone');
    const findings = [...all(h3), ...all(h2), ...all(h1)];
    const problems = recurringProblems(findings, [first, audit, h3.inspection]);
    expect(problems.map((p) => [p.latest.findingId, p.earlier.map((e) => e.findingId), p.relapses, p.recurrences])).toEqual([
      ['new', ['old', 'mid'], 0, 2],
      ['relapsed', [], 1, 1],
    ]);
    expect(problems[0]!.earlier.map((e) => [e.source, e.round, e.feedbackDate])).toEqual([['xuncha', '十四届区委第一轮', '2021-06-10'], ['audit', undefined, '2022-05-20']]);
    expect(problems[1]!.latest.status).toBe('reopened');
    // Links that loop (a data error) are still one problem.
    const looped = findings.map((f) => (f.finding.id === 'old' ? { ...f, finding: { ...f.finding, relatedFindingIds: ['new'] } } : f));
    expect(recurringProblems(looped, [first, audit, h3.inspection])[0]).toMatchObject({ latest: { findingId: 'new' }, recurrences: 2 });
  });
});

describe('cadence', () => {
  it('flags ledgers not updated within a week, and sustaining ones within a month', () => {
    const h = scenario();
    const stale = staleLedgers(all(h), '2023-09-18', h.inspection.workflow.cadence);
    expect(stale.map((s) => [s.findingId, s.daysSince, s.lastUpdateOn])).toEqual([['f-4', 19, undefined], ['f-2', 8, '2023-09-10']]);
    expect(staleLedgers(all(h), '2023-09-17', h.inspection.workflow.cadence).map((s) => s.findingId)).toEqual(['f-4']);
    const later = staleLedgers(all(h), '2023-11-06', h.inspection.workflow.cadence);
    expect(later.find((s) => s.findingId === 'f-3')).toMatchObject({ allowedDays: 31, daysSince: 32 });
  });

  it('lists missed monthly reports per finding and month until completion', () => {
    const h = scenario();
    const missed = missedMonthlyReports(all(h), '2023-10-05', h.inspection.workflow.cadence);
    // f-1 was completed in September, so only August is due; f-2 reported August.
    expect(missed.map((m) => `${m.findingId}:${m.period}`)).toEqual([
      'f-1:2023-08', 'f-3:2023-08', 'f-4:2023-08',
      'f-2:2023-09', 'f-3:2023-09', 'f-4:2023-09',
    ]);
    expect(missedMonthlyReports(all(h), '2023-10-04', h.inspection.workflow.cadence)).toHaveLength(3);
    expect(missedMonthlyReports(all(h), '2023-12-31', { monthlyReportDueDay: null })).toEqual([]);
  });
});

describe('a finding signed off with its long-term work still going on (阶段性完成并需长期坚持)', () => {
  it('keeps its ledger and monthly reports at the long-term cadence, in the stale list and the reminders', () => {
    const h = scenario();
    // f-3 is sustaining since 2023-10-05; it is signed off on 2023-10-10, m2 (长期坚持) still open.
    h.goTo('2023-10-10');
    h.ok('p-resp2', 'request_signoff', {}, 'f-3');
    h.ok('p-leader', 'approve', { stage: 'preliminary' }, 'f-3');
    h.ok('p-principal', 'approve', { stage: 'final' }, 'f-3');
    h.ok('p-coord', 'sign_off', {}, 'f-3');
    const f3 = h.state('f-3');
    expect(f3.status).toBe('signed_off');
    expect(isSustained(f3)).toBe(true);
    expect(isSustained(h.state('f-1'))).toBe(false);
    const cadence = h.inspection.workflow.cadence;
    expect(staleLedgers(all(h), '2023-11-06', cadence).find((s) => s.findingId === 'f-3')).toMatchObject({ allowedDays: 31, daysSince: 32, status: 'signed_off' });
    expect(missedMonthlyReports(all(h), '2023-11-30', cadence).filter((m) => m.findingId === 'f-3').map((m) => m.period)).toEqual(['2023-08', '2023-09', '2023-10']);
    const due = reminders(all(h), h.inspection, '2023-11-06', { horizonDays: 30 }).filter((r) => r.findingId === 'f-3').map((r) => r.kind);
    expect(due).toEqual(expect.arrayContaining(['ledger_update', 'monthly_report']));
    // f-1, signed off with nothing long-term, owes nothing more.
    expect(reminders(all(h), h.inspection, '2023-11-06', { horizonDays: 30 }).filter((r) => r.findingId === 'f-1' && r.kind !== 'review')).toEqual([]);
  });
});

describe('lagging units', () => {
  it('ranks the unit with overdue and stale findings first, with its factors', () => {
    const h = scenario();
    const ranking = laggingUnits(all(h), '2023-11-15', h.inspection.workflow.cadence);
    expect(ranking.map((r) => r.unitId)).toEqual(['u-fin', 'u-law']);
    expect(ranking[0]).toMatchObject({ rank: 1, findings: 2, overdue: 1, stale: 2 });
    expect(ranking[1]).toMatchObject({ rank: 2, findings: 2, overdue: 1, stale: 1 });
    expect(ranking[0]!.score).toBeGreaterThan(ranking[1]!.score);
    expect(ranking[0]!.concentration).toBe(0.5);
  });

  it('weights can change the order', () => {
    const h = scenario();
    const onlyLag = laggingUnits(all(h), '2023-10-15', h.inspection.workflow.cadence, { weights: { overdue: 0, lag: 1, stale: 0, concentration: 0 } });
    // f-2 (u-law) is 60% through its time with no measure done; f-4 (u-fin) 62% through, f-3 is sustaining.
    expect(onlyLag.map((r) => r.unitId)).toEqual(['u-law', 'u-fin']);
  });

  it('measures lag as time elapsed minus work done', () => {
    const h = scenario();
    const f2 = h.state('f-2');
    expect(progressLag(f2, '2023-08-30')).toBe(0);
    expect(progressLag(f2, '2023-10-31')).toBe(1);
    expect(progressLag(h.state('f-1'), '2023-10-31')).toBe(0);
    expect(progressLag(h.state('f-5'), '2023-10-31')).toBe(0);
  });
});

describe('reconciliation', () => {
  it('finds unassigned findings, findings without measures, and sign-offs without evidence', () => {
    const h = scenario();
    const d = reconcile(all(h), h.inspection);
    expect(d.map((x) => `${x.findingId}:${x.code}`)).toEqual(['f-5:assignment.missing', 'f-5:measures.missing']);
    expect(d[0]?.message['zh-CN']).toBe('“未分配的问题”未明确责任领导、责任部门、责任人和整改期限');
  });

  it('finds done measures without evidence and done findings with open measures', () => {
    const h = new Harness();
    h.createAssigned('f-1');
    h.ok('p-resp', 'start');
    h.ok('p-resp', 'complete_measure', { measureId: 'm1' });
    h.ok('p-resp', 'record_progress', { measureId: 'm2', text: '学习' });
    h.ok('p-resp', 'mark_sustaining');
    expect(h.run('p-coord', 'revise_measure', { measureId: 'm2', kind: 'by_deadline' }).ok).toBe(false);
    // Imported data can still hold what the lifecycle refuses: reconciliation catches it.
    const imported = { ...h.state(), measures: h.state().measures.map((m) => ({ ...m, kind: 'by_deadline' as const })) };
    expect(reconcile([imported], h.inspection).map((x) => x.code)).toEqual(['measure.done_without_evidence', 'status.open_measures']);
    expect(reconcile([h.state()], { categories: [] }).map((x) => x.code)).toContain('category.unknown');
  });
});

describe('analyze', () => {
  it('combines every analysis, and a past day is reported from the history as it was', () => {
    const h = scenario();
    const now = analyze(all(h), h.inspection, '2023-11-15');
    expect(now.totals.byStatus.signed_off).toBe(1);
    expect(now.overdue).toHaveLength(2);
    expect(now.laggingUnits[0]?.unitId).toBe('u-fin');
    const then = [...h.events.values()].map((events) => replayAsOf(events, '2023-09-15')).filter((s): s is FindingState => s !== undefined);
    const past = analyze(then, h.inspection, '2023-09-15');
    expect(past.totals.byStatus.signed_off).toBe(0);
    expect(past.totals.byStatus.in_progress).toBe(1);
    expect(JSON.stringify(analyze(all(h), h.inspection, '2023-11-15'))).toBe(JSON.stringify(now));
  });
});

import { describe, expect, it } from 'vitest';
import {
  approvalsInOrder,
  assignmentComplete,
  defaultRules,
  defineRule,
  evaluate,
  evidenceRequired,
  indicatorTargetsMet,
  measuresDone,
  noOpenReview,
  text,
  withoutRules,
  withRules,
  type RuleContext,
  type RuleViolationError,
} from '../src/index.js';
import { Harness } from './harness.js';

function ctx(h: Harness, phase: RuleContext['phase'] = 'request', asOf = '2023-08-30'): RuleContext {
  return { state: h.state(), inspection: h.inspection, asOf, phase };
}

describe('built-in sign-off rules', () => {
  it('assignment.complete: unmet without an assignment', () => {
    const h = new Harness();
    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' } });
    expect(assignmentComplete().check(ctx(h)).map((u) => u.code)).toEqual(['assignment.complete']);
    h.ok('p-coord', 'assign', { assignment: { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', responsiblePersonId: 'p-resp', deadline: '2023-11-30' } });
    expect(assignmentComplete().check(ctx(h))).toEqual([]);
  });

  it('measures.done: lists open measures, no measures, and late long-term reports', () => {
    const h = new Harness();
    h.createAssigned();
    expect(measuresDone().check(ctx(h)).map((u) => [u.code, u.subject])).toEqual([
      ['measures.open', 'measures[m1]'],
      ['measures.long_term_unreported', 'measures[m2]'],
    ]);
    h.ok('p-resp', 'record_progress', { measureId: 'm2', text: '学习' });
    expect(measuresDone().check(ctx(h)).map((u) => u.code)).toEqual(['measures.open']);
    // 31 days later the long-term report is still fresh; 32 days later it is not.
    expect(measuresDone().check(ctx(h, 'request', '2023-09-30')).map((u) => u.code)).toEqual(['measures.open']);
    expect(measuresDone().check(ctx(h, 'request', '2023-10-01')).map((u) => u.code)).toEqual(['measures.open', 'measures.long_term_unreported']);
    expect(measuresDone({ longTermReportDays: 90 }).check(ctx(h, 'request', '2023-10-01')).map((u) => u.code)).toEqual(['measures.open']);
  });

  it('evidence.required: counts evidence per measure, by kind when configured', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'record_progress', { measureId: 'm1', text: '印发通知', evidence: [{ kind: 'document', title: '通知', issuedOn: '2023-08-30' }] });
    h.ok('p-resp', 'record_progress', { measureId: 'm2', text: '学习', evidence: [{ kind: 'meeting', title: '学习会' }] });
    expect(evidenceRequired().check(ctx(h))).toEqual([]);
    const strict = evidenceRequired({ byKind: { long_term: { min: 1, kinds: ['regulation'] } }, all: { min: 1 } });
    const unmet = strict.check(ctx(h));
    expect(unmet.map((u) => u.subject)).toEqual(['measures[m2]']);
    expect(unmet[0]?.message['zh-CN']).toBe('整改措施第2项佐证材料不足（regulation）：需1项，现有0项');
    expect(evidenceRequired({ all: { min: 2 } }).check(ctx(h))).toHaveLength(2);
    expect(evidenceRequired({ all: { min: 0 } }).check(ctx(h))).toEqual([]);
  });

  it('approvals.complete: applies at sign-off only and names the missing stages', () => {
    const h = new Harness();
    h.createAssigned();
    const rule = approvalsInOrder();
    expect(evaluate([rule], ctx(h, 'request')).checked).toEqual([]);
    const unmet = rule.check(ctx(h, 'signoff'));
    expect(unmet.map((u) => u.message['zh-CN'])).toEqual(['尚未经过分管领导初审', '尚未经过主要领导终审会签']);
  });

  it('indicators.met: compares the latest reading with the target in the right direction', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-coord', 'define_indicator', { indicator: { id: 'up', name: '公职律师', unit: '名', baseline: 18, target: 24 } });
    h.ok('p-coord', 'define_indicator', { indicator: { id: 'down', name: '逾期件数', unit: '件', target: 0, direction: 'decrease' } });
    h.ok('p-coord', 'define_indicator', { indicator: { id: 'none', name: '无目标' } });
    expect(indicatorTargetsMet().check(ctx(h)).map((u) => u.subject)).toEqual(['indicators[up]', 'indicators[down]']);
    h.ok('p-resp', 'record_indicator', { indicatorId: 'up', value: 24, asOf: '2023-08-30' });
    h.ok('p-resp', 'record_indicator', { indicatorId: 'down', value: 2, asOf: '2023-08-30' });
    expect(indicatorTargetsMet().check(ctx(h)).map((u) => u.subject)).toEqual(['indicators[down]']);
    h.ok('p-resp', 'record_indicator', { indicatorId: 'down', value: 0, asOf: '2023-08-30' });
    expect(indicatorTargetsMet().check(ctx(h))).toEqual([]);
  });

  it('reviews.none_open: unmet while a look-back has no outcome', () => {
    const h = new Harness();
    h.createAssigned('f-1', { longTerm: false });
    h.ok('p-resp', 'start');
    h.completeAll();
    h.ok('p-coord', 'schedule_review', { reviewId: 'r1', dueOn: '2024-01-01' });
    expect(noOpenReview().check(ctx(h)).map((u) => u.code)).toEqual(['reviews.none_open']);
  });
});

describe('composing rules', () => {
  const needsRegulation = defineRule({
    code: 'custom.regulation',
    description: text('须建立长效机制', 'a long-term regulation must be issued'),
    check: ({ state }) =>
      state.progress.some((p) => p.evidence.some((e) => e.kind === 'regulation'))
        ? []
        : [{ code: 'custom.regulation', message: text('未建立长效机制', 'no regulation issued') }],
  });

  it('a custom rule blocks the sign-off request and is listed in the verdict', () => {
    const h = new Harness(undefined, { rules: [...defaultRules, needsRegulation] });
    h.createAssigned('f-1', { longTerm: false });
    h.ok('p-resp', 'start');
    h.completeAll();
    const d = h.run('p-resp', 'request_signoff');
    expect(d.ok).toBe(false);
    if (!d.ok) expect((d.error as RuleViolationError).unmet.map((u) => u.code)).toEqual(['custom.regulation']);
    h.ok('p-resp', 'record_progress', { text: '印发制度', evidence: [{ kind: 'regulation', title: '财务管理制度' }] });
    expect(h.run('p-resp', 'request_signoff').ok).toBe(true);
  });

  it('withRules replaces by code and withoutRules removes', () => {
    const strict = evidenceRequired({ all: { min: 3 } });
    const rules = withRules(defaultRules, strict, needsRegulation);
    expect(rules.map((r) => r.code)).toEqual([
      'assignment.complete', 'measures.done', 'approvals.complete', 'indicators.met', 'reviews.none_open', 'evidence.required', 'custom.regulation',
    ]);
    expect(rules.find((r) => r.code === 'evidence.required')).toBe(strict);
    expect(withoutRules(defaultRules, 'indicators.met', 'reviews.none_open').map((r) => r.code)).toEqual([
      'assignment.complete', 'measures.done', 'evidence.required', 'approvals.complete',
    ]);
  });

  it('evaluate returns every unmet rule with messages in both languages', () => {
    const h = new Harness();
    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: 'x' } });
    const verdict = evaluate(defaultRules, ctx(h, 'signoff'));
    expect(verdict.ok).toBe(false);
    expect(verdict.checked).toHaveLength(6);
    expect(verdict.unmet.map((u) => u.code)).toEqual(['assignment.complete', 'measures.none', 'approvals.complete', 'approvals.complete']);
    for (const u of verdict.unmet) {
      expect(u.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(u.message.en).toMatch(/[a-z]/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITS, ValidationError, type RectifyError } from '../src/index.js';
import { Harness } from './harness.js';

/** Oversized input is refused with the limit it broke and where; odd shapes are handled. */
describe('limits', () => {
  const issues = (error: RectifyError | undefined) => (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);

  it('refuses a 5 MB title, naming the field and the limit', () => {
    const h = new Harness();
    const d = h.run('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '整'.repeat(5 * 2 ** 20) } });
    expect(d.ok).toBe(false);
    expect(issues(d.ok ? undefined : d.error)).toEqual(['finding.title: At most 10,000 characters']);
  });

  it('refuses a finding of 100,000 measures at creation, and a measure past the limit later', () => {
    const h = new Harness();
    const measures = Array.from({ length: 100_000 }, (_, i) => ({ id: `m${i}`, ordinal: i + 1, text: '措施' }));
    const d = h.run('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' }, measures });
    expect(issues(d.ok ? undefined : d.error)).toEqual([`measures: At most ${LIMITS.measuresPerFinding.toLocaleString('en')} measures a finding`]);

    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' }, measures: measures.slice(0, LIMITS.measuresPerFinding) });
    const more = h.run('p-coord', 'add_measure', { measure: { id: 'one-more', ordinal: LIMITS.measuresPerFinding + 1, text: '再一项' } });
    expect(more.ok).toBe(false);
    expect(more.ok ? undefined : (more.error as RectifyError).code).toBe('rule.unmet');
    expect(more.ok ? '' : more.error.message).toContain(`at most ${LIMITS.measuresPerFinding.toLocaleString('en')} measures`);
  });

  it('refuses more than 1,000 pieces of evidence in one entry', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    const evidence = Array.from({ length: LIMITS.evidencePerEntry + 1 }, () => ({ kind: 'note', text: '记录' }));
    const d = h.run('p-resp', 'record_progress', { text: '推进', evidence });
    expect(issues(d.ok ? undefined : d.error)).toEqual([`evidence: At most ${LIMITS.evidencePerEntry.toLocaleString('en')} pieces of evidence an entry`]);
  });

  it('drops deeply nested fields it does not know, keeping the evidence it does', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    let nested: Record<string, unknown> = { end: true };
    for (let i = 0; i < 50_000; i++) nested = { inner: nested };
    const state = h.ok('p-resp', 'record_progress', { text: '推进', evidence: [{ kind: 'note', text: '学习记录', nested }] });
    expect(state.progress.at(-1)?.evidence).toEqual([{ kind: 'note', text: '学习记录' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, rollup, WEEKDAYS, type Organisation } from '../src/index.js';
import { Harness, testInspection } from './harness.js';

const org = (id: string): Organisation => ({ id, name: `单位${id}`, units: [] });

/** An organisation with one round: `done` findings signed off in September, `late` open past a 30 September deadline, `fresh` open due 30 November. */
function organisation(id: string, counts: { done: number; late: number; fresh: number }) {
  const h = new Harness(testInspection({ id: `ins-${id}`, subjectOrganisationId: id }));
  let n = 0;
  const ids = (count: number) => Array.from({ length: count }, () => `${id}-f${++n}`);
  const done = ids(counts.done);
  const late = ids(counts.late);
  const fresh = ids(counts.fresh);
  for (const f of done) h.createAssigned(f, { deadline: '2023-10-31', longTerm: false });
  for (const f of late) h.createAssigned(f, { deadline: '2023-09-30' });
  for (const f of fresh) h.createAssigned(f, { deadline: '2023-11-30', unitId: 'u-fin', personId: 'p-resp2' });
  h.goTo('2023-09-20');
  for (const f of done) {
    h.ok('p-resp', 'start', {}, f);
    h.completeAll(f);
    h.signOff(f);
  }
  return { h, input: { organisation: org(id), inspections: [h.inspection], findings: [...h.states.values()] } };
}

describe('rollup', () => {
  it('gives each organisation and round the figures the analysis of that inspection gives, ranked by overdue share', () => {
    const a = organisation('org-a', { done: 3, late: 1, fresh: 2 });
    const b = organisation('org-b', { done: 1, late: 3, fresh: 0 });
    const asOf = '2023-11-20';
    const r = rollup([a.input, b.input], asOf, { calendar: WEEKDAYS });
    expect(r.organisations.map((o) => o.organisationId)).toEqual(['org-b', 'org-a']);
    for (const { h, input } of [a, b]) {
      const o = r.organisations.find((x) => x.organisationId === input.organisation.id)!;
      const analysis = analyze(input.findings, h.inspection, asOf, { calendar: WEEKDAYS });
      expect(o.total).toBe(analysis.totals.total);
      expect(o.byStatus).toEqual(analysis.totals.byStatus);
      expect(o.rates).toEqual(analysis.totals.rates);
      expect(o.overdue).toBe(analysis.overdue.length);
      expect(o.dueSoon).toBe(analysis.dueSoon.length);
      expect(o.outcomes.onTimeRate).toBe(analysis.deadlineOutcomes.onTimeRate);
      expect(o.laggingUnits.map((u) => u.unitId)).toEqual(analysis.laggingUnits.slice(0, 3).map((u) => u.unitId));
      expect(o.rounds).toHaveLength(1);
      expect(o.rounds[0]).toMatchObject({ inspectionId: h.inspection.id, total: o.total, overdue: o.overdue });
    }
    expect(r.organisations[0]).toMatchObject({ total: 4, overdue: 3, rates: { completed: 0.25, signedOff: 0.25 } });
    expect(r.all).toMatchObject({ total: 10, overdue: 4, byStatus: expect.objectContaining({ signed_off: 4 }) });
    // Month by month: the sign-offs of September, and the rate at each month's end.
    expect(r.all.trend.map((m) => m.month)).toEqual(['2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11']);
    expect(r.all.trend.map((m) => m.completed)).toEqual([0, 0, 0, 4, 0, 0]);
    expect(r.all.trend.map((m) => m.rate)).toEqual([0, 0, 0, 0.4, 0.4, 0.4]);
  });

  it('sums an organisation of two rounds from its rounds, each ranking its units by its own figures', () => {
    const first = organisation('org-a', { done: 2, late: 2, fresh: 1 });
    const second = organisation('org-a', { done: 1, late: 0, fresh: 3 });
    const inspection = { ...second.h.inspection, id: 'ins-a-2', title: '第二轮' };
    const findings = [...second.h.states.values()].map((f) => ({ ...f, finding: { ...f.finding, id: `${f.finding.id}-2`, inspectionId: inspection.id } }));
    const input = { organisation: org('org-a'), inspections: [inspection, first.h.inspection], findings: [...first.input.findings, ...findings] };
    const asOf = '2023-11-20';
    const [o] = rollup([input], asOf, { calendar: WEEKDAYS, laggingTop: 10 }).organisations;
    expect(o!.rounds.map((r) => r.inspectionId)).toEqual(['ins-a-2', 'ins-org-a']);
    const [a, b] = o!.rounds;
    for (const key of ['total', 'open', 'overdue', 'dueSoon'] as const) expect(o![key], key).toBe(a![key] + b![key]);
    expect(o!.outcomes.onTime).toBe(a!.outcomes.onTime + b!.outcomes.onTime);
    expect(o!.trend.map((m) => m.completed)).toEqual(a!.trend.map((m, i) => m.completed + b!.trend[i]!.completed));
    // Each round's units come from that round alone, then the organisation takes the most lagging of all.
    const alone = rollup([{ ...input, inspections: [inspection], findings }], asOf, { calendar: WEEKDAYS, laggingTop: 10 }).organisations[0]!;
    expect(a!.laggingUnits).toEqual(alone.laggingUnits);
    expect(o!.laggingUnits.map((u) => u.score)).toEqual([...a!.laggingUnits, ...b!.laggingUnits].map((u) => u.score).sort((x, y) => y - x));
  });

  it('counts nothing for an organisation with no findings, and ranks it last', () => {
    const a = organisation('org-a', { done: 0, late: 1, fresh: 0 });
    const r = rollup([{ organisation: org('org-z'), inspections: [], findings: [] }, a.input], '2023-11-20');
    expect(r.organisations.map((o) => o.organisationId)).toEqual(['org-a', 'org-z']);
    expect(r.organisations[1]).toMatchObject({ total: 0, overdue: 0, rates: { completed: 0 }, rounds: [] });
  });
});

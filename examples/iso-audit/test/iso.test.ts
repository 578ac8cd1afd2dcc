import { describe, expect, it } from 'vitest';
import { runIsoAudit } from '../src/run.js';

describe('an ISO audit modelled without touching the core', () => {
  const { findings, refusals, analysis } = runIsoAudit();
  const status = (id: string) => findings.find((f) => f.finding.id === id)?.status;

  it('closes a major nonconformity only once its root cause is on file, after both stages', () => {
    expect(refusals.find((r) => r.rules.includes('iso.root_cause_on_file'))).toBeDefined();
    expect(status('nc-1')).toBe('signed_off');
    const nc1 = findings.find((f) => f.finding.id === 'nc-1')!;
    expect(nc1.signOff?.approvals.map((a) => [a.stage, a.actorId])).toEqual([['qm-review', 'qm'], ['verification', 'auditor']]);
  });

  it('uses its own roles: the owner of another process is refused', () => {
    const refusal = refusals.find((r) => r.code === 'permission.denied');
    expect(refusal).toBeDefined();
    expect(status('nc-2')).toBe('awaiting_signoff');
  });

  it('reports the late one, with a fortnightly cadence and no monthly report', () => {
    expect(status('nc-3')).toBe('in_progress');
    expect(analysis.overdue.map((o) => [o.findingId, o.daysOverdue])).toEqual([['nc-3', 10]]);
    expect(analysis.missedMonthlyReports).toEqual([]);
    expect(analysis.staleLedgers.map((s) => s.findingId)).toEqual(['nc-3']);
    expect(refusals).toHaveLength(2);
  });
});

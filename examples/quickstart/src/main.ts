import { decide, parseInspection, STATUS_LABELS, type FindingState } from '@rectify/core';

const inspection = parseInspection({
  id: 'xq-2023', kind: 'xuncha', title: '区委第一巡察组巡察区司法局党组',
  inspector: { name: '区委第一巡察组' }, subjectOrganisationId: 'xq-sfj', feedbackDate: '2023-08-17',
});
const people = {
  'p-zg': ['coordinator'], 'p-cw': ['responsible_person'], 'p-fg': ['leader_in_charge'], 'p-sj': ['principal_leader'],
} as const;
let state: FindingState | undefined;
let n = 0;

/** Issues one command as `actorId` on `day`; prints the refusal, if any, in Chinese. */
function run(actorId: keyof typeof people, day: string, command: Record<string, unknown>): void {
  const at = `${day}T10:00:${String(n).padStart(2, '0')}+08:00`;
  const d = decide(state, { commandId: `c${++n}`, findingId: 'f1', actorId, at, ...command }, { inspection, actor: { id: actorId, roles: people[actorId] } });
  if (d.ok) state = d.state;
  else console.log(`✗ ${command['type']}: ${d.error.code}`, 'unmet' in d.error ? (d.error.unmet as { message: { 'zh-CN': string } }[]).map((u) => u.message['zh-CN']) : d.error.message);
}

run('p-zg', '2023-08-30', { type: 'create', finding: { inspectionId: 'xq-2023', ordinal: 1, title: '财务档案资料管理不规范' },
  measures: [{ id: 'm1', ordinal: 1, text: '对于不牢固的原始凭证，已重新装订' }] });
run('p-zg', '2023-08-30', { type: 'assign', assignment: { responsibleLeaderId: 'p-fg', leadUnitId: 'caiwu', responsiblePersonId: 'p-cw', deadline: '2023-11-17' } });
run('p-cw', '2023-09-20', { type: 'complete_measure', measureId: 'm1' });                       // refused: not started
run('p-cw', '2023-09-20', { type: 'start' });
run('p-cw', '2023-09-21', { type: 'complete_measure', measureId: 'm1', evidence: [{ kind: 'note', text: '原始凭证已重新装订' }] });
run('p-cw', '2023-09-22', { type: 'complete' });
run('p-cw', '2023-09-25', { type: 'request_signoff' });
run('p-sj', '2023-09-26', { type: 'approve', stage: 'final' });                                  // refused: 初审 comes first
run('p-fg', '2023-09-26', { type: 'approve', stage: 'preliminary' });
run('p-sj', '2023-09-27', { type: 'approve', stage: 'final' });
run('p-zg', '2023-09-28', { type: 'sign_off' });
console.log(`${state?.finding.title}: ${state ? STATUS_LABELS[state.status]['zh-CN'] : '—'} (version ${state?.version})`);

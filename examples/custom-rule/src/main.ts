/**
 * A rule of one's own, added to the core's: a finding whose monthly report is missing
 * cannot be submitted for sign-off; once the report is made, it can.
 * Run: `pnpm start` in this folder.
 */
import { decide, defaultRules, parseInspection, withRules, type Command, type FindingState } from '@rectify/core';
import { monthlyReportsMade } from './monthly-reports-rule.js';

const rules = withRules(defaultRules, monthlyReportsMade);
const inspection = parseInspection({
  id: 'ins', kind: 'xuncha', title: '区委巡察', inspector: { name: '区委第一巡察组' }, subjectOrganisationId: 'org', feedbackDate: '2023-08-17',
});
const coordinator = { id: 'p-zg', roles: ['coordinator', 'responsible_person'] };
let state: FindingState | undefined;
let n = 0;

/** Issues one command on a day; answers the refusal's messages, or [] when accepted. */
export function step(day: string, command: Record<string, unknown>): string[] {
  const d = decide(state, { commandId: `c${++n}`, findingId: 'f1', actorId: 'p-zg', at: `${day}T10:00:00+08:00`, ...command } as Command, { inspection, actor: coordinator, rules });
  if (!d.ok) return 'unmet' in d.error ? (d.error.unmet as { message: { 'zh-CN': string } }[]).map((u) => u.message['zh-CN']) : [d.error.message];
  state = d.state;
  return [];
}

step('2023-08-30', { type: 'create', finding: { inspectionId: 'ins', ordinal: 1, title: '财务档案资料管理不规范' }, measures: [{ id: 'm1', ordinal: 1, text: '重新装订原始凭证' }] });
step('2023-08-30', { type: 'assign', assignment: { responsibleLeaderId: 'p-fg', leadUnitId: 'caiwu', responsiblePersonId: 'p-zg', deadline: '2023-11-30' } });
step('2023-09-01', { type: 'start' });
step('2023-10-20', { type: 'complete_measure', measureId: 'm1', evidence: [{ kind: 'note', text: '凭证已重新装订' }] });
step('2023-10-20', { type: 'complete' });
console.log('申请销号:', step('2023-10-21', { type: 'request_signoff' }));
step('2023-10-22', { type: 'record_progress', kind: 'monthly_report', period: '2023-08', text: '8月整改情况月报' });
step('2023-10-22', { type: 'record_progress', kind: 'monthly_report', period: '2023-09', text: '9月整改情况月报' });
console.log('补报8、9月月报后申请销号:', step('2023-10-22', { type: 'request_signoff' }), state?.status);

/**
 * Three nonconformities of the audit, taken through corrective action to closure.
 */
import {
  actorOf,
  analyze,
  decide,
  fileEvidence,
  parsePerson,
  type Analysis,
  type CommandInput,
  type FindingState,
  type Person,
} from '@rectify/core';
import { IsoRoles, isoAudit, isoPolicy, isoRules } from './workflow.js';

export const PEOPLE: Person[] = [
  { id: 'owner-docs', name: 'Dana (document control)', organisationId: 'acme', unitId: 'docs', roles: [IsoRoles.processOwner] },
  { id: 'owner-prod', name: 'Priya (production)', organisationId: 'acme', unitId: 'prod', roles: [IsoRoles.processOwner] },
  { id: 'qm', name: 'Quinn (quality manager)', organisationId: 'acme', roles: [IsoRoles.qualityManager] },
  { id: 'mr', name: 'Morgan (management representative)', organisationId: 'acme', roles: [IsoRoles.managementRep] },
  { id: 'auditor', name: 'Alex (lead auditor)', organisationId: 'cb', roles: [IsoRoles.leadAuditor] },
].map((p) => parsePerson(p));

/** The outcome of a run: states, refusals met on the way, and the analysis. */
export interface IsoRun {
  findings: FindingState[];
  refusals: { commandId: string; code: string; rules: string[] }[];
  analysis: Analysis;
}

export function runIsoAudit(): IsoRun {
  const inspection = isoAudit();
  const states = new Map<string, FindingState>();
  const refusals: IsoRun['refusals'] = [];
  let seq = 0;
  const run = (day: string, actorId: string, findingId: string, body: Record<string, unknown>): void => {
    const person = PEOPLE.find((p) => p.id === actorId)!;
    const command = { commandId: `iso-${++seq}`, findingId, actorId, at: `${day}T10:${String(seq % 60).padStart(2, '0')}:00+01:00`, ...body } as CommandInput;
    const d = decide(states.get(findingId), command, { inspection, actor: actorOf(person), policy: isoPolicy, rules: isoRules });
    if (d.ok) states.set(findingId, d.state);
    else refusals.push({ commandId: command.commandId, code: d.error.code, rules: ((d.error.details['unmet'] as { code: string }[]) ?? []).map((u) => u.code) });
  };
  const doc = (title: string) => ({ kind: 'document', title, issuedOn: '2024-05-20' });

  // NC-1 (major, 8.5): uncontrolled work instructions on the line.
  run('2024-05-08', 'auditor', 'nc-1', { type: 'create', finding: { inspectionId: inspection.id, categoryId: '8.5', ordinal: 1, title: 'Obsolete work instructions in use on line 2', tags: ['major'] },
    measures: [{ id: 'a1', ordinal: 1, text: 'Withdraw obsolete copies from the line', kind: 'immediate' }, { id: 'a2', ordinal: 2, text: 'Introduce controlled electronic instructions', kind: 'by_deadline' }] });
  run('2024-05-09', 'mr', 'nc-1', { type: 'assign', assignment: { responsibleLeaderId: 'qm', leadUnitId: 'prod', responsiblePersonId: 'owner-prod', deadline: '2024-06-30' } });
  run('2024-05-10', 'owner-prod', 'nc-1', { type: 'start' });
  run('2024-05-10', 'owner-prod', 'nc-1', { type: 'complete_measure', measureId: 'a1', evidence: [doc('Withdrawal record'), { kind: 'note', text: '27 copies withdrawn' }] });
  run('2024-05-28', 'owner-prod', 'nc-1', { type: 'complete_measure', measureId: 'a2', evidence: [doc('WI-PR-002 rev. C'), doc('Training record line 2')] });
  run('2024-05-29', 'owner-prod', 'nc-1', { type: 'complete' });
  // Refused: a major nonconformity needs its root cause on file.
  run('2024-05-29', 'owner-prod', 'nc-1', { type: 'request_signoff' });
  run('2024-05-30', 'owner-prod', 'nc-1', { type: 'record_progress', text: 'Root-cause analysis (5 whys) filed',
    // The file's hash from its bytes: a store given them (apply(command, { files })) keeps them under it.
    evidence: [fileEvidence('Root cause analysis NC-1.pdf', new TextEncoder().encode('5 whys: no document control on line 2 since the reorganisation of March 2024.'))] });
  run('2024-05-30', 'owner-prod', 'nc-1', { type: 'request_signoff' });
  run('2024-06-03', 'qm', 'nc-1', { type: 'approve', stage: 'qm-review' });
  run('2024-06-10', 'auditor', 'nc-1', { type: 'approve', stage: 'verification' });
  run('2024-06-11', 'mr', 'nc-1', { type: 'sign_off' });

  // NC-2 (minor, 7.5): records retention not defined.
  run('2024-05-08', 'auditor', 'nc-2', { type: 'create', finding: { inspectionId: inspection.id, categoryId: '7.5', ordinal: 1, title: 'Retention periods of quality records not defined', tags: ['minor'] },
    measures: [{ id: 'a1', ordinal: 1, text: 'Define retention periods in the records procedure' }] });
  run('2024-05-09', 'mr', 'nc-2', { type: 'assign', assignment: { responsibleLeaderId: 'qm', leadUnitId: 'docs', responsiblePersonId: 'owner-docs', deadline: '2024-06-15' } });
  // Refused: the production owner may not act on document control's nonconformity.
  run('2024-05-10', 'owner-prod', 'nc-2', { type: 'start' });
  run('2024-05-10', 'owner-docs', 'nc-2', { type: 'start' });
  run('2024-06-05', 'owner-docs', 'nc-2', { type: 'complete_measure', measureId: 'a1', evidence: [doc('QP-04 Control of records rev. F'), { kind: 'note', text: 'Approved by top management' }] });
  run('2024-06-05', 'owner-docs', 'nc-2', { type: 'complete' });
  run('2024-06-06', 'owner-docs', 'nc-2', { type: 'request_signoff' });
  run('2024-06-07', 'qm', 'nc-2', { type: 'approve', stage: 'qm-review' });

  // NC-3 (minor, 10.2): corrective actions not checked for effectiveness; still open and late.
  run('2024-05-08', 'auditor', 'nc-3', { type: 'create', finding: { inspectionId: inspection.id, categoryId: '10.2', ordinal: 1, title: 'Effectiveness of corrective actions not reviewed', tags: ['minor'] },
    measures: [{ id: 'a1', ordinal: 1, text: 'Add an effectiveness review step to the CAPA procedure' }] });
  run('2024-05-09', 'mr', 'nc-3', { type: 'assign', assignment: { responsibleLeaderId: 'qm', leadUnitId: 'docs', responsiblePersonId: 'owner-docs', deadline: '2024-06-10' } });
  run('2024-05-20', 'owner-docs', 'nc-3', { type: 'record_progress', text: 'Draft of the revised CAPA procedure circulated' });

  const findings = [...states.values()];
  return { findings, refusals, analysis: analyze(findings, inspection, '2024-06-20') };
}

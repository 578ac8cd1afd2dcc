/**
 * An ISO 9001 audit as a `rectify` workflow, built only from the core's public API:
 * its own roles, categories (clauses), approval chain, permission table, cadence and
 * one extra sign-off rule. Nothing in `@rectify/core` knows about ISO.
 */
import {
  createRolePolicy,
  defaultRules,
  defineRule,
  evidenceRequired,
  parseInspection,
  text,
  withRules,
  type Inspection,
  type SignOffRule,
} from '@rectify/core';

/** The roles of an audit programme. */
export const IsoRoles = {
  /** Owns the audited process; records corrective actions. */
  processOwner: 'process_owner',
  /** Reviews corrective actions before the auditor verifies them. */
  qualityManager: 'quality_manager',
  /** Verifies effectiveness (the final stage) and runs follow-up audits. */
  leadAuditor: 'lead_auditor',
  /** The management representative who plans and closes nonconformities in the register. */
  managementRep: 'management_representative',
} as const;

const R = IsoRoles;

/** Who may do what in the audit programme. */
export const isoPolicy = createRolePolicy({
  scopedRole: R.processOwner,
  table: {
    create: [R.leadAuditor, R.managementRep],
    assign: [R.managementRep],
    add_measure: [R.processOwner, R.managementRep],
    revise_measure: [R.processOwner, R.managementRep],
    withdraw_measure: [R.managementRep],
    start: [R.processOwner],
    record_progress: [R.processOwner],
    complete_measure: [R.processOwner],
    define_indicator: [R.managementRep],
    record_indicator: [R.processOwner],
    complete: [R.processOwner],
    mark_sustaining: [R.processOwner],
    request_signoff: [R.processOwner],
    approve: 'stage',
    return: 'stage',
    sign_off: [R.managementRep],
    schedule_review: [R.leadAuditor],
    record_review: [R.leadAuditor],
    reopen: [R.leadAuditor],
    request_extension: [R.processOwner],
    decide_extension: [R.managementRep],
    supervise: [R.managementRep],
  },
});

/**
 * ISO 9001 §10.2.2: keep documented information as evidence of the root cause and
 * of the result of the corrective action. A major nonconformity needs a root-cause
 * analysis on file (a file with its hash, named "root cause…" or "根本原因…").
 */
export const rootCauseOnFile: SignOffRule = defineRule({
  code: 'iso.root_cause_on_file',
  description: text('重大不符合项须留存根本原因分析文件', 'a major nonconformity has its root-cause analysis on file'),
  check: ({ state }) => {
    if (!state.finding.tags.includes('major')) return [];
    const onFile = state.progress.some((p) =>
      p.evidence.some((e) => e.kind === 'file' && /root cause|根本原因/i.test(e.name)),
    );
    return onFile
      ? []
      : [{ code: 'iso.root_cause_on_file', message: text('重大不符合项缺少根本原因分析文件', 'major nonconformity without a root-cause analysis on file') }];
  },
});

/** The sign-off rules: the core's, with two pieces of evidence per action, plus the root-cause rule. */
export const isoRules = withRules(defaultRules, evidenceRequired({ all: { min: 2 } }), rootCauseOnFile);

/** The audit: clauses as categories, a two-stage chain, fortnightly updates, no monthly report. */
export function isoAudit(): Inspection {
  return parseInspection({
    id: 'iso-2024-q2',
    kind: 'iso_audit',
    title: 'ISO 9001:2015 surveillance audit, Q2 2024',
    inspector: { name: 'Lead auditor, certification body', organisation: 'Example Certification Ltd.' },
    subjectOrganisationId: 'acme',
    onSite: { start: '2024-05-06', end: '2024-05-08' },
    feedbackDate: '2024-05-08',
    utcOffset: '+01:00',
    categories: [
      { id: '7.5', ordinal: 1, title: '7.5 Documented information' },
      { id: '8.5', ordinal: 2, title: '8.5 Production and service provision' },
      { id: '10.2', ordinal: 3, title: '10.2 Nonconformity and corrective action' },
    ],
    workflow: {
      approvalChain: [
        { id: 'qm-review', role: R.qualityManager, label: { 'zh-CN': '质量经理审核', en: 'quality manager review' } },
        { id: 'verification', role: R.leadAuditor, label: { 'zh-CN': '审核员验证有效性', en: 'verification of effectiveness by the lead auditor' } },
      ],
      cadence: { ledgerUpdateDays: 14, monthlyReportDueDay: null, longTermReportDays: 90, dueSoonDays: 10 },
    },
  });
}

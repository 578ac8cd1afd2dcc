import { text } from '../../i18n/locale.js';
import { defineRule, type SignOffRule } from '../rule.js';

/**
 * 分管领导初审、主要领导终审会签: every stage of the approval chain has approved, in
 * order. Checked at sign-off only (there are no approvals yet when one asks for them).
 */
export function approvalsInOrder(): SignOffRule {
  return defineRule({
    code: 'approvals.complete',
    description: text('审核链各环节依次审核通过', 'every stage of the approval chain has approved, in order'),
    phases: ['signoff'],
    check: ({ state, inspection }) => {
      const stages = state.signOffRequest?.stages ?? inspection.workflow.approvalChain.map((s) => s.id);
      const unmet = [];
      for (const [i, stageId] of stages.entries()) {
        const given = state.approvals[i];
        if (given?.stage === stageId) continue;
        const stage = inspection.workflow.approvalChain.find((s) => s.id === stageId);
        unmet.push({
          code: 'approvals.complete',
          subject: `approvals[${stageId}]`,
          message: text(`尚未经过${stage?.label['zh-CN'] ?? stageId}`, `missing ${stage?.label.en ?? stageId}`),
        });
      }
      return unmet;
    },
  });
}

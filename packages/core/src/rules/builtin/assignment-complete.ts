import { text } from '../../i18n/locale.js';
import { defineRule, type SignOffRule } from '../rule.js';

/**
 * 整改问题逐项明确责任领导、责任部门、责任人和整改期限: the finding has a responsible
 * leader, a lead unit, a responsible person and a deadline.
 */
export function assignmentComplete(): SignOffRule {
  return defineRule({
    code: 'assignment.complete',
    description: text('明确责任领导、责任部门、责任人和整改期限', 'a responsible leader, unit, person and deadline are set'),
    check: ({ state }) =>
      state.assignment
        ? []
        : [{
            code: 'assignment.complete',
            message: text('尚未明确责任领导、责任部门、责任人和整改期限', 'no responsible leader, unit, person and deadline assigned'),
          }],
  });
}

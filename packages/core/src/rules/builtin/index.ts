import type { SignOffRule } from '../rule.js';
import { approvalsInOrder } from './approvals-in-order.js';
import { assignmentComplete } from './assignment-complete.js';
import { evidenceRequired } from './evidence-required.js';
import { indicatorTargetsMet } from './indicator-targets.js';
import { measuresDone } from './measures-done.js';
import { noOpenReview } from './no-open-review.js';

export { approvalsInOrder } from './approvals-in-order.js';
export { assignmentComplete } from './assignment-complete.js';
export { evidenceRequired, type EvidenceRequiredOptions, type EvidenceRequirement } from './evidence-required.js';
export { indicatorTargetsMet } from './indicator-targets.js';
export { measuresDone, type MeasuresDoneOptions } from './measures-done.js';
export { noOpenReview } from './no-open-review.js';

/**
 * The built-in sign-off rules with their defaults: assignment complete, measures
 * done, one piece of evidence per measure, approvals in order, indicator targets
 * met, no open look-back.
 */
export const defaultRules: readonly SignOffRule[] = Object.freeze([
  assignmentComplete(),
  measuresDone(),
  evidenceRequired(),
  approvalsInOrder(),
  indicatorTargetsMet(),
  noOpenReview(),
]);

import { text } from '../../i18n/locale.js';
import { defineRule, type SignOffRule } from '../rule.js';

/** No look-back review (回头看) scheduled for the finding is still waiting for its outcome. */
export function noOpenReview(): SignOffRule {
  return defineRule({
    code: 'reviews.none_open',
    description: text('无未完成的“回头看”', 'no look-back review is still open'),
    check: ({ state }) =>
      state.reviews
        .filter((r) => r.outcome === undefined)
        .map((r) => ({
          code: 'reviews.none_open',
          subject: `reviews[${r.id}]`,
          message: text(`“回头看”（${r.dueOn}）尚未完成`, `the look-back due ${r.dueOn} has no outcome yet`),
        })),
  });
}

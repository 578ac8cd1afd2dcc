import { z } from 'zod';

/**
 * Where a finding stands:
 * - `not_started`: fed back, not yet worked on (未启动);
 * - `in_progress`: being rectified (正在整改);
 * - `completed`: rectified, not yet signed off (已完成);
 * - `sustaining`: this phase completed, long-term work continues (阶段性完成并需长期坚持);
 * - `awaiting_signoff`: submitted to the approval chain (待审核销号);
 * - `signed_off`: closed in the ledger (已销号);
 * - `reopened`: reopened after sign-off, e.g. on a relapse (反弹, 重新整改).
 */
export const FindingStatusSchema = z.enum([
  'not_started', 'in_progress', 'completed', 'sustaining', 'awaiting_signoff', 'signed_off', 'reopened',
]);

/** See {@link FindingStatusSchema}. */
export type FindingStatus = z.infer<typeof FindingStatusSchema>;

/** Every status, in lifecycle order. */
export const FINDING_STATUSES: readonly FindingStatus[] = FindingStatusSchema.options;

/** Statuses in which rectification work is still open (not yet completed in any sense). */
export const OPEN_STATUSES: readonly FindingStatus[] = ['not_started', 'in_progress', 'reopened'];

/** Statuses that count as rectified: completed, submitted, or signed off (long-term ones excluded). */
export const DONE_STATUSES: readonly FindingStatus[] = ['completed', 'awaiting_signoff', 'signed_off'];

/** Tells whether work on a finding in `status` is still open (overdue can apply). */
export function isOpenStatus(status: FindingStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

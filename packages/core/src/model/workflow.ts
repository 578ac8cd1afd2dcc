import { z } from 'zod';
import { LocalizedTextSchema } from '../i18n/locale.js';
import { IdSchema, RoleSchema } from './common.js';
import { Roles } from './roles.js';

/** Schema of an {@link ApprovalStage}. */
export const ApprovalStageSchema = z.object({
  /** Stable id of the stage, e.g. `preliminary`, `final`. */
  id: IdSchema,
  /** The role that approves at this stage. */
  role: RoleSchema,
  /** Its name in every locale (初审 / preliminary review). */
  label: LocalizedTextSchema,
  /**
   * When set, only the person named in the finding's assignment may approve
   * (分管领导初审: the leader in charge *of that finding*).
   */
  assignee: z.enum(['responsibleLeader', 'responsiblePerson']).optional(),
  /** True when this stage is a co-signature (会签). */
  coSignature: z.boolean().default(false),
});

/** One stage of the approval chain that precedes sign-off. */
export type ApprovalStage = z.infer<typeof ApprovalStageSchema>;
/** An approval stage as written by a caller, before defaults are applied. */
export type ApprovalStageInput = z.input<typeof ApprovalStageSchema>;

/** Schema of a {@link Cadence}. */
export const CadenceSchema = z.object({
  /** The ledger must be updated at least every this many days (每周更新: 7). */
  ledgerUpdateDays: z.number().int().positive().default(7),
  /**
   * Monthly report (每月一报): due on this day of the following month;
   * `null` when the process has no monthly report.
   */
  monthlyReportDueDay: z.number().int().min(1).max(31).nullable().default(5),
  /** Long-term measures report at least every this many days unless they say otherwise. */
  longTermReportDays: z.number().int().positive().default(31),
  /** "Due soon" means a deadline within this many days. */
  dueSoonDays: z.number().int().nonnegative().default(14),
});

/** How often the ledger and the reports are expected. */
export type Cadence = z.infer<typeof CadenceSchema>;

/**
 * The seed's chain: 分管领导初审、主要领导终审会签 (preliminary review by the leader
 * in charge of the finding, then final review and co-signature by the principal leader).
 */
export const DEFAULT_APPROVAL_CHAIN: ApprovalStageInput[] = [
  {
    id: 'preliminary',
    role: Roles.leaderInCharge,
    label: { 'zh-CN': '分管领导初审', en: 'preliminary review by the leader in charge' },
    assignee: 'responsibleLeader',
  },
  {
    id: 'final',
    role: Roles.principalLeader,
    label: { 'zh-CN': '主要领导终审会签', en: 'final review and co-signature by the principal leader' },
    coSignature: true,
  },
];

/** Schema of a {@link Workflow}. */
export const WorkflowSchema = z
  .object({
    /** Stages approved in order before sign-off. */
    approvalChain: z.array(ApprovalStageSchema).prefault(DEFAULT_APPROVAL_CHAIN),
    /** When true, one person may not approve at two stages of the same chain. */
    distinctApprovers: z.boolean().default(true),
    cadence: CadenceSchema.prefault({}),
  })
  .superRefine((w, ctx) => {
    const seen = new Set<string>();
    w.approvalChain.forEach((stage, i) => {
      if (seen.has(stage.id)) ctx.addIssue({ code: 'custom', message: `Duplicate stage id "${stage.id}"`, path: ['approvalChain', i, 'id'] });
      seen.add(stage.id);
    });
  });

/** The configurable parts of the process: the approval chain and the cadence. */
export type Workflow = z.infer<typeof WorkflowSchema>;
/** A workflow as written by a caller, before defaults are applied. */
export type WorkflowInput = z.input<typeof WorkflowSchema>;

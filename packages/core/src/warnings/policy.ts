import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { parseWith } from '../errors/validation-error.js';
import { IdSchema } from '../model/common.js';

/** The lights of 红黄绿灯 预警, mildest first: 绿灯 as a deadline nears, 黄灯 closer to it, 红灯 once it is past. */
export const LightSchema = z.enum(['green', 'yellow', 'red']);

/** A warning light: `green` (绿灯), `yellow` (黄灯) or `red` (红灯). */
export type Light = z.infer<typeof LightSchema>;

/** The lights, mildest first: a raise moves a finding one step along this list. */
export const LIGHTS: readonly Light[] = LightSchema.options;

/**
 * Who is told at a tier:
 * - `responsible_person`: the finding's 责任人;
 * - `leader_in_charge`: its 责任领导 (分管领导);
 * - `lead_unit`: the people of its lead unit (牵头单位);
 * - `principal_leader`: the organisation's 主要领导 (people with that role);
 * - `coordinator`: the 整改办 that keeps the ledger (people with that role);
 * - `inspection_office`: the 巡察办 / 纪委 that supervises (people with the `supervisor` role);
 * - `{ personId }`: one person named.
 */
export const RecipientSchema = z.union([
  z.enum(['responsible_person', 'leader_in_charge', 'lead_unit', 'principal_leader', 'coordinator', 'inspection_office']),
  z.strictObject({ personId: IdSchema }),
]);

/** Who is told at a tier: see {@link RecipientSchema}. */
export type Recipient = z.infer<typeof RecipientSchema>;

/** One tier of an escalation policy: when a light comes on, and who is told. */
export const EscalationTierSchema = z.strictObject({
  light: LightSchema,
  /**
   * The tier applies from this many working days before the deadline in force (the
   * deadline, or the next working day when it falls on a rest day), the deadline day
   * included: 20 for 绿灯 means "due within 20 working days". Absent for the tier that
   * applies once the deadline is past (overdue, as every view of rectify defines it).
   */
  workingDaysBefore: z.number().int().min(0).max(366).optional(),
  /** Who is told. */
  notify: z.array(RecipientSchema).min(1, { message: 'A tier must tell someone' }),
  /**
   * Tell them again every this many working days while the finding stays at the tier;
   * 0 (the default) tells them once, when it reaches the tier (and again only if its
   * deadline changes: an extension or a re-rectification).
   */
  repeatEveryWorkingDays: z.number().int().min(0).max(366).default(0),
});

/** One tier of an {@link EscalationPolicy}. */
export type EscalationTier = z.infer<typeof EscalationTierSchema>;

/**
 * An escalation policy (预警规则) as data: tiers by working days before the deadline or
 * past it, who is told at each, what else raises a finding's light by one step, and the
 * days nothing is sent. Validated by {@link parseEscalationPolicy}.
 */
export const EscalationPolicySchema = z
  .strictObject({
    /** The tiers, mildest first: each light at most once; only the last may lack `workingDaysBefore` (overdue). */
    tiers: z.array(EscalationTierSchema).min(1),
    /** What raises a finding's light one step (none → green → yellow → red), each on by default. */
    raise: z
      .strictObject({
        /** Its ledger was not updated within the cadence (每周更新). */
        staleLedger: z.boolean().default(true),
        /** A monthly report (每月一报) is overdue. */
        missedMonthlyReport: z.boolean().default(true),
        /** A look-back (回头看) found the problem back (反弹). */
        relapse: z.boolean().default(true),
      })
      .default({ staleLedger: true, missedMonthlyReport: true, relapse: true }),
    /** Days nothing is sent: the calendar's rest days (on by default), and days named. What is due is sent on the next day that is not quiet. */
    quiet: z
      .strictObject({
        restDays: z.boolean().default(true),
        days: z.array(CalendarDaySchema).default([]),
      })
      .default({ restDays: true, days: [] }),
  })
  .superRefine((policy, ctx) => {
    policy.tiers.forEach((tier, i) => {
      const before = policy.tiers[i - 1];
      if (before !== undefined && LIGHTS.indexOf(tier.light) <= LIGHTS.indexOf(before.light)) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'light'], message: `Tiers go mildest first, each light once: ${tier.light} cannot follow ${before.light}` });
      }
      if (tier.workingDaysBefore === undefined && i !== policy.tiers.length - 1) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'workingDaysBefore'], message: 'Only the last tier may be the overdue one (no workingDaysBefore)' });
      }
      if (before?.workingDaysBefore !== undefined && tier.workingDaysBefore !== undefined && tier.workingDaysBefore >= before.workingDaysBefore) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'workingDaysBefore'], message: `A stronger light comes closer to the deadline: ${tier.workingDaysBefore} is not under ${before.workingDaysBefore}` });
      }
    });
  });

/** An escalation policy, defaults applied. */
export type EscalationPolicy = z.infer<typeof EscalationPolicySchema>;
/** An escalation policy as written, before defaults. */
export type EscalationPolicyInput = z.input<typeof EscalationPolicySchema>;

/**
 * The policy of the district the issue quotes: 绿灯 20 working days before the deadline,
 * the responsible person told; 黄灯 10 days before, the leader in charge told too; 红灯
 * once overdue, the lead unit, the principal leader and the inspection office told too,
 * and again every 5 working days while it stays red.
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = parseWith(
  EscalationPolicySchema,
  {
    tiers: [
      { light: 'green', workingDaysBefore: 20, notify: ['responsible_person'] },
      { light: 'yellow', workingDaysBefore: 10, notify: ['responsible_person', 'leader_in_charge'] },
      { light: 'red', notify: ['responsible_person', 'leader_in_charge', 'lead_unit', 'principal_leader', 'inspection_office'], repeatEveryWorkingDays: 5 },
    ],
  },
  'policy',
);

/** Validates an escalation policy (a `ValidationError` naming the field path when it is wrong) and applies its defaults. */
export function parseEscalationPolicy(input: unknown): EscalationPolicy {
  return parseWith(EscalationPolicySchema, input, 'policy');
}

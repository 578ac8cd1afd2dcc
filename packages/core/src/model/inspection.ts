import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { UtcOffsetSchema } from '../dates/instant.js';
import { PeriodSchema } from '../dates/period.js';
import { IdSchema, limitedArray, LIMITS, TitleSchema } from './common.js';
import { EvidenceSchema } from './evidence.js';
import { CategorySchema } from './finding.js';
import { WorkflowSchema } from './workflow.js';

/**
 * Where a finding comes from: 巡视 (central/provincial inspection), 巡察 (city/county
 * inspection), 审计 (audit), 督查 (supervision campaign), an internal audit, an ISO
 * audit, a regulator, a security assessment, or something else.
 */
export const InspectionKindSchema = z.enum([
  'xunshi', 'xuncha', 'audit', 'ducha', 'internal_audit', 'iso_audit', 'regulator', 'security', 'other',
]);

/** See {@link InspectionKindSchema}. */
export type InspectionKind = z.infer<typeof InspectionKindSchema>;

/** Schema of a {@link Contact}. */
export const ContactSchema = z.object({
  kind: z.enum(['phone', 'email', 'postbox', 'address', 'web']),
  value: TitleSchema,
  /** Whose contact it is, e.g. 区委巡察办. */
  label: z.string().optional(),
  /** What to write on a letter (来信注明：…). */
  note: z.string().optional(),
});

/** A channel for public supervision printed at the end of a notice. */
export type Contact = z.infer<typeof ContactSchema>;

/** Schema of a {@link LeadingGroup}. */
export const LeadingGroupSchema = z.object({
  /** Its name, e.g. 区司法局巡察整改工作领导小组. */
  name: z.string().optional(),
  /** 组长. */
  leaderId: IdSchema,
  /** 副组长. */
  deputyIds: z.array(IdSchema).default([]),
  /** 成员. */
  memberIds: z.array(IdSchema).default([]),
  /** The unit that runs the day-to-day work (整改日常工作由政工室统筹). */
  officeUnitId: IdSchema.optional(),
});

/** The rectification leading group (整改领导小组). */
export type LeadingGroup = z.infer<typeof LeadingGroupSchema>;

/** Schema of a {@link Milestone}. */
export const MilestoneSchema = z.object({
  on: CalendarDaySchema,
  /** What happened, e.g. 召开党组（扩大）会议，讨论整改方案. */
  title: TitleSchema,
  /** The evidence it produced, if any. */
  evidence: limitedArray(EvidenceSchema, LIMITS.evidencePerEntry, 'pieces of evidence').default([]),
});

/** A dated step of the work at the level of the whole inspection. */
export type Milestone = z.infer<typeof MilestoneSchema>;

/** Schema of an {@link Inspection}. */
export const InspectionSchema = z
  .object({
    id: IdSchema,
    kind: InspectionKindSchema,
    /** E.g. 区委第一巡察组对湘桥区司法局党组的巡察. */
    title: TitleSchema,
    /** The round, if the inspecting body numbers them (e.g. 十四届区委第三轮). */
    round: z.string().optional(),
    /** The inspection team, e.g. 区委第一巡察组. */
    inspector: z.object({ name: TitleSchema, organisation: z.string().optional() }),
    /** The inspected organisation (被巡察党组织). */
    subjectOrganisationId: IdSchema,
    /** On-site period (进驻). */
    onSite: PeriodSchema.optional(),
    /** Day the findings were fed back (反馈巡察意见). */
    feedbackDate: CalendarDaySchema.optional(),
    /** Day the rectification plan and problem list were adopted. */
    planAdoptedDate: CalendarDaySchema.optional(),
    /** The concentrated rectification period (集中整改期). */
    concentratedPeriod: PeriodSchema.optional(),
    /** Day the rectification report is due (e.g. two months after feedback). */
    reportDueDate: CalendarDaySchema.optional(),
    /** The offset of the people involved, used to turn instants into calendar days. */
    utcOffset: UtcOffsetSchema.default('+08:00'),
    /** The categories (方面) findings are grouped in. */
    categories: z.array(CategorySchema).default([]),
    leadingGroup: LeadingGroupSchema.optional(),
    /** Dated steps of the work (meetings, plans adopted, mobilisation). */
    milestones: z.array(MilestoneSchema).default([]),
    /** Work counted over the period (党组会议7场次, 约谈4次). */
    tallies: z.array(EvidenceSchema).default([]),
    /** What the public notice carries: contacts for supervision, the signer, the date. */
    disclosure: z
      .object({
        contacts: z.array(ContactSchema).default([]),
        /** E.g. 中共潮州市湘桥区司法局党组（代章）. */
        signer: z.string().optional(),
        publishedOn: CalendarDaySchema.optional(),
      })
      .optional(),
    /** The approval chain and the cadence; the seed's process when left out. */
    workflow: WorkflowSchema.prefault({}),
  })
  .superRefine((ins, ctx) => {
    const ids = new Set<string>();
    const ordinals = new Set<number>();
    ins.categories.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', message: `Duplicate category id "${c.id}"`, path: ['categories', i, 'id'] });
      if (ordinals.has(c.ordinal)) ctx.addIssue({ code: 'custom', message: `Duplicate category ordinal ${c.ordinal}`, path: ['categories', i, 'ordinal'] });
      ids.add(c.id);
      ordinals.add(c.ordinal);
    });
    if (ins.onSite && ins.feedbackDate && ins.feedbackDate < ins.onSite.start) {
      ctx.addIssue({ code: 'custom', message: 'Feedback cannot come before the on-site period starts', path: ['feedbackDate'] });
    }
    if (ins.feedbackDate && ins.planAdoptedDate && ins.planAdoptedDate < ins.feedbackDate) {
      ctx.addIssue({ code: 'custom', message: 'The plan cannot be adopted before the feedback', path: ['planAdoptedDate'] });
    }
  });

/**
 * One inspection round of one organisation: who inspected whom and when, the
 * categories, the leading group, the workflow, and what the public notice carries.
 */
export type Inspection = z.infer<typeof InspectionSchema>;
/** An inspection as written by a caller, before defaults are applied. */
export type InspectionInput = z.input<typeof InspectionSchema>;

import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { IdSchema, limitedArray, LIMITS } from './common.js';

/** Schema of an {@link Assignment}. */
export const AssignmentSchema = z
  .object({
    /** 责任领导: the leader in charge. */
    responsibleLeaderId: IdSchema,
    /** 责任部门 / 牵头部门: the lead unit. */
    leadUnitId: IdSchema,
    /** 配合部门: units that share the work. */
    coUnitIds: limitedArray(IdSchema, LIMITS.listItems, 'co-units').default([]),
    /** 责任人: the person who records progress. */
    responsiblePersonId: IdSchema,
    /** 整改期限: the day by which the finding must be rectified. */
    deadline: CalendarDaySchema,
  })
  .refine((a) => !a.coUnitIds.includes(a.leadUnitId), {
    message: 'The lead unit must not also be listed as a co-unit',
    path: ['coUnitIds'],
  });

/**
 * Who answers for a finding and by when: 责任领导、责任部门、责任人和整改期限
 * (the seed's rule 1: every finding is assigned all four).
 */
export type Assignment = z.infer<typeof AssignmentSchema>;
/** An assignment as written by a caller, before defaults are applied. */
export type AssignmentInput = z.input<typeof AssignmentSchema>;

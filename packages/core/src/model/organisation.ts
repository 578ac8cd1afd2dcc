import { z } from 'zod';
import { IdSchema, RoleSchema, TitleSchema } from './common.js';

/** Schema of a {@link Unit}. */
export const UnitSchema = z.object({
  id: IdSchema,
  /** Full name, e.g. 政工室, 城西司法所. */
  name: TitleSchema,
  /** What kind of unit (股室, 所, 中心, department …); free text. */
  kind: z.string().optional(),
  /** The unit this one belongs to, if units are nested. */
  parentId: IdSchema.optional(),
  /** True when the unit is invented for an example, not taken from a source. */
  illustrative: z.boolean().optional(),
});

/** A unit of an organisation (股室, 处, 所, department) that can lead or share a finding. */
export type Unit = z.infer<typeof UnitSchema>;

/** Schema of an {@link Organisation}. */
export const OrganisationSchema = z
  .object({
    id: IdSchema,
    /** Full name, e.g. 潮州市湘桥区司法局党组. */
    name: TitleSchema,
    /** A short name for tables, e.g. 区司法局. */
    shortName: z.string().optional(),
    /** Its units. */
    units: z.array(UnitSchema).default([]),
  })
  .superRefine((org, ctx) => {
    const seen = new Set<string>();
    org.units.forEach((unit, i) => {
      if (seen.has(unit.id)) ctx.addIssue({ code: 'custom', message: `Duplicate unit id "${unit.id}"`, path: ['units', i, 'id'] });
      seen.add(unit.id);
    });
    org.units.forEach((unit, i) => {
      if (unit.parentId !== undefined && !seen.has(unit.parentId)) {
        ctx.addIssue({ code: 'custom', message: `Unknown parent unit "${unit.parentId}"`, path: ['units', i, 'parentId'] });
      }
    });
  });

/** An organisation: the inspected body (被巡察党组织) or the body that inspects. */
export type Organisation = z.infer<typeof OrganisationSchema>;
/** An organisation as written by a caller, before defaults are applied. */
export type OrganisationInput = z.input<typeof OrganisationSchema>;

/** Schema of a {@link Person}. */
export const PersonSchema = z.object({
  id: IdSchema,
  /** Name as it should appear internally. Reports never publish it unless asked to. */
  name: TitleSchema,
  /** Their job title, e.g. 党组书记、局长. */
  title: z.string().optional(),
  /** The organisation they belong to. */
  organisationId: IdSchema,
  /** Their unit, if any. */
  unitId: IdSchema.optional(),
  /** What they may do; see {@link Roles}. */
  roles: z.array(RoleSchema).default([]),
  /** True when the person is invented for an example, not named by a source. */
  illustrative: z.boolean().optional(),
});

/** A person who acts in the process (a responsible person, a leader, an inspector). */
export type Person = z.infer<typeof PersonSchema>;
/** A person as written by a caller, before defaults are applied. */
export type PersonInput = z.input<typeof PersonSchema>;

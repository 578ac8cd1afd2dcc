import { z } from 'zod';
import { FindingEventSchema } from '../lifecycle/events.js';
import { IdSchema, Sha256Schema } from '../model/common.js';
import { InspectionSchema } from '../model/inspection.js';
import { OrganisationSchema, PersonSchema } from '../model/organisation.js';
import { UnitSupervisionSchema } from '../model/supervision.js';

/**
 * Schema of a {@link Bundle}: everything a store holds for some organisations, as
 * plain JSON. Findings travel as their event histories, so a bundle keeps the whole
 * past, not just the present.
 */
export const BundleSchema = z.object({
  format: z.literal('rectify.bundle'),
  version: z.literal(1),
  organisations: z.array(OrganisationSchema).default([]),
  /** People by the organisation (tenant) in whose process they act. */
  people: z.array(z.object({ tenantId: IdSchema, person: PersonSchema })).default([]),
  inspections: z.array(InspectionSchema).default([]),
  /** Every event of every finding, in (finding, version) order. */
  events: z.array(FindingEventSchema).default([]),
  /**
   * The evidence files the organisations hold, each under its SHA-256, its bytes in
   * Base64: a bundle restores the files with the history that names them. An import
   * checks every file's bytes against its hash.
   */
  /** Supervision of units or people as a whole (`Store.recordSupervision`), outside any finding's history. */
  supervisions: z.array(UnitSupervisionSchema).default([]),
  files: z.array(z.object({ tenantId: IdSchema, sha256: Sha256Schema, base64: z.base64({ message: 'Expected the file\'s bytes in Base64' }) })).default([]),
});

/** An export of a store, or the input of a bulk import. */
export type Bundle = z.infer<typeof BundleSchema>;
/** A bundle as written by a caller, before defaults are applied. */
export type BundleInput = z.input<typeof BundleSchema>;

import { z } from 'zod';
import { InstantSchema, type Instant } from '../dates/instant.js';
import { IdSchema } from '../model/common.js';
import type { Redaction, RedactionKind } from './redact.js';

/** Schema of what {@link Store.publish} takes. */
export const PublishInputSchema = z.object({
  organisationId: IdSchema,
  inspectionId: IdSchema,
  /** What was published: `notice`, `md`, `docx`, `html`… one history per format. */
  format: z.string().regex(/^[a-z0-9-]{1,20}$/, 'Lower-case letters, digits and hyphens only'),
  /** The text as published (for a binary format, the text it was rendered from). */
  text: z.string().max(5_000_000),
  publishedAt: InstantSchema,
  /** Who published it. */
  publishedBy: IdSchema,
  /** What the redaction step masked, by kind (the masked values themselves are not kept). */
  redacted: z.partialRecord(z.enum(['name', 'phone', 'id_number', 'email']), z.number().int().nonnegative()).default({}),
  note: z.string().max(2000).optional(),
});

/** What {@link Store.publish} takes. */
export type PublishInput = z.input<typeof PublishInputSchema>;

/** One published version of a notice or report. */
export interface PublishedVersion {
  organisationId: string;
  inspectionId: string;
  format: string;
  /** 1 for the first publication of this format for this inspection, then 2, 3… */
  version: number;
  text: string;
  publishedAt: Instant;
  publishedBy: string;
  redacted: Partial<Record<RedactionKind, number>>;
  note?: string;
}

/** Counts redactions by kind, for the `redacted` field of {@link Store.publish}. */
export function countRedactions(redactions: readonly Redaction[]): Partial<Record<RedactionKind, number>> {
  const out: Partial<Record<RedactionKind, number>> = {};
  for (const r of redactions) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

/** The record id of a version: sorts by inspection, format, then version. */
export function publicationId(inspectionId: string, format: string, version: number): string {
  return `${inspectionId}/${format}/${String(version).padStart(6, '0')}`;
}

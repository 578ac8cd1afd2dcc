import { z } from 'zod';
import { CalendarDaySchema } from '../dates/calendar-day.js';
import { IdSchema, LongTextSchema, Sha256Schema, TitleSchema } from './common.js';

const base = {
  /** Optional id, for linking the evidence from elsewhere. */
  id: IdSchema.optional(),
  /** Free text about this piece of evidence. */
  description: LongTextSchema.optional(),
};

/** A document issued (印发《…》), e.g. a notice or a work plan. */
export const DocumentEvidenceSchema = z.object({
  ...base,
  kind: z.literal('document'),
  /** Title without the book-title marks 《》. */
  title: TitleSchema,
  /** Document number (发文字号), e.g. 湘司〔2023〕12号. */
  documentNumber: z.string().optional(),
  /** The day it was issued. */
  issuedOn: CalendarDaySchema.optional(),
  /** Who issued it. */
  issuer: z.string().optional(),
});

/** A rule or long-term mechanism (制度, 长效机制) established. */
export const RegulationEvidenceSchema = z.object({
  ...base,
  kind: z.literal('regulation'),
  title: TitleSchema,
  documentNumber: z.string().optional(),
  issuedOn: CalendarDaySchema.optional(),
});

/** A meeting held (会议), or a number of them (`count` 场次). */
export const MeetingEvidenceSchema = z.object({
  ...base,
  kind: z.literal('meeting'),
  title: TitleSchema,
  heldOn: CalendarDaySchema.optional(),
  /** How many such meetings, when the source gives a count (党组会议7场次). */
  count: z.number().int().positive().optional(),
});

/** A training or study session (培训, 学习). */
export const TrainingEvidenceSchema = z.object({
  ...base,
  kind: z.literal('training'),
  title: TitleSchema,
  heldOn: CalendarDaySchema.optional(),
  count: z.number().int().positive().optional(),
  /** Number of participants (人次). */
  participants: z.number().int().nonnegative().optional(),
});

/** Activities counted (开展宣传活动40场次, 谈心谈话5人次, 抽查台账173条). */
export const ActivityEvidenceSchema = z.object({
  ...base,
  kind: z.literal('activity'),
  title: TitleSchema,
  count: z.number().nonnegative().optional(),
  /** The counting word (场次, 人次, 份, 条). */
  unit: z.string().optional(),
  heldOn: CalendarDaySchema.optional(),
});

/** A web address. */
export const LinkEvidenceSchema = z.object({
  ...base,
  kind: z.literal('link'),
  url: z.url({ message: 'Expected an absolute URL' }),
  title: z.string().optional(),
});

/** A file kept elsewhere, identified by its content hash so it cannot be swapped unseen. */
export const FileEvidenceSchema = z.object({
  ...base,
  kind: z.literal('file'),
  name: TitleSchema,
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'Expected a media type such as application/pdf' }),
  /** SHA-256 of the file's bytes, 64 lowercase hexadecimal characters. */
  sha256: Sha256Schema,
  size: z.number().int().nonnegative().optional(),
});

/** Evidence that is a file: its name, media type, size and SHA-256 (its bytes are kept by the store under that hash). */
export type FileEvidence = z.infer<typeof FileEvidenceSchema>;

/** A note in words, when nothing else fits. */
export const NoteEvidenceSchema = z.object({
  ...base,
  kind: z.literal('note'),
  text: LongTextSchema.refine((s) => s.trim().length > 0, { message: 'Must not be empty' }),
});

/** Schema of {@link Evidence}, discriminated by `kind`. */
export const EvidenceSchema = z.discriminatedUnion('kind', [
  DocumentEvidenceSchema,
  RegulationEvidenceSchema,
  MeetingEvidenceSchema,
  TrainingEvidenceSchema,
  ActivityEvidenceSchema,
  LinkEvidenceSchema,
  FileEvidenceSchema,
  NoteEvidenceSchema,
]);

/** Proof that work was done: a document issued, a meeting, a training, a file with its hash … */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** The kinds of {@link Evidence}. */
export type EvidenceKind = Evidence['kind'];

/** Every evidence kind, in display order. */
export const EVIDENCE_KINDS = [
  'document', 'regulation', 'meeting', 'training', 'activity', 'link', 'file', 'note',
] as const satisfies readonly EvidenceKind[];

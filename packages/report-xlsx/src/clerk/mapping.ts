import { z } from 'zod';
import { CalendarDaySchema, FindingStatusSchema, InspectionKindSchema, parseWith } from '@rectify/core';
import { HEADER_WORDS, type LedgerField } from './headers.js';

const FIELDS = Object.keys(HEADER_WORDS) as [LedgerField, ...LedgerField[]];

/**
 * Schema of a {@link LedgerMapping}: what the importer cannot guess, or guessed
 * wrong, written down once per ledger layout. `rectify import FILE --infer-map`
 * writes the guess; the clerk corrects it and passes it with `--map`.
 */
export const LedgerMappingSchema = z.object({
  format: z.literal('rectify.ledger-map'),
  version: z.literal(1),
  /** What the workbook does not say of the inspection. */
  inspection: z
    .object({
      id: z.string().min(1).optional(),
      title: z.string().min(1).optional(),
      kind: InspectionKindSchema.optional(),
      inspector: z.string().min(1).optional(),
      subject: z.string().min(1).optional(),
    })
    .default({}),
  /** The ledger's day (填报时间), when the workbook does not give it. */
  asOf: CalendarDaySchema.optional(),
  /** How to read `01/02/2024`: day first or month first. */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** The deadline of a finding whose ledger gives none (立行立改, 长期坚持, TBC). */
  defaultDeadline: CalendarDaySchema.optional(),
  /** The lead unit of findings whose ledger names none (an English tracker with owners only). */
  defaultLeadUnit: z.string().min(1).optional(),
  /** More status words, or other readings of known ones (`"Risk accepted": "completed"`). */
  statuses: z.record(z.string(), FindingStatusSchema).default({}),
  /** Per sheet: skip it, or say which row holds the header and what columns mean (header text → field, or `ignored`). */
  sheets: z
    .record(
      z.string(),
      z.object({
        skip: z.boolean().optional(),
        headerRow: z.number().int().positive().optional(),
        columns: z.record(z.string(), z.enum(FIELDS)).default({}),
      }),
    )
    .default({}),
  /** Other spellings of a name → the name to use (`"李振化": "李振华"`). */
  aliases: z.record(z.string(), z.string().min(1)).default({}),
});

/** See {@link LedgerMappingSchema}. */
export type LedgerMapping = z.infer<typeof LedgerMappingSchema>;
/** A mapping as written in its JSON file, before defaults. */
export type LedgerMappingInput = z.input<typeof LedgerMappingSchema>;

/**
 * Validates a mapping (from a parsed JSON file).
 *
 * @throws `ValidationError` naming each bad field's path.
 */
export function parseLedgerMapping(input: unknown): LedgerMapping {
  return parseWith(LedgerMappingSchema, input, 'ledger mapping');
}

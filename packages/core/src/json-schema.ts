import { z } from 'zod';
import { CommandSchema } from './lifecycle/commands.js';
import { FindingEventSchema } from './lifecycle/events.js';
import { InspectionSchema } from './model/inspection.js';
import { OrganisationSchema } from './model/organisation.js';
import { BundleSchema } from './storage/bundle.js';

/** The data a non-TypeScript consumer exchanges with rectify, by name. */
const SCHEMAS: Record<JsonSchemaName, z.ZodType> = {
  bundle: BundleSchema,
  command: CommandSchema,
  event: FindingEventSchema,
  inspection: InspectionSchema,
  organisation: OrganisationSchema,
};

/** A name accepted by {@link jsonSchema}. */
export type JsonSchemaName = 'bundle' | 'command' | 'event' | 'inspection' | 'organisation';

/**
 * JSON Schema (draft 2020-12) of what rectify reads, generated from its zod schemas:
 * for apps in other languages that write commands or bundles. Checks that JSON Schema
 * cannot express (a real calendar day, cross-field rules) are applied when the library
 * reads the data.
 *
 * @example
 * ```ts
 * writeFileSync('bundle.schema.json', JSON.stringify(jsonSchema('bundle'), null, 2));
 * ```
 */
export function jsonSchema(name: JsonSchemaName): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[name], { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
}

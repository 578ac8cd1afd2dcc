import { parseWith } from '../errors/validation-error.js';
import { InspectionSchema, type Inspection } from './inspection.js';
import { OrganisationSchema, PersonSchema, type Organisation, type Person } from './organisation.js';

/**
 * Validates an inspection (with defaults applied), or throws a
 * {@link ValidationError} naming every bad field.
 *
 * @example
 * ```ts
 * const inspection = parseInspection({
 *   id: 'xq-2023', kind: 'xuncha', title: '区委第一巡察组巡察区司法局党组',
 *   inspector: { name: '区委第一巡察组' }, subjectOrganisationId: 'xq-sfj',
 *   feedbackDate: '2023-08-17',
 * });
 * inspection.workflow.approvalChain.length; // 2 (初审, 终审会签)
 * ```
 */
export function parseInspection(input: unknown): Inspection {
  return parseWith(InspectionSchema, input, 'inspection');
}

/** Validates an organisation and its units. */
export function parseOrganisation(input: unknown): Organisation {
  return parseWith(OrganisationSchema, input, 'organisation');
}

/** Validates a person. */
export function parsePerson(input: unknown): Person {
  return parseWith(PersonSchema, input, 'person');
}

/** The actor a person acts as: their id, roles and unit. */
export function actorOf(person: Pick<Person, 'id' | 'roles' | 'unitId'>): { id: string; roles: readonly string[]; unitId?: string } {
  return person.unitId === undefined ? { id: person.id, roles: person.roles } : { id: person.id, roles: person.roles, unitId: person.unitId };
}

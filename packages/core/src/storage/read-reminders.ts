import { reminders, type Reminder, type ReminderOptions } from '../analytics/reminders.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import { NotFoundError } from '../errors/domain-errors.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation, Person } from '../model/organisation.js';
import type { Scope } from './query.js';
import type { StoreReader } from './reader.js';

/** Options of {@link readReminders}. */
export interface ReadRemindersOptions extends Omit<ReminderOptions, 'personId' | 'unitId'> {
  /** Only what this person must act on: their id, or their name as the organisation has it. */
  person?: string | undefined;
  /** Only what this lead unit must act on: its id or its name. */
  unit?: string | undefined;
}

/** The reminders of an inspection as of a day, with what a list or a feed names them by. */
export interface ReadReminders {
  inspection: Inspection;
  organisation: Organisation;
  people: Person[];
  /** The person and unit asked for, by id. */
  personId: string | undefined;
  unitId: string | undefined;
  items: Reminder[];
}

/**
 * The reminders of one inspection as of a day (`reminders` of the core over the states
 * as of that day), for everyone or for one person or lead unit, read through `reader` in
 * one snapshot, each part once. A person or unit the organisation does not have is a
 * `not_found` error, not an empty list: a typo must not look like "nothing due".
 */
export async function readReminders(reader: StoreReader, scope: { organisationId: string; inspectionId: string }, asOf: CalendarDay, options: ReadRemindersOptions = {}): Promise<ReadReminders> {
  const inspection = await reader.inspection(scope);
  if (inspection === undefined) throw new NotFoundError('inspection', scope.inspectionId);
  const organisation = (await reader.organisation(scope.organisationId))!;
  const people = await reader.people(scope.organisationId);
  const { person, unit, ...rest } = options;
  const unitId = unit === undefined ? undefined : organisation.units.find((u) => u.id === unit || u.name === unit)?.id;
  if (unit !== undefined && unitId === undefined) throw new NotFoundError('unit', unit);
  const personId = person === undefined ? undefined : people.find((p) => p.id === person || p.name === person)?.id;
  if (person !== undefined && personId === undefined) throw new NotFoundError('person', person);
  const items = reminders(await reader.findingsAsOf(scope, asOf), inspection, asOf, {
    ...rest,
    ...(personId === undefined ? {} : { personId }),
    ...(unitId === undefined ? {} : { unitId }),
  });
  return { inspection, organisation, people, personId, unitId, items };
}

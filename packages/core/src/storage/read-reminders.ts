import { reminders, type Reminder, type ReminderOptions } from '../analytics/reminders.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import { dayOfInstant } from '../dates/instant.js';
import { NotFoundError } from '../errors/domain-errors.js';
import { Roles } from '../model/roles.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation, Person } from '../model/organisation.js';
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
 * one snapshot, each part once; the rectification report is due until the inspection's
 * first published version (and is for its coordinators and principal leader). A person or unit the organisation does not have is a
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
  const first = await reportedOn(reader, scope, inspection);
  const reportPersonIds = people.filter((p) => p.roles.includes(Roles.coordinator) || p.roles.includes(Roles.principalLeader)).map((p) => p.id);
  const items = reminders(await reader.findingsAsOf(scope, asOf), inspection, asOf, {
    reportPersonIds,
    ...(first === undefined ? {} : { reportedOn: first }),
    ...rest,
    ...(personId === undefined ? {} : { personId }),
    ...(unitId === undefined ? {} : { unitId }),
  });
  return { inspection, organisation, people, personId, unitId, items };
}

/**
 * The day the inspection's rectification report counts as made: the day of its first
 * published version (a progress notice goes out once the report has), where the
 * inspection is; `undefined` before anything is published.
 */
export async function reportedOn(reader: StoreReader, scope: { organisationId: string; inspectionId: string }, inspection: Inspection): Promise<CalendarDay | undefined> {
  const published = await reader.publications(scope);
  return published.map((v) => dayOfInstant(v.publishedAt, inspection.utcOffset)).sort()[0];
}

import type { Inspection } from '../model/inspection.js';
import type { Organisation, Person } from '../model/organisation.js';

/*
 * An import adds to what a store holds; it never takes anything away. A ledger or a
 * notice read into an organisation the store already knows carries only what that
 * file says of it (often a placeholder name and no units), so replacing the stored
 * record with it lost units, names and roles that other findings still refer to.
 * What is stored wins; what the import brings that is new is added.
 */

/** The stored organisation, with the units of `incoming` it does not have yet. */
export function mergeOrganisation(stored: Organisation, incoming: Organisation): Organisation {
  const known = new Set(stored.units.map((u) => u.id));
  const added = incoming.units.filter((u) => !known.has(u.id));
  const shortName = stored.shortName ?? incoming.shortName;
  return { ...stored, ...(shortName === undefined ? {} : { shortName }), units: [...stored.units, ...added] };
}

/** The stored person, with the roles of `incoming` added and its unit and title where the stored one has none. */
export function mergePerson(stored: Person, incoming: Person): Person {
  const roles = [...stored.roles, ...incoming.roles.filter((r) => !stored.roles.includes(r))];
  const unitId = stored.unitId ?? incoming.unitId;
  const title = stored.title ?? incoming.title;
  return { ...stored, roles, ...(unitId === undefined ? {} : { unitId }), ...(title === undefined ? {} : { title }) };
}

/** The stored inspection, with the categories of `incoming` whose id and number are both new. */
export function mergeInspection(stored: Inspection, incoming: Inspection): Inspection {
  const ids = new Set(stored.categories.map((c) => c.id));
  const ordinals = new Set(stored.categories.map((c) => c.ordinal));
  const added = incoming.categories.filter((c) => !ids.has(c.id) && !ordinals.has(c.ordinal));
  return added.length === 0 ? stored : { ...stored, categories: [...stored.categories, ...added] };
}

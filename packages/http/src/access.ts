import type { Person, StoreReader } from '@rectify/core';

/**
 * Who is asking, as the app's own login (`authenticate`) answers: the person they are in
 * each organisation they act in (people are saved per organisation, under the same id),
 * and the organisations they may read besides (a supervising office's staff).
 */
export interface HttpActor {
  /** The person's id in the organisations they act in. */
  personId: string;
  /**
   * Organisations this person may read without acting in them: a 巡察办 overseeing them,
   * or `'all'`. Reading never lets anyone act: a command is decided by the organisation's
   * own people and roles.
   */
  oversees?: readonly string[] | 'all';
}

/** What an actor may do in one organisation: read it, and act in it as this person. */
export interface Access {
  /** The actor's person record there, when they act in the organisation. */
  person: Person | undefined;
  readable: boolean;
}

/**
 * The actor's access to an organisation. One that does not exist and one the actor may not
 * read get the same answer (`readable: false`), so that a request learns nothing of an
 * organisation it has no business with.
 */
export async function accessTo(reader: StoreReader, actor: HttpActor, organisationId: string): Promise<Access> {
  const organisation = await reader.organisation(organisationId);
  if (organisation === undefined) return { person: undefined, readable: false };
  const person = (await reader.people(organisationId)).find((p) => p.id === actor.personId);
  const oversees = actor.oversees === 'all' || (actor.oversees ?? []).includes(organisationId);
  return { person, readable: person !== undefined || oversees };
}

import { ROLE_LABELS, type Person, type Store, type Unit } from '@rectify/core';
import { resolveOrganisation, type GlobalOptions, type Io } from '../context.js';
import { UsageError } from '../exit.js';

/** Options of `rectify people` and `rectify units`. */
export interface DirectoryOptions {
  /** `add`, or nothing to list. */
  action: string | undefined;
  id: string | undefined;
  name: string | undefined;
  /** `people add`: roles, comma-separated, by id (`principal_leader`) or by their Chinese name (主要领导). */
  role: string | undefined;
  /** `people add`: the unit the person works in. */
  unit: string | undefined;
  /** `people add`: their post (职务); `units add`: the unit's kind (股室, 所). */
  title: string | undefined;
  json: boolean;
}

/** A role by its id or by its label in either language (主要领导, leader in charge). */
function roleOf(word: string): string {
  const w = word.trim();
  const builtIn = Object.entries(ROLE_LABELS).find(([id, label]) => id === w || label['zh-CN'] === w || label.en === w.toLowerCase());
  return builtIn?.[0] ?? w;
}

const list = (s: string | undefined) => (s ?? '').split(/[,，、]/).map((x) => x.trim()).filter((x) => x !== '');

/**
 * `rectify people [add --id ID --name NAME --role R1,R2 [--unit U] [--title POST]]`: lists
 * the people who act in the organisation's process, or adds one. Adding someone known
 * keeps their roles and adds the new ones: the same person may review as the leader in
 * charge of one finding and be responsible for another.
 */
export async function peopleCommand(store: Store, global: GlobalOptions, o: DirectoryOptions, io: Io): Promise<void> {
  const organisationId = await resolveOrganisation(store, global);
  const zh = global.lang === 'zh-CN';
  if (o.action === undefined) {
    const people = await store.people(organisationId);
    if (o.json) io.out(JSON.stringify({ organisationId, people }, null, 2));
    else for (const p of people) io.out(`${p.id}  ${p.name}  ${p.roles.map((r) => (r in ROLE_LABELS ? ROLE_LABELS[r as keyof typeof ROLE_LABELS][global.lang] : r)).join(zh ? '、' : ', ')}${p.unitId ? `  ${p.unitId}` : ''}`);
    return;
  }
  if (o.action !== 'add') throw new UsageError(`rectify people ${o.action}: the only action is "add"`);
  if (o.id === undefined || o.name === undefined || o.role === undefined) throw new UsageError('rectify people add needs --id, --name and --role');
  const organisation = await store.organisation(organisationId);
  if (o.unit !== undefined && !organisation?.units.some((u) => u.id === o.unit)) {
    throw new UsageError(`--unit ${o.unit}: ${organisationId} has no such unit; add it first with rectify units add --id ${o.unit} --name NAME`);
  }
  const known = (await store.people(organisationId)).find((p) => p.id === o.id);
  const roles = [...new Set([...(known?.roles ?? []), ...list(o.role).map(roleOf)])];
  const person: Person = {
    ...(known ?? {}),
    id: o.id, name: o.name, organisationId, roles,
    ...(o.unit !== undefined ? { unitId: o.unit } : {}),
    ...(o.title !== undefined ? { title: o.title } : {}),
  };
  await store.savePeople(organisationId, [person]);
  io.out(`${person.id}: ${person.name} (${person.roles.join(', ')})`);
}

/**
 * `rectify units [add --id ID --name NAME [--title KIND]]`: lists the organisation's units
 * (股室、所), or adds one (an id it has already is renamed).
 */
export async function unitsCommand(store: Store, global: GlobalOptions, o: DirectoryOptions, io: Io): Promise<void> {
  const organisationId = await resolveOrganisation(store, global);
  const organisation = (await store.organisation(organisationId))!;
  if (o.action === undefined) {
    if (o.json) io.out(JSON.stringify({ organisationId, units: organisation.units }, null, 2));
    else for (const u of organisation.units) io.out(`${u.id}  ${u.name}${u.kind ? `  ${u.kind}` : ''}`);
    return;
  }
  if (o.action !== 'add') throw new UsageError(`rectify units ${o.action}: the only action is "add"`);
  if (o.id === undefined || o.name === undefined) throw new UsageError('rectify units add needs --id and --name');
  const unit: Unit = { ...(organisation.units.find((u) => u.id === o.id) ?? {}), id: o.id, name: o.name, ...(o.title !== undefined ? { kind: o.title } : {}) };
  const units = organisation.units.some((u) => u.id === o.id) ? organisation.units.map((u) => (u.id === o.id ? unit : u)) : [...organisation.units, unit];
  await store.saveOrganisation({ ...organisation, units });
  io.out(`${unit.id}: ${unit.name}`);
}

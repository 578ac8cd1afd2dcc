import {
  decide,
  parseInspection,
  Roles,
  ValidationError,
  type Bundle,
  type FindingEvent,
  type FindingSnapshotInput,
  type Inspection,
  type InspectionInput,
  type Organisation,
  type Person,
  type ValidationIssue,
} from '@rectify/core';
import type { ClerkFinding, ClerkLedger } from './ledger.js';

/** Options of {@link clerkLedgerBundle}. */
export interface ClerkLedgerBundleOptions {
  /** The organisation (tenant) the ledger belongs to. */
  organisationId: string;
  /** Its name, when the store does not know it yet; else the ledger's subject (中共…党组), else the id. */
  organisationName?: string;
  /** The inspection's id in the store. */
  inspectionId: string;
  /** Who imports: the actor of every event, with the coordinator role (政工室). */
  importer: { id: string; name: string };
  /** When the import happens, ISO 8601 with an offset. Every snapshot is dated by it; nothing in the ledger may be later. */
  at: string;
  /** The file's name, kept in each finding's history as where it came from. */
  file: string;
  /** What the store already holds of the organisation and its people: kept, and joined by the ledger's new names. */
  existing?: { organisation?: Organisation | undefined; people?: readonly Person[] | undefined };
  /** What the ledger does not say of the inspection (kind, inspector, dates). */
  inspection?: Partial<InspectionInput>;
}

/** What {@link clerkLedgerBundle} makes: a bundle for `Store.importBundle`, and the ids it gave. */
export interface ClerkLedgerBundle {
  bundle: Bundle;
  /** The finding id of each finding, by the finding's key in the ledger. */
  findingIds: Map<string, string>;
}

/**
 * Turns a ledger read by {@link readClerkLedger} into a bundle: the organisation with
 * the ledger's units joined to those it has, the people (leaders in charge,
 * responsible persons and principal leaders with those roles), the inspection, and
 * each finding **created with its snapshot**: where the ledger says it stands (its
 * status, deadline, completion day, measures, progress), with the file and cells it
 * was read from. The sign-off rules are not replayed against a history the ledger
 * never held; from the import on, every command meets them as usual.
 *
 * Every finding goes through the core's `decide`, like a live command.
 *
 * @throws `ValidationError` naming each finding (by its cells) that cannot be created.
 */
export function clerkLedgerBundle(ledger: ClerkLedger, options: ClerkLedgerBundleOptions): ClerkLedgerBundle {
  const { organisationId, importer, at } = options;
  const existingUnits = options.existing?.organisation?.units ?? [];
  const existingPeople = options.existing?.people ?? [];
  const unitId = idsFor('u', existingUnits);
  const personId = idsFor('p', existingPeople);
  const roles = new Map<string, Set<string>>();
  const grant = (name: string | undefined, role: string) => {
    if (!name) return;
    const id = personId(name);
    (roles.get(id) ?? roles.set(id, new Set()).get(id)!).add(role);
  };
  for (const f of ledger.findings) {
    grant(f.leader, Roles.leaderInCharge);
    grant(f.person, Roles.responsiblePerson);
    grant(f.principalLeader, Roles.principalLeader);
  }
  for (const u of ledger.units) unitId(u.name);

  const inspection: Inspection = parseInspection({
    kind: ledger.inspection.kind ?? 'other',
    inspector: { name: ledger.inspection.inspector ?? '（台账未写明）' },
    ...options.inspection,
    id: options.inspectionId,
    title: ledger.inspection.title ?? options.inspectionId,
    subjectOrganisationId: organisationId,
    categories: ledger.categories.map((c) => ({ id: `c${c.ordinal}`, ordinal: c.ordinal, title: c.title })),
  });

  const events: FindingEvent[] = [];
  const issues: ValidationIssue[] = [];
  const findingIds = new Map<string, string>();
  for (const f of ledger.findings) {
    const findingId = `${options.inspectionId}/${f.key}`;
    findingIds.set(f.key, findingId);
    const decision = decide(undefined, {
      type: 'create',
      commandId: `import:${options.file}:${f.key}`,
      findingId,
      actorId: importer.id,
      at,
      finding: {
        inspectionId: inspection.id,
        ordinal: f.ordinal,
        title: f.title,
        ...(f.detail ? { description: f.detail } : {}),
        ...(f.categoryOrdinal === null ? {} : { categoryId: `c${f.categoryOrdinal}` }),
      },
      measures: f.measures.map((m) => ({ id: `m${m.ordinal}`, ordinal: m.ordinal, text: m.text, kind: m.kind, ...(m.deadline ? { deadline: m.deadline } : {}) })),
      snapshot: snapshotOf(f, options.file, unitId, personId),
    }, { inspection, actor: { id: importer.id, roles: [Roles.coordinator] } });
    if (decision.ok) events.push(decision.event);
    else {
      const why = decision.error instanceof ValidationError ? decision.error.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : decision.error.message;
      issues.push({ path: f.ref, message: `${f.title.slice(0, 30)}: ${why}`, code: decision.error.code });
    }
  }
  if (issues.length > 0) throw new ValidationError('ledger import', issues);

  const name = options.existing?.organisation?.name ?? options.organisationName ?? ledger.inspection.subject ?? organisationId;
  const units = [...existingUnits, ...[...unitId.added()].map(([n, id]) => ({ id, name: n }))];
  const people: Person[] = [
    ...existingPeople.map((p) => ({ ...p, roles: [...new Set([...p.roles, ...(roles.get(p.id) ?? [])])] })),
    ...[...personId.added()].map(([n, id]): Person => {
      const post = ledger.people.find((p) => p.name === n)?.post;
      return { id, name: n, organisationId, roles: [...(roles.get(id) ?? [])], ...(post ? { title: post } : {}) };
    }),
  ];
  if (!people.some((p) => p.id === importer.id)) people.push({ id: importer.id, name: importer.name, organisationId, roles: [Roles.coordinator] });
  return {
    bundle: {
      format: 'rectify.bundle',
      version: 1,
      organisations: [{ ...(options.existing?.organisation ?? {}), id: organisationId, name, units }],
      people: people.map((person) => ({ tenantId: organisationId, person })),
      inspections: [inspection],
      events,
      supervisions: [], files: [],
    },
    findingIds,
  };
}

/** Ids by name: those the store has are reused, new names get `u-政工室`, `p-李振华`. */
function idsFor(prefix: string, known: readonly { id: string; name: string }[]): ((name: string) => string) & { added: () => Map<string, string> } {
  const byName = new Map(known.map((k) => [k.name.trim(), k.id]));
  const taken = new Set(known.map((k) => k.id));
  const added = new Map<string, string>();
  const lookup = (name: string) => {
    const n = name.trim();
    const found = byName.get(n);
    if (found) return found;
    let id = `${prefix}-${n}`;
    for (let i = 2; taken.has(id); i++) id = `${prefix}-${n}-${i}`;
    taken.add(id);
    byName.set(n, id);
    added.set(n, id);
    return id;
  };
  return Object.assign(lookup, { added: () => added });
}

function snapshotOf(f: ClerkFinding, file: string, unitId: (n: string) => string, personId: (n: string) => string): FindingSnapshotInput {
  const [sheet, cells] = f.ref.split('!') as [string, string | undefined];
  const assigned = f.leader && f.leadUnit && f.person && f.deadline;
  const leadUnitId = f.leadUnit ? unitId(f.leadUnit) : undefined;
  return {
    status: f.status,
    ...(assigned
      ? {
          assignment: {
            responsibleLeaderId: personId(f.leader!),
            leadUnitId: leadUnitId!,
            coUnitIds: f.coUnits.map(unitId).filter((id) => id !== leadUnitId),
            responsiblePersonId: personId(f.person!),
            deadline: f.deadline!,
          },
        }
      : {}),
    ...(f.completedOn ? { completedOn: f.completedOn } : {}),
    ...(f.signedOffOn ? { signedOffOn: f.signedOffOn } : {}),
    measuresDone: f.measures.filter((m) => m.done).map((m) => ({ measureId: `m${m.ordinal}`, ...(m.doneOn ? { on: m.doneOn } : {}) })),
    progress: f.progress.filter((p) => p.on !== undefined).map((p) => ({ kind: 'update' as const, text: p.text, on: p.on! })),
    extensions: f.revisedDeadline && f.revisedDeadline !== f.deadline && assigned
      ? [{ id: 'revised-deadline', to: f.revisedDeadline, reason: `台账中的调整后时限（Revised due date in the ledger）` }]
      : [],
    source: { file, sheet, ...(cells ? { cells } : {}) },
  };
}

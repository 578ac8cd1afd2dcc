import {
  decide,
  formatPath,
  parseInspection,
  Roles,
  ValidationError,
  type Bundle,
  type CommandInput,
  type FindingEvent,
  type FindingState,
  type Inspection,
  type InspectionInput,
  type Person,
  type ValidationIssue,
} from '@rectify/core';
import type { Ledger, LedgerFinding } from './ledger.js';

/** Options of {@link ledgerBundle}. */
export interface LedgerBundleOptions {
  /** The organisation (tenant) the ledger belongs to. */
  organisationId: string;
  /** Who imports: recorded as the actor of every event, with the coordinator role (政工室). */
  importer: { id: string; name: string };
  /** When the import happens, ISO 8601 with the inspection's offset (`2024-04-17T09:00:00+08:00`). */
  at: string;
  /** What the ledger does not say of the inspection (kind, inspector, dates); its id, title and categories come from the ledger. */
  inspection?: Partial<InspectionInput>;
}

/** What {@link ledgerBundle} makes: a bundle for `Store.importBundle`, and what it could not carry over. */
export interface LedgerBundle {
  bundle: Bundle;
  /** Things the import leaves out, one line each (a sign-off without its approvals…). */
  notes: string[];
}

/**
 * Turns a ledger workbook (read with {@link readLedgerWorkbook}, or a parsed notice's
 * {@link ledgerOf}) into a bundle to import into a store: the organisation with its
 * units, the people of the directory (leaders in charge and responsible persons get
 * those roles), the inspection, and each finding's history as the lifecycle would
 * have produced it: created with its measures, assigned, started, its ledger entries,
 * its measures completed, and completed or marked sustaining. Every command goes
 * through the core's `decide`, so an import obeys the same rules as live work.
 *
 * The importer records every event; a sign-off needs approvals that only the people
 * of the chain can give, so a finding signed off (or awaiting sign-off) in the ledger
 * arrives completed (sustaining, if long-term measures are open), a reopened one in
 * progress, and one that nobody is assigned to (a published notice names no one) not
 * started: `notes` says which.
 *
 * @throws `ValidationError` listing every finding whose history the lifecycle refuses; nothing is returned then.
 *
 * @example
 * ```ts
 * const { bundle, notes } = ledgerBundle(await readLedgerWorkbook(bytes), { organisationId: 'xq-sfj', importer: { id: 'p-zg', name: '政工室' }, at: '2024-04-17T09:00:00+08:00' });
 * await store.importBundle(bundle);
 * ```
 */
export function ledgerBundle(ledger: Ledger, options: LedgerBundleOptions): LedgerBundle {
  const { organisationId, importer, at } = options;
  const inspection: Inspection = parseInspection({
    kind: 'xuncha',
    inspector: { name: '巡察组' },
    ...options.inspection,
    id: ledger.inspection.id,
    title: ledger.inspection.title || ledger.inspection.id,
    subjectOrganisationId: organisationId,
    categories: ledger.categories.map((c) => ({ id: categoryId(c.ordinal), ordinal: c.ordinal, title: c.title })),
  });
  const leaders = new Set(ledger.findings.flatMap((f) => (f.responsibility ? [f.responsibility.responsibleLeaderId] : [])));
  const doers = new Set(ledger.findings.flatMap((f) => (f.responsibility ? [f.responsibility.responsiblePersonId] : [])));
  const people: Person[] = [
    { id: importer.id, name: importer.name, organisationId, roles: [Roles.coordinator] },
    ...ledger.directory.people
      .filter((p) => p.id !== importer.id)
      .map((p): Person => ({
        id: p.id, name: p.name, organisationId,
        roles: [...(leaders.has(p.id) ? [Roles.leaderInCharge] : []), ...(doers.has(p.id) ? [Roles.responsiblePerson] : [])],
      })),
  ];
  const actor = { id: importer.id, roles: [Roles.coordinator] };
  const issues: ValidationIssue[] = [];
  const notes: string[] = [];
  const events: FindingEvent[] = [];
  ledger.findings.forEach((f, index) => {
    let state: FindingState | undefined;
    let n = 0;
    for (const command of commandsOf(f, inspection.id, notes)) {
      const d = decide(state, { ...command, commandId: `import-${ledger.inspection.id}-${f.id}-${++n}`, findingId: f.id, actorId: importer.id, at } as CommandInput, { inspection, actor });
      if (!d.ok) {
        const where = 'issues' in d.error ? (d.error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`).join('; ') : d.error.message;
        issues.push({ path: formatPath(['findings', index]), message: `${f.id} (${command['type']}): ${where}`, code: d.error.code });
        return;
      }
      state = d.state;
      events.push(d.event);
    }
  });
  if (issues.length > 0) throw new ValidationError('ledger import', issues);
  return {
    bundle: {
      format: 'rectify.bundle',
      version: 1,
      organisations: [{ id: organisationId, name: ledger.organisation.name || organisationId, units: ledger.directory.units.map((u) => ({ id: u.id, name: u.name })) }],
      people: people.map((person) => ({ tenantId: organisationId, person })),
      inspections: [inspection],
      events,
    },
    notes,
  };
}

const categoryId = (ordinal: number) => `c${ordinal}`;

/** The commands that bring a finding to where the ledger says it is. */
function commandsOf(f: LedgerFinding, inspectionId: string, notes: string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [{
    type: 'create',
    finding: { inspectionId, ordinal: f.ordinal, title: f.title, ...(f.categoryOrdinal === null ? {} : { categoryId: categoryId(f.categoryOrdinal) }) },
    measures: f.measures.map((m) => ({ id: m.id, ordinal: m.ordinal, text: m.text, kind: m.kind, ...(m.deadline ? { deadline: m.deadline } : {}) })),
  }];
  if (f.responsibility && f.deadline) {
    out.push({ type: 'assign', assignment: { ...f.responsibility, deadline: f.originalDeadline ?? f.deadline } });
    if (f.originalDeadline !== undefined && f.originalDeadline !== f.deadline) notes.push(`${f.id}: the deadline ${f.deadline} was extended from ${f.originalDeadline}; imported as the original deadline (an extension needs its approval)`);
  }
  if (f.status === 'not_started') return out;
  if (out.length === 1) {
    // The lifecycle starts work only once someone answers for it (the seed's rule 1).
    notes.push(`${f.id}: ${f.status} in the ledger; imported as not started, since no one is assigned (责任领导、责任部门、责任人和整改期限): assign it to go on`);
    return out;
  }
  out.push({ type: 'start' });
  const ordinalOf = new Map(f.measures.map((m) => [m.ordinal, m.id]));
  for (const p of f.progress) {
    const measureId = p.measureOrdinal === undefined ? undefined : ordinalOf.get(p.measureOrdinal);
    out.push({ type: 'record_progress', kind: p.kind, text: p.text, on: p.on, ...(p.period ? { period: p.period } : {}), ...(measureId ? { measureId } : {}) });
  }
  for (const m of f.measures) if (m.done) out.push({ type: 'complete_measure', measureId: m.id, ...(m.doneOn ? { on: m.doneOn } : {}) });
  // Past the concentrated phase, a finding with long-term measures still open is sustaining, else completed.
  const phase = f.measures.some((m) => m.kind === 'long_term' && !m.done) ? 'sustaining' : 'completed';
  if (f.status === 'sustaining') out.push({ type: 'mark_sustaining' });
  else if (f.status === 'completed') out.push({ type: 'complete' });
  else if (f.status === 'awaiting_signoff' || f.status === 'signed_off') {
    out.push({ type: phase === 'sustaining' ? 'mark_sustaining' : 'complete' });
    notes.push(`${f.id}: ${f.status === 'signed_off' ? 'signed off' : 'awaiting sign-off'} in the ledger; imported as ${phase} (approvals and sign-off are given in the system)`);
  } else if (f.status === 'reopened') notes.push(`${f.id}: reopened in the ledger; imported as in progress`);
  return out;
}

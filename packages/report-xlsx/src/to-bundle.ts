import {
  decide,
  formatPath,
  parseInspection,
  Roles,
  RuleViolationError,
  text,
  ValidationError,
  type Bundle,
  type CommandInput,
  type FindingEvent,
  type FindingState,
  type Inspection,
  type InspectionInput,
  type LocalizedText,
  type Person,
  type ValidationIssue,
} from '@rectify/core';
import { WorkbookValidationError, type CellIssue } from './errors.js';
import { LAYOUT, WORDS } from './layout.js';
import type { Ledger, LedgerFinding, LedgerSheet, LedgerSource } from './ledger.js';

/** Options of {@link ledgerBundle}. */
export interface LedgerBundleOptions {
  /** The organisation (tenant) the ledger belongs to. */
  organisationId: string;
  /** Who imports: recorded as the actor of every event, with the coordinator role (政工室). */
  importer: { id: string; name: string };
  /** When the import happens, ISO 8601 with the inspection's offset (`2024-04-17T09:00:00+08:00`). */
  at: string;
  /**
   * What the ledger does not say of the inspection (dates, disclosure), or says otherwise:
   * given here, `kind` and `inspector` win over the ledger's. Its id, title and
   * categories come from the ledger. A ledger that names no kind or no team needs them
   * here: the import refuses to guess which team inspected.
   */
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
 * @throws `ValidationError` listing every finding whose history the lifecycle refuses;
 * nothing is returned then. For a ledger read from a workbook (it has a `source`), a
 * {@link WorkbookValidationError} naming the cell behind each refusal: the 台账 row of an
 * entry dated after the import, the 任务清单 row of a measure whose text is refused.
 *
 * @example
 * ```ts
 * const { bundle, notes } = ledgerBundle(await readLedgerWorkbook(bytes), { organisationId: 'xq-sfj', importer: { id: 'p-zg', name: '政工室' }, at: '2024-04-17T09:00:00+08:00' });
 * await store.importBundle(bundle);
 * ```
 */
export function ledgerBundle(ledger: Ledger, options: LedgerBundleOptions): LedgerBundle {
  const { organisationId, importer, at } = options;
  const kind = options.inspection?.kind ?? ledger.inspection.kind;
  const inspector = options.inspection?.inspector ?? (ledger.inspection.inspector === undefined ? undefined : { name: ledger.inspection.inspector });
  if (kind === undefined || inspector === undefined) throw unnamedInspection(ledger, kind === undefined, inspector === undefined);
  const inspection: Inspection = parseInspection({
    ...options.inspection,
    kind,
    inspector,
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
  const cells: CellIssue[] = [];
  const notes: string[] = [];
  const events: FindingEvent[] = [];
  ledger.findings.forEach((f, index) => {
    let state: FindingState | undefined;
    let n = 0;
    for (const { command, part } of commandsOf(f, inspection.id, notes)) {
      const d = decide(state, { ...command, commandId: `import-${ledger.inspection.id}-${f.id}-${++n}`, findingId: f.id, actorId: importer.id, at } as CommandInput, { inspection, actor });
      if (!d.ok) {
        const said = `${f.id} (${command['type']})`;
        if (ledger.source !== undefined) {
          cells.push(...refusedCells(d.error, ledger.source, f, part, said));
        } else {
          const where = 'issues' in d.error ? (d.error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`).join('; ') : d.error.message;
          issues.push({ path: formatPath(['findings', index]), message: `${said}: ${where}`, code: d.error.code });
        }
        return;
      }
      state = d.state;
      events.push(d.event);
    }
  });
  if (cells.length > 0) throw new WorkbookValidationError(cells);
  if (issues.length > 0) throw new ValidationError('ledger import', issues);
  return {
    bundle: {
      format: 'rectify.bundle',
      version: 1,
      organisations: [{ id: organisationId, name: ledger.organisation.name || organisationId, units: ledger.directory.units.map((u) => ({ id: u.id, name: u.name })) }],
      people: people.map((person) => ({ tenantId: organisationId, person })),
      inspections: [inspection],
      events,
      supervisions: [], files: [],
    },
    notes,
  };
}

const categoryId = (ordinal: number) => `c${ordinal}`;

/** The part of a finding's rows a command comes from: its 问题清单 row, its 责任清单 row, a measure or a 台账 entry. */
type Part = { of: 'finding' } | { of: 'responsibility' } | { of: 'measure'; id: string } | { of: 'progress'; index: number };

/** A command that brings a finding on, and the part of the ledger it was made from. */
interface PartCommand {
  command: Record<string, unknown>;
  part: Part;
}

/** The commands that bring a finding to where the ledger says it is. */
function commandsOf(f: LedgerFinding, inspectionId: string, notes: string[]): PartCommand[] {
  const finding: Part = { of: 'finding' };
  const out: PartCommand[] = [{
    part: finding,
    command: {
      type: 'create',
      finding: { inspectionId, ordinal: f.ordinal, title: f.title, ...(f.categoryOrdinal === null ? {} : { categoryId: categoryId(f.categoryOrdinal) }) },
      measures: f.measures.map((m) => ({ id: m.id, ordinal: m.ordinal, text: m.text, kind: m.kind, ...(m.deadline ? { deadline: m.deadline } : {}) })),
    },
  }];
  if (f.responsibility && f.deadline) {
    out.push({ part: { of: 'responsibility' }, command: { type: 'assign', assignment: { ...f.responsibility, deadline: f.originalDeadline ?? f.deadline } } });
    if (f.originalDeadline !== undefined && f.originalDeadline !== f.deadline) notes.push(`${f.id}: the deadline ${f.deadline} was extended from ${f.originalDeadline}; imported as the original deadline (an extension needs its approval)`);
  }
  if (f.status === 'not_started') return out;
  if (out.length === 1) {
    // The lifecycle starts work only once someone answers for it (the seed's rule 1).
    notes.push(`${f.id}: ${f.status} in the ledger; imported as not started, since no one is assigned (责任领导、责任部门、责任人和整改期限): assign it to go on`);
    return out;
  }
  out.push({ part: finding, command: { type: 'start' } });
  const ordinalOf = new Map(f.measures.map((m) => [m.ordinal, m.id]));
  f.progress.forEach((p, index) => {
    const measureId = p.measureOrdinal === undefined ? undefined : ordinalOf.get(p.measureOrdinal);
    out.push({
      part: { of: 'progress', index },
      command: { type: 'record_progress', kind: p.kind, text: p.text, on: p.on, ...(p.period ? { period: p.period } : {}), ...(measureId ? { measureId } : {}), ...(p.evidence.length > 0 ? { evidence: p.evidence } : {}) },
    });
  });
  for (const m of f.measures) if (m.done) out.push({ part: { of: 'measure', id: m.id }, command: { type: 'complete_measure', measureId: m.id, ...(m.doneOn ? { on: m.doneOn } : {}), ...(m.evidence.length > 0 ? { evidence: m.evidence } : {}) } });
  // Past the concentrated phase, a finding with long-term measures still open is sustaining, else completed.
  const phase = f.measures.some((m) => m.kind === 'long_term' && !m.done) ? 'sustaining' : 'completed';
  if (f.status === 'sustaining') out.push({ part: finding, command: { type: 'mark_sustaining' } });
  else if (f.status === 'completed') out.push({ part: finding, command: { type: 'complete' } });
  else if (f.status === 'awaiting_signoff' || f.status === 'signed_off') {
    out.push({ part: finding, command: { type: phase === 'sustaining' ? 'mark_sustaining' : 'complete' } });
    notes.push(`${f.id}: ${f.status === 'signed_off' ? 'signed off' : 'awaiting sign-off'} in the ledger; imported as ${phase} (approvals and sign-off are given in the system)`);
  } else if (f.status === 'reopened') notes.push(`${f.id}: reopened in the ledger; imported as in progress`);
  return out;
}

/**
 * The column of each command field, by the part the command comes from; a field not
 * listed (or a refusal that names none) points at the part's `''` entry.
 */
const FIELDS: Record<Part['of'], { sheet: LedgerSheet; fields: Record<string, string> }> = {
  finding: { sheet: 'problems', fields: { '': 'status', findingId: 'id', 'finding.title': 'title', 'finding.ordinal': 'ordinal', 'finding.categoryId': 'categoryOrdinal' } },
  responsibility: {
    sheet: 'responsibility',
    fields: {
      '': 'findingId',
      'assignment.responsibleLeaderId': 'leader',
      'assignment.leadUnitId': 'leadUnit',
      'assignment.coUnitIds': 'coUnits',
      'assignment.responsiblePersonId': 'person',
      'assignment.deadline': 'originalDeadline',
    },
  },
  measure: { sheet: 'tasks', fields: { '': 'done', on: 'doneOn' } },
  progress: { sheet: 'ledger', fields: { '': 'findingId', on: 'on', text: 'text', period: 'period', kind: 'kind', measureId: 'measureOrdinal' } },
};

/** The fields of a measure in a `create` command, and the 任务清单 column of each. */
const MEASURE_FIELDS: Record<string, string> = { '': 'text', id: 'id', ordinal: 'ordinal', text: 'text', kind: 'kind', deadline: 'deadline' };

/**
 * The cells behind a refused command: one per field the refusal names (each issue of
 * a validation error, each unmet rule), found through the ledger's source.
 */
function refusedCells(error: Error, source: LedgerSource, f: LedgerFinding, part: Part, said: string): CellIssue[] {
  const rows = source.findings.get(f.id);
  // Unmet rules say why in both languages; a schema's messages and other errors only in English.
  const english = (message: string): LocalizedText => ({ 'zh-CN': message, en: message });
  const named: { path: string; message: LocalizedText }[] =
    error instanceof ValidationError ? error.issues.map((i) => ({ path: i.path, message: english(`${i.path}: ${i.message}`) }))
    : error instanceof RuleViolationError ? error.unmet.map((u) => ({ path: u.subject ?? '', message: u.message }))
    : [{ path: '', message: english(error.message) }];
  return named.map(({ path, message }) => {
    let sheet = FIELDS[part.of].sheet;
    let field = fieldOf(FIELDS[part.of].fields, path);
    let row = rows?.problems ?? 0;
    const measure = /^measures\[(\d+)\](?:\.(\w+))?/.exec(path);
    // A rule names a measure by its id (`measures[m2]`): a finding completed with it open.
    const measureById = /^measures\[(.+)\]$/.exec(path);
    if (part.of === 'finding' && measure !== null) {
      // A measure of the plan the create command carries: its row in 任务清单.
      sheet = 'tasks';
      field = MEASURE_FIELDS[measure[2] ?? ''] ?? 'text';
      row = rows?.measures.get(f.measures[Number(measure[1])]?.id ?? '') ?? 0;
    } else if (measureById !== null && rows?.measures.has(measureById[1]!)) {
      sheet = 'tasks';
      field = 'done';
      row = rows.measures.get(measureById[1]!)!;
    } else if (part.of === 'responsibility') {
      row = rows?.responsibility ?? 0;
      // The deadline assigned is the 原定期限 of 责任清单 when it has one, else 问题清单's 整改期限.
      if (field === 'originalDeadline' && f.originalDeadline === undefined) {
        sheet = 'problems';
        field = 'deadline';
        row = rows?.problems ?? 0;
      }
    } else if (part.of === 'measure') row = rows?.measures.get(part.id) ?? 0;
    else if (part.of === 'progress') row = rows?.progress[part.index] ?? 0;
    const found = source.sheets[sheet];
    const column = found.columns[field];
    return {
      sheet: found.name, row, column: column?.letter ?? '', header: column?.header ?? '',
      message: `${said}: ${message.en}`, localized: { 'zh-CN': `${said}：${message['zh-CN']}`, en: `${said}: ${message.en}` },
    };
  });
}

/** The column of the longest listed prefix of `path` (`assignment.coUnitIds[1]` is `assignment.coUnitIds`). */
function fieldOf(fields: Record<string, string>, path: string): string {
  let p = path;
  while (p !== '') {
    const field = fields[p];
    if (field !== undefined) return field;
    const shorter = p.replace(/(\.[^.[]*|\[\d+\])$/, '');
    // Nothing left to take off (`(root)`, a key like `a[b]`): no listed prefix.
    if (shorter === p) break;
    p = shorter;
  }
  return fields['']!;
}

/**
 * The refusal of a ledger that does not say what kind of inspection it answers or which
 * team inspected: in both languages, on the workbook's 说明 sheet when it was read from
 * one (a workbook written before those rows existed), else on the option's path.
 */
function unnamedInspection(ledger: Ledger, noKind: boolean, noTeam: boolean): ValidationError {
  const said = [
    ...(noKind ? [{ path: 'inspection.kind', zh: `缺少“${WORDS.inspectionKind['zh-CN']}”一行（巡察、巡视、审计…）：请补上，或导入时加 --kind`, en: `The row "${WORDS.inspectionKind.en}" (巡察, 巡视, audit…) is missing: add it, or give inspection.kind (rectify import --kind)` }] : []),
    ...(noTeam ? [{ path: 'inspection.inspector', zh: `缺少“${WORDS.inspector['zh-CN']}”一行（如 区委第一巡察组）：请补上，或导入时加 --inspector`, en: `The row "${WORDS.inspector.en}" (e.g. 区委第一巡察组) is missing: add it, or give inspection.inspector (rectify import --inspector)` }] : []),
  ];
  if (ledger.source === undefined) return new ValidationError('ledger', said.map((m) => ({ path: m.path, message: m.en, code: 'custom' })));
  const english = ledger.source.sheets.problems.name === LAYOUT.problems.name.en;
  const sheet = LAYOUT.about.name[english ? 'en' : 'zh-CN'];
  return new WorkbookValidationError(said.map((m) => ({ sheet, row: 1, column: '', header: '', message: m.en, localized: text(m.zh, m.en) })));
}

import { z } from 'zod';
import { rollupCounts, rollupQuery, type RollupCounts } from '../analytics/rollup-counts.js';
import { rollupFromCounts, roundsOf, rowsOf, type Rollup, type RollupInput, type RollupOptions } from '../analytics/rollup.js';
import { totals as pureTotals, totalsFromCounts, type Totals } from '../analytics/totals.js';
import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addCalendarDays, CalendarDaySchema, type CalendarDay } from '../dates/calendar-day.js';
import { RectifyError } from '../errors/rectify-error.js';
import { parseWith } from '../errors/validation-error.js';
import { historyDigest, verifyChain, type ChainBreak } from '../integrity/chain.js';
import type { FindingEvent } from '../lifecycle/events.js';
import { evolve } from '../lifecycle/evolve.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import { IdSchema, Sha256Schema } from '../model/common.js';
import { bytesToBase64 } from '../files/base64.js';
import type { UnitSupervision } from '../model/supervision.js';
import type { EscalationPolicy } from '../warnings/policy.js';
import type { WarningDecision } from '../warnings/notices.js';
import { warningView, type WarningView } from '../warnings/view.js';
import { listOutbox, readWarnings, type OutboxEntry, type OutboxStatus, type WarningsInput } from './outbox.js';
import { checkFiles, readFileChecked, type FilesIntegrity } from './files.js';
import type { Organisation, Person } from '../model/organisation.js';
import type { PublishedVersion } from '../publication/published.js';
import type { Bundle } from './bundle.js';
import type { DriverCapabilities, DriverTransaction, StoredFile } from './driver.js';
import type { FindingRow } from './row.js';
import { deadlineFiltersIn, FindingQuerySchema, ScopeSchema, type FindingQueryInput, type Page, type Scope } from './query.js';

/** Options of {@link StoreReader.findings}. */
export interface FindingsOptions {
  /**
   * Which days are working days, for `overdueAsOf` and `dueWithin` (default every day): the
   * same overdue and due soon as the analysis with that calendar.
   */
  calendar?: Calendar;
}

/** A trusted restore recorded by the store: history written without the rule checks. */
export interface Restoration {
  /** `restoration-1`, `restoration-2`… within the organisation. */
  id: string;
  /** The caller's clock (`StoreOptions.now`) when given, else the latest instant of the history restored. */
  at: string;
  findings: number;
  events: number;
  /** Always false: what a restore wrote was not held to the rules. */
  checked: false;
}

/** What {@link StoreReader.verify} found. */
export interface IntegrityReport {
  findings: number;
  events: number;
  /** Findings whose stored state differs from the replay of their events. */
  mismatches: string[];
  /**
   * Every event edited, removed or inserted since it was written, found by the hash chain
   * of each finding's events and the head its stored state records (`verifyChain`).
   * Events written before the chain are listed as `unchained`.
   */
  breaks: ChainBreak[];
  /**
   * A digest of the whole organisation's history: SHA-256 over the head of every
   * finding's chain, by finding id. Kept somewhere the store's writers cannot reach (a
   * published report carries it), it shows a history rewritten whole, hashes and all.
   */
  digest: string;
  /** Every evidence file checked against its hash, and every file an event names looked for. */
  files: FilesIntegrity;
}

/**
 * Everything a store answers, without writing. {@link Store.read} gives one over a single
 * read-only snapshot, so that a report, a status or a dashboard reads every part of
 * itself as of the same moment; each read method of the store is also one on its own.
 */
export interface StoreReader {
  /** An organisation, if stored. */
  organisation(organisationId: string): Promise<Organisation | undefined>;
  /** Every organisation of the store (each a tenant), by id. */
  organisations(): Promise<Organisation[]>;
  /** An inspection of an organisation, if stored. */
  inspection(scope: { organisationId: string; inspectionId: string }): Promise<Inspection | undefined>;
  /** Every inspection of an organisation, every round and source, by id: for questions across rounds (`recurringProblems`). */
  inspections(organisationId: string): Promise<Inspection[]>;
  /** The people of an organisation, by id. */
  people(organisationId: string): Promise<Person[]>;
  /** A finding's current state. */
  finding(scope: Scope, findingId: string): Promise<FindingState | undefined>;
  /** A finding's events, oldest first. */
  history(scope: Scope, findingId: string): Promise<FindingEvent[]>;
  /**
   * The events of a scope (an organisation, or one of its inspections) in (finding,
   * version) order, each finding's history whole; only those on or before `upTo` when
   * given. What a report replays, read once.
   */
  events(scope: Scope, options?: { upTo?: string }): Promise<FindingEvent[]>;
  /** One page of findings matching a query, run in the database. */
  findings(query: FindingQueryInput, options?: FindingsOptions): Promise<Page<FindingState>>;
  /**
   * The same page as {@link StoreReader.findings}, each finding as its {@link WarningView}:
   * what its light and its warnings read, without parsing its whole state where the
   * driver keeps the views (the SQL drivers do).
   */
  warningViews(query: FindingQueryInput, options?: FindingsOptions): Promise<Page<WarningView>>;
  /** The core's `totals`, counted by the database where it can. */
  totals(scope: Scope): Promise<Totals>;
  /** Every finding of the scope as it was at the end of a day, rebuilt from events. */
  findingsAsOf(scope: Scope, day: string): Promise<FindingState[]>;
  /** The trusted restores into an organisation, oldest first: history that was not held to the rules. */
  restorations(organisationId: string): Promise<Restoration[]>;
  /** Exports organisations (all, or one) with their people, inspections and histories. */
  exportBundle(scope?: { organisationId: string }): Promise<Bundle>;
  /** Replays every finding of an organisation and compares with what is stored. */
  verify(organisationId: string): Promise<IntegrityReport>;
  /**
   * An evidence file of an organisation by its SHA-256, its bytes checked against the hash
   * (an `IntegrityError` if they no longer match); `undefined` if the organisation holds none.
   */
  file(organisationId: string, sha256: string): Promise<Uint8Array | undefined>;
  /** The evidence files an organisation holds (hash and size), by hash. */
  files(organisationId: string): Promise<StoredFile[]>;
  /** The unit-wide supervisions of an inspection (`Store.recordSupervision`), by day. */
  supervisions(scope: { organisationId: string; inspectionId: string }): Promise<UnitSupervision[]>;
  /** The warnings of an inspection as of a day: every finding's light and the notices due (see `warningNotices`), nothing recorded. */
  warnings(input: WarningsInput): Promise<WarningDecision & { policy: EscalationPolicy }>;
  /** The outbox of warnings of an organisation, oldest first; of some statuses when given. */
  outbox(organisationId: string, statuses?: readonly OutboxStatus[]): Promise<OutboxEntry[]>;
  /** Every published version of an inspection, oldest first; of one format when given. */
  publications(scope: { organisationId: string; inspectionId: string }, format?: string): Promise<PublishedVersion[]>;
  /**
   * A supervising office's roll-up of every organisation (or of those named) as of a day:
   * the core's `rollup`, counted by the database where the driver can (`rollupCounts`, a
   * GROUP BY), else from each organisation's events as of the day.
   */
  rollup(options: StoreRollupOptions): Promise<Rollup>;
}

/** Options of {@link StoreReader.rollup}. */
export interface StoreRollupOptions extends RollupOptions {
  /** The day of the figures. */
  asOf: CalendarDay;
  /** Only these organisations (default: every one in the store). */
  organisations?: readonly string[];
}

const StoreRollupOptionsSchema = z.object({ asOf: CalendarDaySchema, organisations: z.array(IdSchema).optional() });

/** The reads of a store inside one driver transaction: what {@link Store.read} hands out, and what every read method runs. */
export class TransactionReader implements StoreReader {
  constructor(
    private readonly tx: DriverTransaction,
    private readonly capabilities: DriverCapabilities,
  ) {}

  async organisation(organisationId: string): Promise<Organisation | undefined> {
    return (await this.tx.getRecord('organisation', organisationId, organisationId)) as Organisation | undefined;
  }

  async organisations(): Promise<Organisation[]> {
    // One read across tenants where the driver can (a supervising office lists hundreds).
    if (this.tx.listAllRecords !== undefined) return (await this.tx.listAllRecords('organisation')).map((r) => r.value as Organisation);
    const out: Organisation[] = [];
    for (const id of await this.tx.listTenants()) {
      const org = await this.organisation(id);
      if (org !== undefined) out.push(org);
    }
    return out;
  }

  async inspection(scope: { organisationId: string; inspectionId: string }): Promise<Inspection | undefined> {
    return (await this.tx.getRecord('inspection', scope.organisationId, scope.inspectionId)) as Inspection | undefined;
  }

  async inspections(organisationId: string): Promise<Inspection[]> {
    return ((await this.tx.listRecords('inspection', organisationId)) as Inspection[]).sort((a, b) => a.id.localeCompare(b.id));
  }

  async people(organisationId: string): Promise<Person[]> {
    return (await this.tx.listRecords('person', organisationId)) as Person[];
  }

  async finding(scope: Scope, findingId: string): Promise<FindingState | undefined> {
    const s = parseWith(ScopeSchema, scope, 'scope');
    const row = await this.tx.getFinding(s.organisationId, findingId);
    return row && inScope(row, s) ? row.state : undefined;
  }

  async history(scope: Scope, findingId: string): Promise<FindingEvent[]> {
    const s = parseWith(ScopeSchema, scope, 'scope');
    const row = await this.tx.getFinding(s.organisationId, findingId);
    if (!row || !inScope(row, s)) return [];
    return this.tx.listEvents(s.organisationId, { findingId });
  }

  async events(scope: Scope, options: { upTo?: string } = {}): Promise<FindingEvent[]> {
    const s = parseWith(ScopeSchema, scope, 'scope');
    return this.tx.listEvents(s.organisationId, { ...(s.inspectionId ? { inspectionId: s.inspectionId } : {}), ...(options.upTo === undefined ? {} : { upTo: options.upTo }) });
  }

  async findings(input: FindingQueryInput, options: FindingsOptions = {}): Promise<Page<FindingState>> {
    const query = deadlineFiltersIn(parseWith(FindingQuerySchema, input, 'query'), options.calendar ?? EVERY_DAY);
    return query === undefined ? { items: [] } : mapPage(await this.tx.queryFindings(query), (r) => r.state);
  }

  async warningViews(input: FindingQueryInput, options: FindingsOptions = {}): Promise<Page<WarningView>> {
    const query = deadlineFiltersIn(parseWith(FindingQuerySchema, input, 'query'), options.calendar ?? EVERY_DAY);
    if (query === undefined) return { items: [] };
    if (this.tx.queryWarningViews) return this.tx.queryWarningViews(query);
    return mapPage(await this.tx.queryFindings(query), (r) => warningView(r.state));
  }

  async totals(scope: Scope): Promise<Totals> {
    const s = parseWith(ScopeSchema, scope, 'scope');
    const inspections = (await this.tx.listRecords('inspection', s.organisationId)) as Inspection[];
    const categories = inspections.filter((i) => s.inspectionId === undefined || i.id === s.inspectionId).flatMap((i) => i.categories);
    if (this.capabilities.groupCounts && this.tx.groupCounts) return totalsFromCounts(await this.tx.groupCounts(s), { categories });
    // The driver cannot count: page through the findings and count here.
    return pureTotals(await allFindings(this.tx, s), { categories });
  }

  async findingsAsOf(scope: Scope, day: string): Promise<FindingState[]> {
    return replayGrouped(await this.events(scope, { upTo: day }));
  }

  async restorations(organisationId: string): Promise<Restoration[]> {
    const found = (await this.tx.listRecords('restoration', organisationId)) as Restoration[];
    // Numbered, not named: restoration-10 comes after restoration-9.
    return found.sort((a, b) => Number(a.id.split('-')[1]) - Number(b.id.split('-')[1]));
  }

  async exportBundle(scope?: { organisationId: string }): Promise<Bundle> {
    const tenantIds = scope ? [scope.organisationId] : await this.tx.listTenants();
    const bundle: Bundle = { format: 'rectify.bundle', version: 1, organisations: [], people: [], inspections: [], events: [], supervisions: [], files: [] };
    for (const tenantId of [...tenantIds].sort()) {
      const org = await this.organisation(tenantId);
      if (!org) continue;
      bundle.organisations.push(org);
      for (const person of await this.people(tenantId)) bundle.people.push({ tenantId, person });
      // One at a time: spreading a long history into push() overflows the stack (~120,000 events).
      for (const ins of (await this.tx.listRecords('inspection', tenantId)) as Inspection[]) bundle.inspections.push(ins);
      for (const event of await this.tx.listEvents(tenantId, {})) bundle.events.push(event);
      for (const s of (await this.tx.listRecords('supervision', tenantId)) as UnitSupervision[]) bundle.supervisions.push(s);
      // Each file read with its hash checked: a bundle never carries a file changed in the store.
      for (const f of await this.files(tenantId)) bundle.files.push({ tenantId, sha256: f.sha256, base64: bytesToBase64((await this.file(tenantId, f.sha256))!) });
    }
    // Ids are each organisation's own, and a bundle's events name findings and inspections
    // by id alone: organisations that share one are exported one at a time.
    const shared = sharedIds(bundle);
    if (shared !== undefined) {
      throw new RectifyError('bundle.ambiguous', `Organisations ${shared.tenants.join(' and ')} both have ${shared.what} ${shared.id}: export them one at a time (exportBundle({ organisationId }))`, { details: shared });
    }
    return bundle;
  }

  async verify(organisationId: string): Promise<IntegrityReport> {
    const events = await this.tx.listEvents(organisationId, {});
    // One read of the events and one of the findings, compared by id.
    const replayed = new Map(replayGrouped(events).map((s) => [s.finding.id, s]));
    const stored = new Map((await allFindings(this.tx, { organisationId })).map((s) => [s.finding.id, s]));
    const mismatches = [...new Set([...replayed.keys(), ...stored.keys()])].filter((id) => {
      const a = replayed.get(id);
      const b = stored.get(id);
      return a === undefined || b === undefined || a.version !== b.version || JSON.stringify(a) !== JSON.stringify(b);
    });
    const breaks: ChainBreak[] = [];
    for (const [id, history] of groupByFinding(events)) {
      const state = stored.get(id);
      for (const b of verifyChain(history, state && { version: state.version, head: state.head })) breaks.push(b);
    }
    for (const [id, state] of stored) {
      if (!replayed.has(id)) for (let v = 1; v <= state.version; v++) breaks.push({ findingId: id, version: v, kind: 'removed', message: `finding ${id}, event ${v}: missing from the history` });
    }
    const files = await checkFiles(this.tx, organisationId, events);
    return { findings: stored.size, events: events.length, mismatches: mismatches.sort(), breaks, digest: historyDigest(stored.values()), files };
  }

  async file(organisationId: string, sha256: string): Promise<Uint8Array | undefined> {
    return readFileChecked(this.tx, parseWith(IdSchema, organisationId, 'organisationId'), parseWith(Sha256Schema, sha256, 'sha256'));
  }

  warnings(input: WarningsInput): Promise<WarningDecision & { policy: EscalationPolicy }> {
    return readWarnings(this, input);
  }

  outbox(organisationId: string, statuses?: readonly OutboxStatus[]): Promise<OutboxEntry[]> {
    return listOutbox(this.tx, organisationId, statuses);
  }

  async supervisions(scope: { organisationId: string; inspectionId: string }): Promise<UnitSupervision[]> {
    const all = (await this.tx.listRecords('supervision', scope.organisationId)) as UnitSupervision[];
    return all.filter((s) => s.inspectionId === scope.inspectionId).sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));
  }

  async files(organisationId: string): Promise<StoredFile[]> {
    // A store whose driver keeps no files holds none.
    return this.tx.listFiles === undefined ? [] : this.tx.listFiles(organisationId);
  }

  async rollup(options: StoreRollupOptions): Promise<Rollup> {
    const { asOf, organisations } = parseWith(StoreRollupOptionsSchema, options, 'options');
    const inputs = await organisationsWithRounds(this, this.tx, organisations === undefined ? undefined : new Set(organisations));
    const query = { ...rollupQuery(roundsOf(inputs), asOf, options), ...(organisations === undefined ? { everyRound: true } : {}) };
    let counts: RollupCounts = { groups: [], months: [] };
    let replay = new Set(inputs.map((i) => i.organisation.id));
    if (this.tx.rollupCounts !== undefined) {
      counts = await this.tx.rollupCounts(query);
      // The rows are today's: an organisation with a finding changed after the day is
      // counted from its events as of the day instead (the same figures, one replay).
      // Changed after the day: updated at or after the next day's first instant where the
      // round is (both UTC ISO text, `updatedAt` as `findingRow` normalises it).
      const nextDay = addCalendarDays(asOf, 1);
      const after = new Map(query.rounds.map((r) => [`${r.tenantId}\u0000${r.inspectionId}`, new Date(`${nextDay}T00:00:00${r.utcOffset}`).toISOString()]));
      // (Counts of a round the query does not name, which a store counting every row may give, are left out.)
      replay = new Set(counts.groups.filter((c) => {
        const limit = after.get(`${c.tenantId}\u0000${c.inspectionId}`);
        return limit !== undefined && c.lastUpdatedAt >= limit;
      }).map((c) => c.tenantId));
      if (replay.size > 0) counts = { groups: counts.groups.filter((c) => !replay.has(c.tenantId)), months: counts.months.filter((m) => !replay.has(m.tenantId)) };
    }
    for (const input of inputs) {
      if (!replay.has(input.organisation.id)) continue;
      const findings = await this.findingsAsOf({ organisationId: input.organisation.id }, asOf);
      const own = rollupCounts(rowsOf({ ...input, findings }), query);
      counts.groups.push(...own.groups);
      counts.months.push(...own.months);
    }
    return rollupFromCounts(inputs, counts, query, options);
  }

  publications(scope: { organisationId: string; inspectionId: string }, format?: string): Promise<PublishedVersion[]> {
    return publishedVersions(this.tx, scope.organisationId, scope.inspectionId, format);
  }
}

/** An id of a finding or an inspection that two organisations of a bundle both use, if one is. */
function sharedIds(bundle: Bundle): { what: 'finding' | 'inspection'; id: string; tenants: string[] } | undefined {
  const inspectionTenant = new Map<string, string>();
  for (const ins of bundle.inspections) {
    const other = inspectionTenant.get(ins.id);
    if (other !== undefined && other !== ins.subjectOrganisationId) return { what: 'inspection', id: ins.id, tenants: [other, ins.subjectOrganisationId] };
    inspectionTenant.set(ins.id, ins.subjectOrganisationId);
  }
  const findingTenant = new Map<string, string>();
  for (const e of bundle.events) {
    if (e.type !== 'created') continue;
    const tenant = inspectionTenant.get(e.payload.finding.inspectionId) ?? '';
    const other = findingTenant.get(e.findingId);
    if (other !== undefined && other !== tenant) return { what: 'finding', id: e.findingId, tenants: [other, tenant] };
    findingTenant.set(e.findingId, tenant);
  }
  return undefined;
}

/** Every organisation (or those wanted) with its inspections, in two reads where the driver can. */
async function organisationsWithRounds(reader: StoreReader, tx: DriverTransaction, wanted: ReadonlySet<string> | undefined): Promise<RollupInput[]> {
  const organisations = (await reader.organisations()).filter((o) => wanted === undefined || wanted.has(o.id));
  const rounds = new Map<string, Inspection[]>();
  if (tx.listAllRecords !== undefined) {
    for (const { tenantId, value } of await tx.listAllRecords('inspection')) {
      const list = rounds.get(tenantId);
      if (list === undefined) rounds.set(tenantId, [value as Inspection]);
      else list.push(value as Inspection);
    }
  } else {
    for (const o of organisations) rounds.set(o.id, (await tx.listRecords('inspection', o.id)) as Inspection[]);
  }
  return organisations.map((organisation) => ({ organisation, inspections: rounds.get(organisation.id) ?? [], findings: [] }));
}

/** The published versions of an inspection (of one format when given), oldest first. */
export async function publishedVersions(tx: DriverTransaction, organisationId: string, inspectionId: string, format: string | undefined): Promise<PublishedVersion[]> {
  const all = (await tx.listRecords('publication', organisationId)) as PublishedVersion[];
  return all
    .filter((v) => v.inspectionId === inspectionId && (format === undefined || v.format === format))
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.format.localeCompare(b.format) || a.version - b.version);
}

/** Every finding of a scope, paging through the driver's query. */
export async function allFindings(tx: DriverTransaction, scope: Scope): Promise<FindingState[]> {
  const out: FindingState[] = [];
  let cursor: string | undefined;
  do {
    const page = await tx.queryFindings(parseWith(FindingQuerySchema, { ...scope, limit: 1000, ...(cursor ? { cursor } : {}) }, 'query'));
    out.push(...page.items.map((r) => r.state));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return out;
}

function inScope(row: { tenantId: string; inspectionId: string }, scope: Scope): boolean {
  return row.tenantId === scope.organisationId && (scope.inspectionId === undefined || row.inspectionId === scope.inspectionId);
}

/** Events already in (finding, version) order, by finding. */
export function groupByFinding(events: readonly FindingEvent[]): Map<string, FindingEvent[]> {
  const out = new Map<string, FindingEvent[]>();
  for (const event of events) {
    const list = out.get(event.findingId);
    if (list === undefined) out.set(event.findingId, [event]);
    else list.push(event);
  }
  return out;
}

/** Replays events already in (finding, version) order into one state per finding. */
export function replayGrouped(events: readonly FindingEvent[]): FindingState[] {
  const states = new Map<string, FindingState>();
  for (const event of events) states.set(event.findingId, evolve(states.get(event.findingId), event));
  return [...states.values()];
}

/** A page of rows as a page of what `item` makes of each, with the same cursor. */
function mapPage<T>(page: Page<FindingRow>, item: (row: FindingRow) => T): Page<T> {
  return { items: page.items.map(item), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

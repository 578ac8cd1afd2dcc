import type { Rollup } from '../analytics/rollup.js';
import type { Totals } from '../analytics/totals.js';
import { compareInstants, dayOfInstant } from '../dates/instant.js';
import { NotFoundError, PermissionDeniedError } from '../errors/domain-errors.js';
import { RectifyError } from '../errors/rectify-error.js';
import { IntegrityError, SchemaVersionError } from '../errors/storage-errors.js';
import { parseWith, ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { CommandSchema, type Command } from '../lifecycle/commands.js';
import type { OrganisationCommand } from '../lifecycle/command-maker.js';
import { decideCommand } from '../lifecycle/decide.js';
import type { FindingEvent } from '../lifecycle/events.js';
import { evolve, replay } from '../lifecycle/evolve.js';
import type { FindingState } from '../lifecycle/state.js';
import { InspectionSchema, type Inspection, type InspectionInput } from '../model/inspection.js';
import {
  OrganisationSchema,
  PersonSchema,
  type Organisation,
  type OrganisationInput,
  type Person,
  type PersonInput,
} from '../model/organisation.js';
import { IdSchema } from '../model/common.js';
import { actorOf } from '../model/parse.js';
import { Roles } from '../model/roles.js';
import type { PermissionPolicy } from '../permissions/policy.js';
import type { SignOffRule } from '../rules/rule.js';
import { BundleSchema, type Bundle } from './bundle.js';
import { checkHistory, NEEDS_DIRECTORY, type HistoryContext } from './check-history.js';
import { SCHEMA_VERSION, type DriverTransaction, type StorageDriver, type StoredFile } from './driver.js';
import { DEFAULT_MAX_FILE_BYTES, fileMethods, incomingFiles, unstoredFiles, type IncomingFile } from './files.js';
import { fileReferences, type FileReference } from '../files/references.js';
import type { UnitSupervision, UnitSupervisionInput } from '../model/supervision.js';
import { recordSupervisionIn } from './unit-supervision.js';
import { claimOutboxIn, queueWarningsIn, settleOutboxIn, type ClaimOutboxOptions, type DeliveryOutcome, type OutboxEntry, type OutboxStatus, type QueuedWarnings, type QueueWarningsInput, type WarningsInput } from './outbox.js';
import type { EscalationPolicy } from '../warnings/policy.js';
import type { WarningDecision } from '../warnings/notices.js';
import type { WarningView } from '../warnings/view.js';
import { base64ToBytes } from '../files/base64.js';
import type { FindingQueryInput, Page, Scope } from './query.js';
import { IMPORT_BATCH, ImportBatch, writeHistories } from './import-batch.js';
import { mergeInspection, mergeOrganisation, mergePerson } from './merge.js';
import { findingRow } from './row.js';
import { publishedVersions, TransactionReader, type FindingsOptions, type IntegrityReport, type Restoration, type StoreReader, type StoreRollupOptions } from './reader.js';
import { chainHistories, sha256HexOfBytes, verifyChain, type ChainBreak } from '../integrity/chain.js';
import { publicationId, PublishInputSchema, type PublishedVersion, type PublishInput } from '../publication/published.js';

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** Who may do what; the core's default policy when left out. */
  policy?: PermissionPolicy;
  /** The sign-off rules; the core's defaults when left out. */
  rules?: readonly SignOffRule[];
  /**
   * The caller's clock, as an ISO-8601 instant. Given, a command or imported event
   * dated later than `now` plus {@link StoreOptions.clockAllowanceMinutes} is refused:
   * one event dated 2099 would otherwise put every later command "out of order" and
   * lock the finding. Left out, the store (which reads no clock) checks nothing.
   */
  now?: () => string;
  /** How far ahead of `now` an instant may be, for clocks that disagree; default 60 minutes. */
  clockAllowanceMinutes?: number;
  /** The largest evidence file the store takes, in bytes; default {@link DEFAULT_MAX_FILE_BYTES} (20 MiB). */
  maxFileBytes?: number;
}

/** Options of {@link Store.apply} and {@link Store.applyAll}. */
export interface ApplyOptions {
  /**
   * The bytes of the files the commands name as evidence (`fileEvidence(name, bytes)`),
   * stored under their SHA-256 in the same transaction: the command and its files land
   * together or not at all. A file no command names is refused; a file named and neither
   * sent nor already stored refuses the command.
   */
  files?: readonly Uint8Array[];
}

/** What {@link Store.apply} returns. */
export interface Applied {
  event: FindingEvent;
  /** The finding's state right after this event. */
  state: FindingState;
  /** True when the command id had been applied before: nothing new was written. */
  duplicate: boolean;
}

/** Progress of a bulk import, reported after each finding. */
export interface ImportProgress {
  findings: number;
  totalFindings: number;
  events: number;
}

/** What {@link Store.importBundle} wrote. */
export interface ImportReport {
  organisations: number;
  people: number;
  inspections: number;
  /** Findings written. */
  findings: number;
  /** Events written. */
  events: number;
  /** Findings the store already held with exactly this history: left as they were (the same file imported twice). */
  unchanged: number;
  /**
   * Findings whose history came without hashes (a bundle written before the chain):
   * each of their events was given its `prev` and `hash` on the way in.
   */
  sealed: number;
}

/** Options of {@link Store.importBundle}. */
export interface ImportBundleOptions {
  /** Called after each finding is written. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * A trusted restore (a backup of one's own store): skips the rule checks, which
   * decide every event's command again (lifecycle, permission, sign-off rules), and
   * keeps only the structural ones (versions in order, a history that replays, days
   * that match instants). The store records it: {@link Store.restorations}.
   */
  trusted?: boolean;
}

/**
 * A store of organisations, inspections and findings over any {@link StorageDriver}.
 * Every write is one transaction; every read is scoped to one organisation and is one
 * read-only transaction, or part of one with {@link Store.read}.
 */
export interface Store extends StoreReader {
  /** Creates or replaces an organisation (the tenant) and its units. */
  saveOrganisation(input: OrganisationInput): Promise<Organisation>;
  /** Creates or replaces people who act in an organisation's process. */
  savePeople(organisationId: string, people: readonly PersonInput[]): Promise<Person[]>;
  /** Creates or replaces an inspection; its tenant is its inspected organisation, which must exist. */
  saveInspection(input: InspectionInput): Promise<Inspection>;
  /**
   * Applies one command atomically: validates it, checks lifecycle, permission and
   * rules, appends the event and updates the finding, or writes nothing and throws the
   * typed error. A command id already applied returns its first result again.
   *
   * The command names the organisation it acts in (`organisationId`, an
   * {@link OrganisationCommand}): its finding, command id, inspection and actor are looked
   * up there only, as ids are each organisation's own. `commandMaker` stamps drafts so.
   */
  apply(command: unknown, options?: ApplyOptions): Promise<Applied>;
  /**
   * Applies commands in order in one transaction: all of them, or none. Each is held to
   * what `apply` holds it to, and sees the ones before it; the first refused rolls the
   * batch back and is thrown, its `details` naming its `index` and `commandId`. For a
   * change made of several commands (next week's ledger: new entries, measures done, a
   * status) that must land together.
   */
  applyAll(commands: readonly unknown[], options?: ApplyOptions): Promise<Applied[]>;
  /**
   * Stores an evidence file of an organisation under its SHA-256, which it computes, and
   * answers the hash and size; the same bytes stored twice are kept once. For an upload
   * that comes before its command; {@link ApplyOptions.files} sends them together.
   */
  putFile(organisationId: string, bytes: Uint8Array): Promise<StoredFile>;
  /**
   * Records supervision of a unit or of people as a whole, not of one finding (局主要领导
   * 集体约谈4次分管领导): the actor must be allowed to `supervise` by the store's policy,
   * and every target must be the organisation's. The same id again is a retry.
   */
  recordSupervision(input: UnitSupervisionInput): Promise<UnitSupervision>;
  /**
   * Records the warnings (预警) due on a day in the outbox, in the one transaction that
   * decides them: the lights of the inspection's findings as of `asOf` under the policy,
   * and one entry per notice and channel that the outbox does not hold yet (a second run
   * of the same day, or of the same period of a repeating tier, records nothing).
   */
  queueWarnings(input: QueueWarningsInput): Promise<QueuedWarnings>;
  /**
   * Takes outbox entries due for delivery (pending, failed and past their back-off, or
   * claimed by a deliverer whose lease ran out) and marks them `sending`, in one transaction.
   */
  claimOutbox(organisationId: string, options: ClaimOutboxOptions): Promise<OutboxEntry[]>;
  /** Records how the delivery of a claimed entry went: sent, failed with a retry at a time, or failed for good. */
  settleOutbox(organisationId: string, id: string, outcome: DeliveryOutcome): Promise<OutboxEntry>;
  /**
   * Imports a bundle in one transaction: all of it, or nothing. Every event is held to
   * the rules a live command meets (its command is decided again: lifecycle, the
   * actor's permission, the sign-off rules, and it must yield that very event), unless
   * `options.trusted`; a refused event refuses the bundle, naming its index, the
   * finding and the unmet rule.
   */
  importBundle(bundle: unknown, options?: ImportBundleOptions): Promise<ImportReport>;
  /**
   * Records that a notice (or another report) was published: the text as it went out,
   * when, by whom, and what the redaction step masked. Versions of one inspection and
   * format are numbered 1, 2, 3…; publishing the same text as the latest version again
   * writes nothing and answers that version.
   */
  publish(input: PublishInput): Promise<PublishedVersion>;
  /**
   * Runs `work` over one consistent, read-only snapshot of the store (one read-only
   * transaction): every read through `reader` sees the store as of the same moment, and
   * no write lock is held, so writers go on meanwhile. A report reads its organisation,
   * inspection, people and events this way, once each. Do not call the store's own
   * methods from inside `work`: on a driver whose transactions take turns (SQLite, PGlite,
   * memory) they would wait for this one to end.
   *
   * @example
   * ```ts
   * const { inspection, events } = await store.read(async (r) => ({
   *   inspection: await r.inspection(scope),
   *   events: await r.events(scope, { upTo: asOf }),
   * }));
   * ```
   */
  read<T>(work: (reader: StoreReader) => Promise<T>): Promise<T>;
  /** Closes the driver. */
  close(): Promise<void>;
}

/**
 * Opens a store over a driver: checks the schema version (refusing a newer one),
 * migrates an older or empty one, and returns the {@link Store}.
 *
 * @example
 * ```ts
 * const store = await openStore(memoryDriver());
 * await store.saveOrganisation({ id: 'xq-sfj', name: '潮州市湘桥区司法局党组' });
 * ```
 */
export async function openStore(driver: StorageDriver, options: StoreOptions = {}): Promise<Store> {
  const found = await driver.schemaVersion();
  if (found !== null && found > SCHEMA_VERSION) throw new SchemaVersionError(found, SCHEMA_VERSION);
  if (found !== SCHEMA_VERSION) await driver.migrate(found, SCHEMA_VERSION);
  return new DriverStore(driver, options);
}

class DriverStore implements Store {
  constructor(
    private readonly driver: StorageDriver,
    private readonly options: StoreOptions,
  ) {}

  async saveOrganisation(input: OrganisationInput): Promise<Organisation> {
    const org = parseWith(OrganisationSchema, input, 'organisation');
    await this.driver.transaction((tx) => tx.putRecord('organisation', org.id, org.id, org));
    return org;
  }

  async savePeople(organisationId: string, input: readonly PersonInput[]): Promise<Person[]> {
    const people = input.map((p, i) => parseWith(PersonSchema, p, `person ${i}`));
    await this.driver.transaction(async (tx) => {
      await requireOrganisation(tx, organisationId);
      for (const p of people) await tx.putRecord('person', organisationId, p.id, p);
    });
    return people;
  }

  async saveInspection(input: InspectionInput): Promise<Inspection> {
    const inspection = parseWith(InspectionSchema, input, 'inspection');
    await this.driver.transaction(async (tx) => {
      const tenant = inspection.subjectOrganisationId;
      await requireOrganisation(tx, tenant);
      // Inspection ids are the organisation's own: another's of the same id is another inspection.
      await tx.putRecord('inspection', tenant, inspection.id, inspection);
    });
    return inspection;
  }

  read<T>(work: (reader: StoreReader) => Promise<T>): Promise<T> {
    return this.driver.transaction((tx) => work(new TransactionReader(tx, this.driver.capabilities)), { readOnly: true });
  }

  // Each read on its own is one read-only transaction of its own.
  organisation(organisationId: string): Promise<Organisation | undefined> {
    return this.read((r) => r.organisation(organisationId));
  }

  organisations(): Promise<Organisation[]> {
    return this.read((r) => r.organisations());
  }

  inspection(scope: { organisationId: string; inspectionId: string }): Promise<Inspection | undefined> {
    return this.read((r) => r.inspection(scope));
  }

  inspections(organisationId: string): Promise<Inspection[]> {
    return this.read((r) => r.inspections(organisationId));
  }

  people(organisationId: string): Promise<Person[]> {
    return this.read((r) => r.people(organisationId));
  }

  async apply(input: unknown, options: ApplyOptions = {}): Promise<Applied> {
    // Validate before touching the database: a malformed command costs no transaction.
    const parsed = this.parsed(input, 'command');
    const files = this.attached([parsed], options, 'command');
    return this.driver.transaction(async (tx) => {
      await putAttached(tx, files);
      return this.applyIn(tx, parsed);
    });
  }

  async applyAll(inputs: readonly unknown[], options: ApplyOptions = {}): Promise<Applied[]> {
    const commands = inputs.map((input, i) => this.parsed(input, `commands[${i}]`));
    if (commands.length === 0) return [];
    const files = this.attached(commands, options, 'commands');
    return this.driver.transaction(async (tx) => {
      await putAttached(tx, files);
      const out: Applied[] = [];
      for (const [i, parsed] of commands.entries()) {
        try {
          out.push(await this.applyIn(tx, parsed));
        } catch (error) {
          // Which command of the batch was refused; throwing rolls every one back.
          if (error instanceof RectifyError) Object.assign(error.details, { index: i, commandId: parsed.command.commandId });
          throw error;
        }
      }
      return out;
    });
  }

  /**
   * A command validated, with the organisation it acts in, and not dated past the caller's
   * clock. The organisation is the store's, not the core's: `decide` knows none.
   */
  private parsed(input: unknown, what: string): { tenant: string; command: Command } {
    const isObject = typeof input === 'object' && input !== null;
    const { organisationId, ...rest } = (isObject ? input : {}) as { organisationId?: unknown };
    const tenant = IdSchema.safeParse(organisationId);
    const command = parseWith(CommandSchema, isObject ? rest : input, what);
    if (!tenant.success) {
      throw new ValidationError(what, [{ path: 'organisationId', message: 'The organisation the command acts in (organisationId) is required: finding and command ids are each organisation\'s own', code: 'custom' }]);
    }
    const future = this.future(command.at);
    if (future) throw new ValidationError(what, [{ path: 'at', message: future, code: 'custom' }]);
    return { tenant: tenant.data, command };
  }

  /**
   * One command inside a transaction: the whole of `apply`, once the command is parsed.
   * Everything is looked up in the command's organisation only, so that what it answers
   * is what a store holding that organisation alone would answer.
   */
  private async applyIn(tx: DriverTransaction, { tenant, command }: { tenant: string; command: Command }): Promise<Applied> {
    const prior = await tx.getCommand(tenant, command.commandId);
    if (prior !== undefined) return this.replayed(tx, tenant, prior, command.findingId);

    const row = await tx.getFinding(tenant, command.findingId);
    const inspectionId = row?.inspectionId ?? (command.type === 'create' ? command.finding.inspectionId : undefined);
    if (inspectionId === undefined) throw new NotFoundError('finding', command.findingId);
    const inspection = (await tx.getRecord('inspection', tenant, inspectionId)) as Inspection | undefined;
    if (inspection === undefined) throw new NotFoundError('inspection', inspectionId);
    const person = (await tx.getRecord('person', tenant, command.actorId)) as Person | undefined;
    if (person === undefined) {
      throw new PermissionDeniedError(command.type, command.actorId, [], `${command.actorId} is not a person of organisation ${tenant}`);
    }
    if (command.type === 'create') {
      const dangling = await danglingLinks(tx, tenant, command.findingId, command.finding.relatedFindingIds ?? [], 'finding.relatedFindingIds');
      if (dangling.length > 0) throw new ValidationError('command', dangling);
    }
    // Parsed once, at the store's boundary (parsed()): decided as it is.
    const decision = decideCommand(row?.state, command, {
      inspection,
      actor: actorOf(person),
      ...(this.options.policy ? { policy: this.options.policy } : {}),
      ...(this.options.rules ? { rules: this.options.rules } : {}),
      ...(NEEDS_DIRECTORY.has(command.type) ? { directory: await directoryOf(tx, tenant) } : {}),
    });
    if (!decision.ok) throw decision.error;
    // Every file the command names as evidence is one the organisation holds (sent with it, or before).
    const unstored = await unstoredFiles(tx, tenant, fileReferences(command));
    if (unstored.length > 0) throw new ValidationError('command', unstored);
    await tx.appendEvent(tenant, decision.event);
    await tx.putFinding(findingRow(tenant, decision.state, inspection), row?.version ?? 0);
    await tx.putCommand(tenant, command.commandId, command.findingId, decision.event.version);
    return { event: decision.event, state: decision.state, duplicate: false };
  }

  /**
   * The files sent with commands, checked (bytes, size) and each matched to the
   * organisations of the commands that name it; a file no command names is refused.
   */
  private attached(commands: readonly { tenant: string; command: Command }[], options: ApplyOptions, what: string): { tenant: string; file: IncomingFile }[] {
    const files = incomingFiles(options.files ?? [], this.maxFileBytes, what);
    const out: { tenant: string; file: IncomingFile }[] = [];
    const issues: ValidationIssue[] = [];
    files.forEach((file, i) => {
      const tenants = new Set(commands.filter(({ command }) => fileReferences(command).some((r) => r.sha256 === file.sha256)).map((c) => c.tenant));
      if (tenants.size === 0) issues.push({ path: `files[${i}]`, message: `No evidence of the command names this file (SHA-256 ${file.sha256}): name it with fileEvidence(name, bytes)`, code: 'custom' });
      for (const tenant of tenants) out.push({ tenant, file });
    });
    if (issues.length > 0) throw new ValidationError(what, issues);
    return out;
  }

  private get maxFileBytes(): number {
    return this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  recordSupervision(input: UnitSupervisionInput): Promise<UnitSupervision> {
    return this.driver.transaction((tx) => recordSupervisionIn(tx, input, this.options.policy));
  }

  queueWarnings(input: QueueWarningsInput): Promise<QueuedWarnings> {
    return this.driver.transaction((tx) => queueWarningsIn(tx, new TransactionReader(tx, this.driver.capabilities), input));
  }

  claimOutbox(organisationId: string, options: ClaimOutboxOptions): Promise<OutboxEntry[]> {
    return this.driver.transaction((tx) => claimOutboxIn(tx, organisationId, options));
  }

  settleOutbox(organisationId: string, id: string, outcome: DeliveryOutcome): Promise<OutboxEntry> {
    return this.driver.transaction((tx) => settleOutboxIn(tx, organisationId, id, outcome));
  }

  warnings(input: WarningsInput): Promise<WarningDecision & { policy: EscalationPolicy }> {
    return this.read((r) => r.warnings(input));
  }

  outbox(organisationId: string, statuses?: readonly OutboxStatus[]): Promise<OutboxEntry[]> {
    return this.read((r) => r.outbox(organisationId, statuses));
  }

  supervisions(scope: { organisationId: string; inspectionId: string }): Promise<UnitSupervision[]> {
    return this.read((r) => r.supervisions(scope));
  }

  async putFile(organisationId: string, bytes: Uint8Array): Promise<StoredFile> {
    const tenant = parseWith(IdSchema, organisationId, 'organisationId');
    const [file] = incomingFiles([bytes], this.maxFileBytes, 'file');
    return this.driver.transaction(async (tx) => {
      await requireOrganisation(tx, tenant);
      await fileMethods(tx).putFile(tenant, file!.sha256, file!.bytes);
      return { sha256: file!.sha256, size: file!.bytes.length };
    });
  }

  /** Why `at` is too far in the future for the caller's clock, if it is. */
  private future(at: string): string | undefined {
    if (this.options.now === undefined) return undefined;
    const now = this.options.now();
    const limit = new Date(Date.parse(now) + (this.options.clockAllowanceMinutes ?? 60) * 60_000);
    return Date.parse(at) > limit.getTime() ? `${at} is later than now (${now}): an instant may not be in the future` : undefined;
  }

  /** The first result of a command applied before, rebuilt from the history. */
  private async replayed(tx: DriverTransaction, tenant: string, prior: { findingId: string; version: number }, findingId: string): Promise<Applied> {
    if (prior.findingId !== findingId) {
      throw new ValidationError('command', [{ path: 'commandId', message: `This command id was already used for finding ${prior.findingId}`, code: 'custom' }]);
    }
    const row = await tx.getFinding(tenant, findingId);
    if (row === undefined) throw new IntegrityError(`Command applied to finding ${findingId}, which is missing`);
    const events = (await tx.listEvents(tenant, { findingId })).filter((e) => e.version <= prior.version);
    const event = events.at(-1);
    const state = replay(events);
    if (event === undefined || state === undefined) throw new IntegrityError(`Finding ${findingId} lost its event ${prior.version}`);
    return { event, state, duplicate: true };
  }

  finding(scope: Scope, findingId: string): Promise<FindingState | undefined> {
    return this.read((r) => r.finding(scope, findingId));
  }

  history(scope: Scope, findingId: string): Promise<FindingEvent[]> {
    return this.read((r) => r.history(scope, findingId));
  }

  events(scope: Scope, options?: { upTo?: string }): Promise<FindingEvent[]> {
    return this.read((r) => r.events(scope, options));
  }

  findings(query: FindingQueryInput, options?: FindingsOptions): Promise<Page<FindingState>> {
    return this.read((r) => r.findings(query, options));
  }

  warningViews(query: FindingQueryInput, options?: FindingsOptions): Promise<Page<WarningView>> {
    return this.read((r) => r.warningViews(query, options));
  }

  totals(scope: Scope): Promise<Totals> {
    return this.read((r) => r.totals(scope));
  }

  /** See {@link StoreReader.rollup}: read in one snapshot. */
  rollup(options: StoreRollupOptions): Promise<Rollup> {
    return this.read((r) => r.rollup(options));
  }

  findingsAsOf(scope: Scope, day: string): Promise<FindingState[]> {
    return this.read((r) => r.findingsAsOf(scope, day));
  }

  async importBundle(input: unknown, options: ImportBundleOptions = {}): Promise<ImportReport> {
    const bundle = parseWith(BundleSchema, input, 'bundle');
    const dated = bundle.events.flatMap((e, i) => { const future = this.future(e.at); return future ? [{ path: `events[${i}].at`, message: future, code: 'custom' as const }] : []; });
    if (dated.length > 0) throw new ValidationError('bundle', dated.slice(0, 20));
    const findings = groupHistories(bundle);
    // The organisation of each finding the bundle brings, by the inspection it was created in.
    const subjectOf = new Map(bundle.inspections.map((i) => [i.id, i.subjectOrganisationId]));
    const bundleFindings = new Map(findings.flatMap((h) => {
      const first = h.events[0]!;
      return first.type === 'created' ? [[first.findingId, subjectOf.get(first.payload.finding.inspectionId)] as const] : [];
    }));
    return this.driver.transaction(async (tx) => {
      const issues: ValidationIssue[] = [];
      const tenants = new Set(bundle.organisations.map((o) => o.id));
      // What the store holds wins; the bundle adds (see merge.ts).
      for (const o of bundle.organisations) {
        const stored = (await tx.getRecord('organisation', o.id, o.id)) as Organisation | undefined;
        await tx.putRecord('organisation', o.id, o.id, stored === undefined ? o : mergeOrganisation(stored, o));
      }
      const knownTenant = async (id: string) => tenants.has(id) || (await tx.getRecord('organisation', id, id)) !== undefined;
      for (const [i, { tenantId, person }] of bundle.people.entries()) {
        if (!(await knownTenant(tenantId))) issues.push({ path: `people[${i}].tenantId`, message: `Unknown organisation ${tenantId}`, code: 'custom' });
        else {
          const stored = (await tx.getRecord('person', tenantId, person.id)) as Person | undefined;
          await tx.putRecord('person', tenantId, person.id, stored === undefined ? person : mergePerson(stored, person));
        }
      }
      const inspections = new Map<string, Inspection>();
      for (const [i, ins] of bundle.inspections.entries()) {
        // An event names its finding's inspection by id alone: in one bundle an id must name one inspection.
        const twice = bundle.inspections.findIndex((other) => other.id === ins.id);
        if (twice !== i) {
          issues.push({ path: `inspections[${i}].id`, message: `Inspection ${ins.id} is also inspections[${twice}]: a bundle of several organisations whose inspection ids repeat is written one organisation at a time`, code: 'custom' });
          continue;
        }
        const tenant = ins.subjectOrganisationId;
        if (!(await knownTenant(tenant))) issues.push({ path: `inspections[${i}].subjectOrganisationId`, message: `Unknown organisation ${tenant}`, code: 'custom' });
        else {
          const stored = (await tx.getRecord('inspection', tenant, ins.id)) as Inspection | undefined;
          const kept = stored === undefined ? ins : mergeInspection(stored, ins);
          await tx.putRecord('inspection', tenant, ins.id, kept);
          inspections.set(ins.id, kept);
        }
      }
      // Unit-wide supervision, held to what recordSupervision holds it to (the people and units are in by now).
      for (const [i, sup] of bundle.supervisions.entries()) {
        try {
          await recordSupervisionIn(tx, sup, this.options.policy);
        } catch (error) {
          if (!(error instanceof RectifyError)) throw error;
          issues.push({ path: `supervisions[${i}]`, message: error.message, code: error.code });
        }
      }
      // The files first, each checked against its hash: the events below may name them.
      for (const [i, f] of bundle.files.entries()) {
        const path = `files[${i}]`;
        if (!(await knownTenant(f.tenantId))) {
          issues.push({ path: `${path}.tenantId`, message: `Unknown organisation ${f.tenantId}`, code: 'custom' });
          continue;
        }
        const bytes = base64ToBytes(f.base64);
        const actual = sha256HexOfBytes(bytes);
        if (actual !== f.sha256) issues.push({ path: `${path}.base64`, message: `The file's bytes hash to ${actual}, not ${f.sha256}: it was changed since it was exported`, code: 'custom' });
        else if (bytes.length === 0 || bytes.length > this.maxFileBytes) issues.push({ path: `${path}.base64`, message: `The file is ${bytes.length} bytes: a store takes files of 1 to ${this.maxFileBytes} bytes (maxFileBytes)`, code: 'custom' });
        else await fileMethods(tx).putFile(f.tenantId, f.sha256, bytes);
      }
      // The files each organisation's new events name, looked for once all are read.
      const named = new Map<string, FileReference[]>();
      // The actors and the directory of each organisation, as `apply` would see them
      // once the bundle's people and units are in: read once per organisation.
      const contexts = new Map<string, Omit<HistoryContext, 'inspection'>>();
      const contextOf = async (ins: Inspection): Promise<HistoryContext> => {
        const tenant = ins.subjectOrganisationId;
        let known = contexts.get(tenant);
        if (known === undefined) {
          const directory = await directoryOf(tx, tenant);
          known = {
            people: new Map(directory.people.map((p) => [p.id, p])),
            directory,
            ...(this.options.policy ? { policy: this.options.policy } : {}),
            ...(this.options.rules ? { rules: this.options.rules } : {}),
          };
          contexts.set(tenant, known);
        }
        return { ...known, inspection: ins };
      };
      const restored = new Map<string, { findings: number; events: number; latest: string }>();
      let done = 0;
      let eventCount = 0;
      let unchanged = 0;
      let sealed = 0;
      const batch = new ImportBatch();
      const flush = async () => {
        for (const [tenant, histories] of batch.take()) {
          await writeHistories(tx, tenant, histories);
          for (const h of histories) {
            done += 1;
            eventCount += h.events.length;
            options.onProgress?.({ findings: done, totalFindings: findings.length, events: eventCount });
          }
        }
      };
      for (const history of findings) {
        const chain = chainChecked(history, issues, !options.trusted);
        if (chain === 'broken') continue;
        if (chain === 'sealed') sealed += 1;
        // A trusted restore replays each history here; a checked import replays it as it
        // decides each command again (checkHistory), once, and needs only its identity first.
        const replayed = options.trusted ? replayChecked(history, issues) : undefined;
        const identity = options.trusted ? replayed?.finding : identityOf(history, issues);
        if (identity === undefined) continue;
        const ins = inspections.get(identity.inspectionId) ?? (await storedInspection(tx, tenants, identity.inspectionId));
        const first = history.indexes[0]!;
        if (ins === undefined) {
          issues.push({ path: `events[${first}].payload.finding.inspectionId`, message: `Unknown inspection ${identity.inspectionId}`, code: 'custom' });
          continue;
        }
        // An event's day is its instant's day where the inspection is; a bundle that says otherwise is forged or broken.
        history.events.forEach((e, k) => {
          const day = dayOfInstant(e.at, ins.utcOffset);
          if (e.on !== day) issues.push({ path: `events[${history.indexes[k]}].on`, message: `${e.on} is not the day of ${e.at} (${day}, at ${ins.utcOffset})`, code: 'custom' });
        });
        const stored = await tx.getFinding(ins.subjectOrganisationId, identity.id);
        if (stored !== undefined) {
          // The same history again (the same file imported twice) changes nothing; another one is refused.
          if (stored.tenantId === ins.subjectOrganisationId && sameEvents(await tx.listEvents(stored.tenantId, { findingId: stored.findingId }), history.events)) {
            unchanged += 1;
            continue;
          }
          issues.push({ path: `events[${first}].findingId`, message: `Finding ${identity.id} already exists in the store, with another history`, code: 'custom' });
          continue;
        }
        const created = history.events[0]!;
        if (created.type === 'created') {
          const links = created.payload.finding.relatedFindingIds;
          // A link to a finding this bundle brings into the same organisation is fine: it is imported with it.
          const unknown = links.filter((id) => bundleFindings.get(id) !== ins.subjectOrganisationId);
          const dangling = await danglingLinks(tx, ins.subjectOrganisationId, created.findingId, unknown, `events[${first}].payload.finding.relatedFindingIds`);
          if (links.includes(created.findingId)) dangling.push({ path: `events[${first}].payload.finding.relatedFindingIds`, message: `Finding ${created.findingId} is linked to itself`, code: 'custom' });
          if (dangling.length > 0) {
            for (const d of dangling) issues.push(d);
            continue;
          }
        }
        let state = replayed;
        if (!options.trusted) {
          const before = issues.length;
          state = checkHistory(history.events, history.indexes, await contextOf(ins), issues);
          if (state === undefined) {
            // The rules refused an event of a chained history; if its chain is broken too,
            // that is what to say first (the file was changed since it was written).
            const broken = chain === 'deferred' ? chainBreaks(history) : undefined;
            if (broken !== undefined) issues.splice(before, issues.length - before, ...broken);
            continue;
          }
        }
        if (state === undefined) continue;
        if (options.trusted) {
          const r = restored.get(ins.subjectOrganisationId) ?? { findings: 0, events: 0, latest: state.updatedAt };
          restored.set(ins.subjectOrganisationId, { findings: r.findings + 1, events: r.events + history.events.length, latest: compareInstants(state.updatedAt, r.latest) > 0 ? state.updatedAt : r.latest });
        }
        if (!options.trusted) {
          // A checked import holds an event's evidence files to what apply holds a command's to.
          const refs = named.get(ins.subjectOrganisationId) ?? [];
          history.events.forEach((e, k) => refs.push(...fileReferences(e.payload, `events[${history.indexes[k]}].payload`)));
          named.set(ins.subjectOrganisationId, refs);
        }
        if (issues.length > 0) continue; // keep checking, but write nothing more
        batch.add(ins.subjectOrganisationId, { events: history.events, row: findingRow(ins.subjectOrganisationId, state, ins) });
        if (batch.size >= IMPORT_BATCH) await flush();
      }
      for (const [tenant, refs] of named) for (const issue of await unstoredFiles(tx, tenant, refs)) issues.push(issue);
      // Throwing rolls the whole transaction back: a refused bundle writes nothing.
      if (issues.length > 0) throw new ValidationError('bundle', issues);
      await flush();
      for (const [tenant, r] of restored) {
        // Numbered like published versions: a concurrent restore that took the number first makes this one take the next.
        for (let n = (await tx.listRecords('restoration', tenant)).length + 1; ; n++) {
          const restoration: Restoration = { id: `restoration-${n}`, at: this.options.now?.() ?? r.latest, findings: r.findings, events: r.events, checked: false };
          if (tx.addRecord === undefined) {
            await tx.putRecord('restoration', tenant, restoration.id, restoration);
            break;
          }
          if (await tx.addRecord('restoration', tenant, restoration.id, restoration)) break;
        }
      }
      return {
        organisations: bundle.organisations.length,
        people: bundle.people.length,
        inspections: bundle.inspections.length,
        findings: done,
        events: eventCount,
        unchanged,
        sealed,
      };
    });
  }

  exportBundle(scope?: { organisationId: string }): Promise<Bundle> {
    return this.read((r) => r.exportBundle(scope));
  }

  restorations(organisationId: string): Promise<Restoration[]> {
    return this.read((r) => r.restorations(organisationId));
  }

  verify(organisationId: string): Promise<IntegrityReport> {
    return this.read((r) => r.verify(organisationId));
  }

  file(organisationId: string, sha256: string): Promise<Uint8Array | undefined> {
    return this.read((r) => r.file(organisationId, sha256));
  }

  files(organisationId: string): Promise<StoredFile[]> {
    return this.read((r) => r.files(organisationId));
  }

  async publish(input: PublishInput): Promise<PublishedVersion> {
    const p = parseWith(PublishInputSchema, input, 'publication');
    // Two publishers may both read "the next is 5": the one whose insert loses reads again.
    for (let attempt = 1; ; attempt++) {
      const published = await this.driver.transaction(async (tx) => {
        if ((await tx.getRecord('inspection', p.organisationId, p.inspectionId)) === undefined) throw new NotFoundError('inspection', p.inspectionId);
        // Only the office that publishes (整改办) or the principal leader puts out a notice.
        const publisher = (await tx.getRecord('person', p.organisationId, p.publishedBy)) as Person | undefined;
        if (publisher === undefined || !PUBLISHERS.some((r) => publisher.roles.includes(r))) {
          throw new PermissionDeniedError('publish', p.publishedBy, [...PUBLISHERS], publisher === undefined
            ? `${p.publishedBy} is not a person of organisation ${p.organisationId}`
            : `needs one of the roles ${PUBLISHERS.join(', ')} (the coordinating office or the principal leader publishes)`);
        }
        const earlier = await publishedVersions(tx, p.organisationId, p.inspectionId, p.format);
        const latest = earlier.reduce<PublishedVersion | undefined>((max, v) => (max === undefined || v.version > max.version ? v : max), undefined);
        if (latest !== undefined && latest.text === p.text) return latest;
        // A version cannot have gone out before the one it follows: a back-dated one would rewrite what was public when.
        if (latest !== undefined && compareInstants(p.publishedAt, latest.publishedAt) < 0) {
          throw new ValidationError('publication', [{ path: 'publishedAt', message: `${p.publishedAt} is before version ${latest.version} (${latest.publishedAt}): a version is published after the one it follows`, code: 'custom' }]);
        }
        const { note, ...rest } = p;
        const version: PublishedVersion = { ...rest, ...(note === undefined ? {} : { note }), version: (latest?.version ?? 0) + 1 };
        const id = publicationId(p.inspectionId, p.format, version.version);
        if (tx.addRecord === undefined) await tx.putRecord('publication', p.organisationId, id, version);
        else if (!(await tx.addRecord('publication', p.organisationId, id, version))) return undefined;
        return version;
      });
      if (published !== undefined) return published;
      if (attempt === 10) {
        throw new RectifyError('concurrency.conflict', `Ten other publications of ${p.inspectionId} (${p.format}) took the next version first: try again`, { retryable: true });
      }
    }
  }

  publications(scope: { organisationId: string; inspectionId: string }, format?: string): Promise<PublishedVersion[]> {
    return this.read((r) => r.publications(scope, format));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** Stores the files sent with commands, in the commands' transaction. */
async function putAttached(tx: DriverTransaction, files: readonly { tenant: string; file: IncomingFile }[]): Promise<void> {
  for (const { tenant, file } of files) await fileMethods(tx).putFile(tenant, file.sha256, file.bytes);
}

/** The roles that may publish a notice or report: the coordinating office and the principal leader. */
const PUBLISHERS = [Roles.coordinator, Roles.principalLeader] as const;

/** Commands whose rules check ids against the organisation's people and units. */
async function requireOrganisation(tx: DriverTransaction, organisationId: string): Promise<void> {
  if ((await tx.getRecord('organisation', organisationId, organisationId)) === undefined) throw new NotFoundError('organisation', organisationId);
}

async function directoryOf(tx: DriverTransaction, tenant: string) {
  const org = (await tx.getRecord('organisation', tenant, tenant)) as Organisation | undefined;
  return { people: (await tx.listRecords('person', tenant)) as Person[], units: org?.units ?? [] };
}

/**
 * Why each of a new finding's links to earlier findings (屡查屡犯) points nowhere: a
 * finding not in the store, of another organisation, or the finding itself. A link
 * nothing answers to would drop silently out of every recurrence.
 */
async function danglingLinks(tx: DriverTransaction, tenant: string, findingId: string, related: readonly string[], path: string): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const [i, id] of related.entries()) {
    const at = `${path}[${i}]`;
    if (id === findingId) {
      issues.push({ path: at, message: `Finding ${findingId} is linked to itself`, code: 'custom' });
      continue;
    }
    if ((await tx.getFinding(tenant, id)) === undefined) issues.push({ path: at, message: `No finding ${id} in organisation ${tenant}: a repeated problem links to a finding the store holds`, code: 'custom' });
  }
  return issues;
}

/**
 * An inspection already in the store that a bundle's events name: looked for in the
 * bundle's organisations (inspection ids are each organisation's own), found in one.
 */
async function storedInspection(tx: DriverTransaction, tenants: ReadonlySet<string>, inspectionId: string): Promise<Inspection | undefined> {
  const found: Inspection[] = [];
  for (const tenant of [...tenants].sort()) {
    const ins = (await tx.getRecord('inspection', tenant, inspectionId)) as Inspection | undefined;
    if (ins !== undefined) found.push(ins);
  }
  return found.length === 1 ? found[0] : undefined;
}

interface History {
  events: FindingEvent[];
  /** Where each event stands in the bundle, for error paths. */
  indexes: number[];
}

function groupHistories(bundle: Bundle): History[] {
  const byFinding = new Map<string, History>();
  bundle.events.forEach((event, i) => {
    const h = byFinding.get(event.findingId) ?? { events: [], indexes: [] };
    h.events.push(event);
    h.indexes.push(i);
    byFinding.set(event.findingId, h);
  });
  return [...byFinding.values()];
}

/**
 * Checks an imported history's hash chain. A history whose events all carry hashes must
 * verify (an edited, removed or inserted event refuses the bundle, trusted or not); one
 * with events written before the chain is chained anew here, so that the store holds
 * every history chained.
 */
function chainChecked(history: History, issues: ValidationIssue[], decidedAgain: boolean): 'verified' | 'deferred' | 'sealed' | 'broken' | 'unnumbered' {
  // Versions out of order are the replay's to name (`events[i].version`), before any hash.
  if (!history.events.every((e, k) => e.version === k + 1)) return 'unnumbered';
  // A checked import decides every event again and holds it to the event it yields, hash
  // and link included: a whole chain it accepts is proved then, without hashing it twice.
  if (decidedAgain && history.events.every((e) => e.hash !== undefined)) return 'deferred';
  const breaks = verifyChain(history.events);
  if (breaks.length === 0) return 'verified';
  // Events written before the chain (and only that: nothing edited, removed or inserted among the chained ones).
  if (breaks.every((b) => b.kind === 'unchained')) {
    history.events = chainHistories(history.events);
    return 'sealed';
  }
  for (const issue of chainIssues(history, breaks)) issues.push(issue);
  return 'broken';
}

/** The chain's breaks of a history as issues of the bundle, if it has any (`undefined` if the chain holds). */
function chainBreaks(history: History): ValidationIssue[] | undefined {
  const breaks = verifyChain(history.events);
  return breaks.length === 0 ? undefined : chainIssues(history, breaks);
}

/** Each break, at the place in the bundle of the event it names. */
function chainIssues(history: History, breaks: readonly ChainBreak[]): ValidationIssue[] {
  return breaks.map((b) => {
    const k = history.events.findIndex((e) => e.version >= b.version);
    return { path: `events[${history.indexes[k === -1 ? history.events.length - 1 : k]}]`, message: b.message, code: `history.${b.kind}` };
  });
}

/** Whether two histories are the same events, field for field (both in the event schema's canonical shape). */
function sameEvents(a: readonly FindingEvent[], b: readonly FindingEvent[]): boolean {
  return a.length === b.length && a.every((e, i) => JSON.stringify(e) === JSON.stringify(b[i]));
}

/**
 * The finding a history is of, read from its first event, once its versions are 1, 2, 3…
 * in order: what a checked import needs before it decides the history's commands again.
 */
function identityOf(history: History, issues: ValidationIssue[]): { id: string; inspectionId: string } | undefined {
  for (const [k, event] of history.events.entries()) {
    if (event.version !== k + 1) {
      issues.push({ path: `events[${history.indexes[k]}].version`, message: `Expected version ${k + 1} of finding ${event.findingId}, found ${event.version}`, code: 'custom' });
      return undefined;
    }
  }
  const created = history.events[0]!;
  if (created.type !== 'created') {
    issues.push({ path: `events[${history.indexes[0]}].type`, message: `The first event of finding ${created.findingId} is ${created.type}: a history starts with its creation`, code: 'custom' });
    return undefined;
  }
  return { id: created.findingId, inspectionId: created.payload.finding.inspectionId };
}

function replayChecked(history: History, issues: ValidationIssue[]): FindingState | undefined {
  let state: FindingState | undefined;
  for (const [k, event] of history.events.entries()) {
    const path = `events[${history.indexes[k]}]`;
    if (event.version !== k + 1) {
      issues.push({ path: `${path}.version`, message: `Expected version ${k + 1} of finding ${event.findingId}, found ${event.version}`, code: 'custom' });
      return undefined;
    }
    try {
      state = evolve(state, event);
    } catch (error) {
      issues.push({ path, message: (error as Error).message, code: 'custom' });
      return undefined;
    }
  }
  return state;
}

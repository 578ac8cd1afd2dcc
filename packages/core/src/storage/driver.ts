import type { FindingEvent } from '../lifecycle/events.js';
import type { RollupCounts, RollupQuery } from '../analytics/rollup-counts.js';
import type { StatusCount } from '../analytics/totals.js';
import type { FindingQuery, Page, Scope } from './query.js';
import type { FindingRow } from './row.js';
import type { WarningView } from '../warnings/view.js';

/** A new finding as an import writes it: its events, in version order, and its row. */
export interface ImportedHistory {
  events: readonly FindingEvent[];
  row: FindingRow;
}

/** A file a tenant's store keeps (evidence): its SHA-256 and its size in bytes. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * The kinds of plain records a store keeps besides findings. `notice`: every entry of the
 * outbox of warnings, kept for good; `notice_due`: the entries still to deliver (pending,
 * failed with a retry, being sent), which a deliverer reads instead of the whole outbox;
 * `outbox_claim`: one per tenant, written first by every claim so that claims take turns.
 */
export type RecordKind = 'organisation' | 'person' | 'inspection' | 'publication' | 'restoration' | 'supervision' | 'notice' | 'notice_due' | 'outbox_claim';

/**
 * What a driver can do natively. The store reads these flags and does the rest
 * itself, so a driver stays small (as unstorage and better-auth do).
 */
export interface DriverCapabilities {
  /** The driver counts findings by category, unit and status itself (SQL `GROUP BY`). */
  groupCounts: boolean;
}

/**
 * One transaction of a driver. Every method acts inside it; nothing is visible to
 * others until the transaction commits, and nothing is kept if it fails.
 */
export interface DriverTransaction {
  /** A plain record (organisation, person, inspection) of a tenant, as stored. */
  getRecord(kind: RecordKind, tenantId: string, id: string): Promise<unknown>;
  /** Every tenant (organisation id) that has an organisation record, sorted. */
  listTenants(): Promise<string[]>;
  /** Every record of a kind of a tenant, ordered by id. */
  listRecords(kind: RecordKind, tenantId: string): Promise<unknown[]>;
  /** Creates or replaces a record. */
  putRecord(kind: RecordKind, tenantId: string, id: string, value: unknown): Promise<void>;
  /**
   * Optional: stores a record only if none has that key, answering whether it did, as
   * one atomic step (`INSERT … ON CONFLICT DO NOTHING`). Numbered records (published
   * versions) use it so that two writers who both read "the next is 5" cannot both
   * store a 5, one over the other. A driver whose transactions run one at a time needs
   * none: without it, the store reads and then puts.
   */
  addRecord?(kind: RecordKind, tenantId: string, id: string, value: unknown): Promise<boolean>;
  /**
   * Optional, the bulk form of {@link DriverTransaction.addRecord}: stores each record
   * whose key is new, as few statements as the database allows, answering the ids it
   * stored. The outbox records a day's warnings with it. Without it, the store adds them
   * one by one.
   */
  addRecords?(kind: RecordKind, tenantId: string, records: readonly { id: string; value: unknown }[]): Promise<Set<string>>;
  /**
   * Optional: removes a record (nothing happens if there is none). The outbox removes an
   * entry from the deliverer's list (`notice_due`) once it is sent or given up, so that a
   * claim reads what is left to deliver, not every notice ever sent. Without it, a claim
   * reads the whole outbox of the tenant.
   */
  deleteRecord?(kind: RecordKind, tenantId: string, id: string): Promise<void>;
  /**
   * A finding's row in a tenant. Ids are the tenant's own: another organisation may have
   * a finding of the same id, which this never returns.
   */
  getFinding(tenantId: string, findingId: string): Promise<FindingRow | undefined>;
  /**
   * Creates or replaces a finding's row. `expectedVersion` is the version the row had
   * when read (0 when new): a driver that sees another version must throw
   * `ConflictError`, so that two writers can never both win. The row's key is its
   * tenant and finding id.
   */
  putFinding(row: FindingRow, expectedVersion: number): Promise<void>;
  /** Appends an event; a second event with the same tenant, finding and version must throw `ConflictError`. */
  appendEvent(tenantId: string, event: FindingEvent): Promise<void>;
  /** Where a tenant's command id was applied: its finding and the version its event got. */
  getCommand(tenantId: string, commandId: string): Promise<{ findingId: string; version: number } | undefined>;
  /** Remembers that a tenant's command id was applied (idempotency key, unique in the tenant). */
  putCommand(tenantId: string, commandId: string, findingId: string, version: number): Promise<void>;
  /**
   * Events of a tenant in (finding id, version) order: of one finding, or of one
   * inspection, optionally only those on or before a day (`event.on <= upTo`).
   */
  listEvents(tenantId: string, filter: { findingId?: string; inspectionId?: string; upTo?: string }): Promise<FindingEvent[]>;
  /** One page of a query, filtered and sorted as {@link runQuery} does. */
  queryFindings(query: FindingQuery): Promise<Page<FindingRow>>;
  /**
   * Optional: the same page as {@link DriverTransaction.queryFindings} (same rows, order and
   * cursor), each row given as its finding's `warningView(state)` instead of the row: what
   * deciding a day's warnings reads. A SQL driver keeps the views in a column so that it
   * parses a few hundred bytes a finding, not the state. Without it, the store derives the
   * views from the rows.
   */
  queryWarningViews?(query: FindingQuery): Promise<Page<WarningView>>;
  /**
   * Optional bulk path of an import: writes new findings, each with its whole history,
   * in as few statements as the database allows. It must do exactly what
   * `appendEvent` and `putCommand` for every event, then `putFinding(row, 0)`, would
   * do, `ConflictError` included. A driver without it gets those calls one by one.
   */
  appendHistories?(tenantId: string, histories: readonly ImportedHistory[]): Promise<void>;
  /**
   * Optional, with {@link DriverTransaction.getFile} and {@link DriverTransaction.listFiles}:
   * keeps evidence files. Stores a file's bytes under its SHA-256 in a tenant, unless the
   * tenant already holds that hash (then it is the same file, and nothing changes). The
   * store computes the hash; the driver keeps the bytes exactly as given. A driver without
   * the three stores no file, and a command with file evidence is refused on it.
   */
  putFile?(tenantId: string, sha256: string, bytes: Uint8Array): Promise<void>;
  /** A tenant's file by its SHA-256, its bytes as stored (another tenant's is never returned). */
  getFile?(tenantId: string, sha256: string): Promise<Uint8Array | undefined>;
  /** A tenant's files, by hash; only those of the hashes named, when `sha256s` is given. */
  listFiles?(tenantId: string, sha256s?: readonly string[]): Promise<StoredFile[]>;
  /** Counts by category, lead unit and status; only when `capabilities.groupCounts`. */
  groupCounts?(scope: Scope): Promise<StatusCount[]>;
  /**
   * Optional: every record of a kind across tenants, in (tenant, id) order, in one read
   * (a supervising office's roll-up reads every organisation and round). Without it the
   * store lists the tenants and reads each one's.
   */
  listAllRecords?(kind: RecordKind): Promise<{ tenantId: string; value: unknown }[]>;
  /**
   * Optional: the counts of a roll-up, from the findings' current rows, as the core's
   * `rollupCounts` computes them (a SQL GROUP BY over the rows' columns). Without it
   * the store replays each organisation's events and counts them itself.
   */
  rollupCounts?(query: RollupQuery): Promise<RollupCounts>;
}

/** How a transaction is run. */
export interface TransactionOptions {
  /**
   * The work only reads: the driver should give it one consistent snapshot without taking
   * a write lock (SQLite `BEGIN DEFERRED` under WAL, PostgreSQL `REPEATABLE READ READ
   * ONLY`), so that a report or a served dashboard never holds up a writer. A driver that
   * ignores it runs the work in an ordinary transaction, which is correct, only slower.
   */
  readOnly?: boolean;
}

/**
 * A storage driver: the small contract a database adapter implements. The store
 * (`createStore`) does validation, permissions, rules, idempotency and history on top,
 * once, for every driver.
 */
export interface StorageDriver {
  /** A name for messages, e.g. `sqlite` or `postgres`. */
  readonly name: string;
  readonly capabilities: DriverCapabilities;
  /** The schema version stored, or `null` for an empty store. */
  schemaVersion(): Promise<number | null>;
  /** Brings the schema from `from` (null: empty) up to `to`, in one transaction. */
  migrate(from: number | null, to: number): Promise<void>;
  /** Runs `work` in one transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (tx: DriverTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Releases connections and files. */
  close(): Promise<void>;
}

/**
 * The schema version this library writes; a store at a higher version is refused.
 * Version 2 (December 2026): finding, command and inspection ids are each tenant's own,
 * every key starting with the tenant. Version 1 kept them unique in the whole store.
 * Version 3: the columns of a roll-up. Version 4: evidence files, by tenant and SHA-256.
 * Version 5: each finding's `WarningView`, for deciding warnings without parsing states.
 */
export const SCHEMA_VERSION = 5;

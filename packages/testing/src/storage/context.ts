import type { StorageDriver, Store, StoreOptions } from '@rectify/core';

/** Reads what a store really holds without going through the driver under test (raw SQL, files…). */
export interface RawReader {
  /** Events stored for a tenant. */
  countEvents(tenantId: string): Promise<number>;
  /** Findings stored for a tenant. */
  countFindings(tenantId: string): Promise<number>;
}

/** Edits of stored events behind the store's back, for the `tamperEvidence` suite. */
export interface RawTamper {
  /** Replaces the stored body (the event's JSON text) of one event of a tenant's finding. */
  updateEvent(tenantId: string, findingId: string, version: number, edit: (body: string) => string): Promise<void>;
  /** Deletes one event of a tenant's finding. */
  deleteEvent(tenantId: string, findingId: string, version: number): Promise<void>;
  /** Inserts an event (its JSON text) of a tenant's finding, as another row. */
  insertEvent(tenantId: string, findingId: string, version: number, body: string): Promise<void>;
}

/** The suites of the kit, each runnable on its own. */
export const STORAGE_SUITES = [
  'records', 'commands', 'idempotency', 'queries', 'analytics', 'deadlines', 'history',
  'concurrency', 'bulkImport', 'tenancy', 'migrations', 'roundTrip', 'hostile', 'forgedBundles', 'tamperEvidence', 'files', 'outbox',
] as const;

/** The name of a suite. */
export type StorageSuite = (typeof STORAGE_SUITES)[number];

/** What an adapter tells the kit. */
export interface StorageAdapterOptions {
  /** Shown in the test names. */
  name: string;
  /** A new, empty store's driver, for every test that needs one. */
  create(): Promise<StorageDriver>;
  /** Cleans up after a test (drop the schema, delete the file); the kit closes the driver first. */
  destroy?(driver: StorageDriver): Promise<void>;
  /**
   * A second, separate connection to the same store, for the concurrency suite: without
   * it there is no second writer to race, and the suite is skipped, saying so.
   */
  connectAgain?(driver: StorageDriver): Promise<StorageDriver>;
  /**
   * Independent reads of what was stored (raw SQL, the file itself): every "a refusal
   * writes nothing" check counts with them, not through the store under test, so they
   * are required.
   */
  raw(driver: StorageDriver): RawReader;
  /**
   * Rewrites stored events the way someone with access to the database would, past the
   * store (raw SQL on its tables, an edit of its file): for the `tamperEvidence` suite,
   * which is skipped, saying so, without it.
   */
  tamper?(driver: StorageDriver): RawTamper;
  /**
   * Overwrites the stored bytes of a tenant's evidence file past the store, for the
   * `files` suite's check that a changed file is named and never returned (skipped,
   * saying so, without it).
   */
  tamperFile?(driver: StorageDriver, tenantId: string, sha256: string, bytes: Uint8Array): Promise<void>;
  /** Overwrites the stored schema version, for the migrations suite. */
  setSchemaVersion?(driver: StorageDriver, version: number): Promise<void>;
  /** Suites not to run, each with the reason why (an empty reason is refused). */
  skip?: Partial<Record<StorageSuite, string>>;
  /**
   * Fuzzed commands and bundles the hostile suite tries, each; default `fuzzRuns()`
   * (10,000 when `CI=true`). A slow database may run fewer, as long as one fast
   * adapter runs the full count.
   */
  fuzzRuns?: number;
  /** Findings per tenant in the generated world (default 24). */
  worldSize?: number;
}

/** What a suite gets: a way to open fresh stores, cleaned up after each test. */
export interface SuiteContext {
  options: StorageAdapterOptions;
  /** Opens a store on a fresh driver (with the store's options, if given); closed and destroyed after the test. */
  open(options?: StoreOptions): Promise<{ store: Store; driver: StorageDriver }>;
  /** Counts events of a tenant with the adapter's raw reads (never through the store). */
  countEvents(store: Store, driver: StorageDriver, tenantId: string): Promise<number>;
  /** Counts findings of a tenant with the adapter's raw reads (never through the store). */
  countFindings(store: Store, driver: StorageDriver, tenantId: string): Promise<number>;
}

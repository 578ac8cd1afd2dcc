import type { StorageDriver, Store } from '@rectify/core';

/** Reads what a store really holds without going through the driver under test (raw SQL, files…). */
export interface RawReader {
  /** Events stored for a tenant. */
  countEvents(tenantId: string): Promise<number>;
  /** Findings stored for a tenant. */
  countFindings(tenantId: string): Promise<number>;
}

/** The suites of the kit, each runnable on its own. */
export const STORAGE_SUITES = [
  'records', 'commands', 'idempotency', 'queries', 'analytics', 'history',
  'concurrency', 'bulkImport', 'tenancy', 'migrations', 'roundTrip', 'hostile', 'forgedBundles',
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
  /** A second, separate connection to the same store, for the concurrency suite. */
  connectAgain?(driver: StorageDriver): Promise<StorageDriver>;
  /** Independent reads of what was stored; without it the kit reads through the store. */
  raw?(driver: StorageDriver): RawReader;
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
  /** Opens a store on a fresh driver; closed and destroyed after the test. */
  open(): Promise<{ store: Store; driver: StorageDriver }>;
  /** Counts events of a tenant, independently when the adapter allows it. */
  countEvents(store: Store, driver: StorageDriver, tenantId: string): Promise<number>;
  /** Counts findings of a tenant, independently when the adapter allows it. */
  countFindings(store: Store, driver: StorageDriver, tenantId: string): Promise<number>;
}

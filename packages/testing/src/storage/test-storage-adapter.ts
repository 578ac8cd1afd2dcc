import { afterAll, afterEach, describe } from 'vitest';
import { openStore, type StorageDriver, type Store } from '@rectify/core';
import { commandsSuite, idempotencySuite, migrationsSuite, recordsSuite } from './basics.js';
import { forgedBundlesSuite } from './forged-bundles-suite.js';
import { hostileSuite } from './hostile-suite.js';
import { STORAGE_SUITES, type StorageAdapterOptions, type StorageSuite, type SuiteContext } from './context.js';
import {
  analyticsSuite,
  bulkImportSuite,
  concurrencySuite,
  historySuite,
  queriesSuite,
  roundTripSuite,
  tenancySuite,
} from './world-suites.js';

const SUITES: Record<StorageSuite, (ctx: SuiteContext) => void> = {
  records: recordsSuite,
  commands: commandsSuite,
  idempotency: idempotencySuite,
  queries: queriesSuite,
  analytics: analyticsSuite,
  history: historySuite,
  concurrency: concurrencySuite,
  bulkImport: bulkImportSuite,
  tenancy: tenancySuite,
  migrations: migrationsSuite,
  roundTrip: roundTripSuite,
  hostile: hostileSuite,
  forgedBundles: forgedBundlesSuite,
};

/**
 * Runs the conformance kit against a storage adapter: every suite unless skipped with
 * a reason. Call it at the top level of a vitest test file.
 *
 * @example
 * ```ts
 * import { testStorageAdapter } from '@rectify/testing';
 * import { sqliteDriver } from '@rectify/storage-sqlite';
 *
 * testStorageAdapter({
 *   name: 'sqlite :memory:',
 *   create: async () => sqliteDriver(':memory:'),
 *   skip: { concurrency: 'one connection to :memory: cannot be shared' },
 * });
 * ```
 */
export function testStorageAdapter(options: StorageAdapterOptions): void {
  for (const [suite, reason] of Object.entries(options.skip ?? {})) {
    if (!STORAGE_SUITES.includes(suite as StorageSuite)) throw new Error(`Unknown suite "${suite}" in the skip list`);
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`Skipping suite "${suite}" needs a reason`);
  }
  describe(`storage adapter: ${options.name}`, () => {
    for (const suite of STORAGE_SUITES) {
      const reason = options.skip?.[suite];
      describe.skipIf(reason !== undefined)(reason ? `${suite} (skipped: ${reason})` : suite, () => {
        const opened: { store: Store; driver: StorageDriver }[] = [];
        const ctx: SuiteContext = {
          options,
          async open() {
            const driver = await options.create();
            const store = await openStore(driver);
            opened.push({ store, driver });
            return { store, driver };
          },
          async countEvents(store, driver, tenantId) {
            if (options.raw) return options.raw(driver).countEvents(tenantId);
            return (await store.exportBundle({ organisationId: tenantId })).events.length;
          },
          async countFindings(store, driver, tenantId) {
            if (options.raw) return options.raw(driver).countFindings(tenantId);
            return (await store.totals({ organisationId: tenantId })).total;
          },
        };
        afterEach(async () => {
          // Read-only suites build their world once: keep those stores until the end.
          if (['queries', 'analytics', 'history', 'tenancy'].includes(suite)) return;
          await closeAll(opened.splice(0), options);
        });
        afterAll(() => closeAll(opened.splice(0), options));
        SUITES[suite](ctx);
      });
    }
  });
}

async function closeAll(opened: { store: Store; driver: StorageDriver }[], options: StorageAdapterOptions): Promise<void> {
  for (const { store, driver } of opened) {
    await store.close();
    await options.destroy?.(driver);
  }
}

import { afterAll, afterEach, describe } from 'vitest';
import { openStore, type StorageDriver, type Store } from '@rectify/core';
import { commandsSuite, idempotencySuite, migrationsSuite, recordsSuite } from './basics.js';
import { deadlinesSuite } from './deadlines-suite.js';
import { forgedBundlesSuite } from './forged-bundles-suite.js';
import { hostileSuite } from './hostile-suite.js';
import { tamperEvidenceSuite } from './tamper-suite.js';
import { filesSuite } from './files-suite.js';
import { outboxSuite } from './outbox-suite.js';
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
  deadlines: deadlinesSuite,
  history: historySuite,
  concurrency: concurrencySuite,
  bulkImport: bulkImportSuite,
  tenancy: tenancySuite,
  migrations: migrationsSuite,
  roundTrip: roundTripSuite,
  hostile: hostileSuite,
  forgedBundles: forgedBundlesSuite,
  tamperEvidence: tamperEvidenceSuite,
  files: filesSuite,
  outbox: outboxSuite,
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
  if (typeof options.raw !== 'function') throw new Error('The kit needs raw reads (options.raw): it counts what a refusal wrote without going through the store under test');
  describe(`storage adapter: ${options.name}`, () => {
    for (const suite of STORAGE_SUITES) {
      const reason = options.skip?.[suite] ?? missing(suite, options);
      describe.skipIf(reason !== undefined)(reason ? `${suite} (skipped: ${reason})` : suite, () => {
        const opened: { store: Store; driver: StorageDriver }[] = [];
        const ctx: SuiteContext = {
          options,
          async open(storeOptions) {
            const driver = await options.create();
            const store = await openStore(driver, storeOptions);
            opened.push({ store, driver });
            return { store, driver };
          },
          countEvents: (_store, driver, tenantId) => options.raw(driver).countEvents(tenantId),
          countFindings: (_store, driver, tenantId) => options.raw(driver).countFindings(tenantId),
        };
        afterEach(async () => {
          // Read-only suites build their world once: keep those stores until the end.
          if (['queries', 'analytics', 'deadlines', 'history', 'tenancy'].includes(suite)) return;
          await closeAll(opened.splice(0), options);
        });
        afterAll(() => closeAll(opened.splice(0), options));
        SUITES[suite](ctx);
      });
    }
  });
}

/**
 * Why a suite cannot run on what the adapter gave: a suite whose independent part is
 * missing is skipped, with the reason in its name, rather than passing against itself.
 */
function missing(suite: StorageSuite, options: StorageAdapterOptions): string | undefined {
  if (suite === 'concurrency' && options.connectAgain === undefined) return 'no second connection (connectAgain): there is no second writer to race';
  if (suite === 'migrations' && options.setSchemaVersion === undefined) return 'no way to change the stored schema version (setSchemaVersion)';
  if (suite === 'tamperEvidence' && options.tamper === undefined) return 'no raw writes past the store (tamper)';
  return undefined;
}

async function closeAll(opened: { store: Store; driver: StorageDriver }[], options: StorageAdapterOptions): Promise<void> {
  for (const { store, driver } of opened) {
    await store.close();
    await options.destroy?.(driver);
  }
}

import { memoryDriver, type DriverTransaction, type StorageDriver } from '@rectify/core';
import { testStorageAdapter, type RawReader } from '../src/index.js';

/**
 * A memory driver that keeps its own tally of what each committed transaction wrote:
 * events appended and findings created, per tenant. The kit's "a refusal writes
 * nothing" then counts at the driver, not through the store under test, and in
 * constant time: counting through `exportBundle` after each of 10,000 fuzzed commands
 * made that check quadratic (some 160 s in CI).
 */
function talliedMemoryDriver(): StorageDriver & { tally: RawReader } {
  const inner = memoryDriver();
  const events = new Map<string, number>();
  const findings = new Map<string, number>();
  const add = (map: Map<string, number>, into: Map<string, number>) => {
    for (const [tenant, n] of map) into.set(tenant, (into.get(tenant) ?? 0) + n);
  };
  return {
    ...inner,
    transaction: (work) =>
      inner.transaction(async (tx) => {
        const appended = new Map<string, number>();
        const created = new Map<string, number>();
        const counted: DriverTransaction = {
          ...tx,
          appendEvent: async (tenantId, event) => {
            await tx.appendEvent(tenantId, event);
            appended.set(tenantId, (appended.get(tenantId) ?? 0) + 1);
          },
          putFinding: async (row, expectedVersion) => {
            await tx.putFinding(row, expectedVersion);
            if (expectedVersion === 0) created.set(row.tenantId, (created.get(row.tenantId) ?? 0) + 1);
          },
        };
        const result = await work(counted);
        // Only a transaction that resolves commits; only then does its tally count.
        add(appended, events);
        add(created, findings);
        return result;
      }),
    tally: {
      countEvents: async (tenantId) => events.get(tenantId) ?? 0,
      countFindings: async (tenantId) => findings.get(tenantId) ?? 0,
    },
  };
}

// The reference driver runs the whole kit: what the kit asks of others, it asks of it.
testStorageAdapter({
  name: 'memory',
  create: async () => talliedMemoryDriver(),
  raw: (driver) => (driver as ReturnType<typeof talliedMemoryDriver>).tally,
  skip: { migrations: 'a memory store starts empty every time: there is no older or newer schema to meet' },
});

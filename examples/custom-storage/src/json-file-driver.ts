/**
 * A storage driver that keeps a whole store in one JSON file, written atomically
 * (temporary file, then rename) when a transaction commits, and read again at the
 * start of the next one. It implements the driver
 * contract of `@rectify/core` and nothing more: it declares `groupCounts: false`, so
 * the store counts totals itself by paging through findings, and it answers queries
 * with the core's reference `runQuery`; it keeps evidence files in the JSON as Base64.
 * Fine for a few thousand findings in one process.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  base64ToBytes,
  bytesToBase64,
  ConflictError,
  runQuery,
  SerialLock,
  type DriverTransaction,
  type FindingEvent,
  type FindingRow,
  type StorageDriver,
} from '@rectify/core';

type Data = Record<string, unknown>;

export function jsonFileDriver(filename: string): StorageDriver {
  const lock = new SerialLock();
  // Read at every transaction: the file is the truth, not a copy this process holds.
  const load = (): Data => (existsSync(filename) ? (JSON.parse(readFileSync(filename, 'utf8')) as Data) : {});
  const save = (next: Data) => {
    writeFileSync(`${filename}.tmp`, JSON.stringify(next));
    renameSync(`${filename}.tmp`, filename);
  };
  // A transaction works on a fresh copy; the copy replaces the file only if the work succeeds.
  const transaction = <T>(work: (tx: DriverTransaction) => Promise<T>) =>
    lock.run(async () => {
      const draft = load();
      const result = await work(over(draft));
      save(draft);
      return result;
    });

  return {
    name: 'json-file',
    capabilities: { groupCounts: false },
    schemaVersion: () => lock.run(async () => (load()['meta/schema_version'] as number | undefined) ?? null),
    migrate: (_from, to) => lock.run(async () => save({ ...load(), 'meta/schema_version': to })),
    transaction,
    close: async () => undefined,
  };
}

function over(d: Data): DriverTransaction {
  const keys = (prefix: string) => Object.keys(d).filter((k) => k.startsWith(prefix)).sort();
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  // Findings, events and command ids are each tenant's own: every key names the tenant.
  const rows = (tenantId: string) => keys(`tenant/${tenantId}/`).map((k) => d[`finding/${tenantId}/${k.split('/')[2]}`] as FindingRow);
  const eventKey = (tenantId: string, findingId: string, version: number) => `event/${tenantId}/${findingId}/${String(version).padStart(9, '0')}`;
  return {
    getRecord: async (kind, tenantId, id) => copy(d[`record/${kind}/${tenantId}/${id}`]),
    listRecords: async (kind, tenantId) => keys(`record/${kind}/${tenantId}/`).map((k) => copy(d[k])),
    putRecord: async (kind, tenantId, id, value) => {
      d[`record/${kind}/${tenantId}/${id}`] = copy(value);
    },
    listTenants: async () => keys('record/organisation/').map((k) => k.split('/')[2]!),
    getFinding: async (tenantId, id) => copy(d[`finding/${tenantId}/${id}`] as FindingRow | undefined),
    putFinding: async (row, expectedVersion) => {
      const key = `finding/${row.tenantId}/${row.findingId}`;
      const current = (d[key] as FindingRow | undefined)?.version ?? 0;
      if (current !== expectedVersion) throw new ConflictError(row.findingId, expectedVersion, current);
      d[key] = copy(row);
      d[`tenant/${row.tenantId}/${row.findingId}`] = true;
    },
    appendEvent: async (tenantId, event) => {
      const key = eventKey(tenantId, event.findingId, event.version);
      if (key in d) throw new ConflictError(event.findingId, event.version - 1, event.version);
      d[key] = copy(event);
    },
    getCommand: async (tenantId, id) => copy(d[`command/${tenantId}/${id}`] as { findingId: string; version: number } | undefined),
    putCommand: async (tenantId, id, findingId, version) => {
      d[`command/${tenantId}/${id}`] = { findingId, version };
    },
    listEvents: async (tenantId, filter) =>
      rows(tenantId)
        .filter((r) => (filter.findingId === undefined || r.findingId === filter.findingId) && (filter.inspectionId === undefined || r.inspectionId === filter.inspectionId))
        .flatMap((r) => keys(`event/${tenantId}/${r.findingId}/`).map((k) => copy(d[k]) as FindingEvent))
        .filter((e) => filter.upTo === undefined || e.on <= filter.upTo),
    queryFindings: async (query) => copy(runQuery(rows(query.organisationId), query)),
    // Evidence files, in Base64 under their tenant and hash: the store hashes them, the driver keeps the bytes.
    putFile: async (tenantId, sha256, bytes) => {
      d[`file/${tenantId}/${sha256}`] ??= bytesToBase64(bytes);
    },
    getFile: async (tenantId, sha256) => {
      const text = d[`file/${tenantId}/${sha256}`] as string | undefined;
      return text === undefined ? undefined : base64ToBytes(text);
    },
    listFiles: async (tenantId, sha256s) =>
      keys(`file/${tenantId}/`)
        .map((k) => ({ sha256: k.split('/')[2]!, size: base64ToBytes(d[k] as string).length }))
        .filter((f) => sha256s === undefined || sha256s.includes(f.sha256)),
  };
}

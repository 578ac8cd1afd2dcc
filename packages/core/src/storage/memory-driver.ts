import { rollupCounts } from '../analytics/rollup-counts.js';
import { countByGroup } from '../analytics/totals.js';
import { ConflictError } from '../errors/domain-errors.js';
import type { FindingEvent } from '../lifecycle/events.js';
import type { DriverTransaction, RecordKind, StorageDriver } from './driver.js';
import { SerialLock } from './lock.js';
import { runQuery } from './query.js';
import type { FindingRow } from './row.js';

interface MemoryData {
  schemaVersion: number | null;
  records: Map<string, unknown>;
  /** Findings, their events and command ids, each by tenant and id ({@link own}). */
  findings: Map<string, FindingRow>;
  tenantFindings: Map<string, Set<string>>;
  events: Map<string, FindingEvent[]>;
  commands: Map<string, { findingId: string; version: number }>;
  /** Evidence files by tenant and SHA-256 ({@link own}). */
  files: Map<string, Uint8Array>;
}

const key = (kind: RecordKind, tenantId: string, id: string) => `${kind}\u0000${tenantId}\u0000${id}`;
/** A tenant's own id: ids of findings and commands are unique within a tenant, not across them. */
const own = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;

/**
 * The reference storage driver: everything in memory, no dependencies. Transactions
 * run one at a time and are undone on failure, so it behaves like a database for the
 * conformance kit. Values are copied in and out, so callers cannot change what is stored.
 *
 * @example
 * ```ts
 * const store = await openStore(memoryDriver());
 * ```
 */
export function memoryDriver(): StorageDriver {
  const data: MemoryData = {
    schemaVersion: null,
    records: new Map(),
    findings: new Map(),
    tenantFindings: new Map(),
    events: new Map(),
    commands: new Map(),
    files: new Map(),
  };
  const lock = new SerialLock();
  let closed = false;

  return {
    name: 'memory',
    capabilities: { groupCounts: true },
    schemaVersion: async () => data.schemaVersion,
    migrate: async (_from, to) => {
      data.schemaVersion = to;
    },
    transaction: (work, options) =>
      lock.run(async () => {
        if (closed) throw new Error('The memory store is closed');
        const undo: (() => void)[] = [];
        try {
          const tx = transactionOver(data, undo);
          return await work(options?.readOnly ? readOnly(tx) : tx);
        } catch (error) {
          for (const step of undo.reverse()) step();
          throw error;
        }
      }),
    close: async () => {
      closed = true;
    },
  };
}

/**
 * A transaction whose writes throw, as a database's read-only transaction does: a store
 * that wrote inside a read would be caught here, in the kit, not in production.
 */
function readOnly(tx: DriverTransaction): DriverTransaction {
  const refuse = async (): Promise<never> => {
    throw new Error('A write inside a read-only transaction');
  };
  return { ...tx, putRecord: refuse, addRecord: refuse, addRecords: refuse, deleteRecord: refuse, putFinding: refuse, appendEvent: refuse, putCommand: refuse, appendHistories: refuse, putFile: refuse };
}

/** Puts `value` at `k` in `map`, recording how to put back what was there. */
function setWithUndo<K, V>(map: Map<K, V>, k: K, value: V, undo: (() => void)[]): void {
  const had = map.has(k);
  const before = map.get(k);
  map.set(k, value);
  undo.push(() => (had ? map.set(k, before as V) : map.delete(k)));
}

function transactionOver(data: MemoryData, undo: (() => void)[]): DriverTransaction {
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async getRecord(kind, tenantId, id) {
      return copy(data.records.get(key(kind, tenantId, id)));
    },
    async listRecords(kind, tenantId) {
      const prefix = key(kind, tenantId, '');
      return [...data.records.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, v]) => copy(v));
    },
    async putRecord(kind, tenantId, id, value) {
      setWithUndo(data.records, key(kind, tenantId, id), copy(value), undo);
    },
    async deleteRecord(kind, tenantId, id) {
      const k = key(kind, tenantId, id);
      if (!data.records.has(k)) return;
      const before = data.records.get(k);
      data.records.delete(k);
      undo.push(() => data.records.set(k, before));
    },
    async listTenants() {
      return [...data.records.keys()]
        .map((k) => k.split('\u0000'))
        .filter(([kind]) => kind === 'organisation')
        .map(([, tenantId]) => tenantId!)
        .sort();
    },
    async getFinding(tenantId, findingId) {
      return copy(data.findings.get(own(tenantId, findingId)));
    },
    async putFinding(row, expectedVersion) {
      const k = own(row.tenantId, row.findingId);
      const current = data.findings.get(k)?.version ?? 0;
      if (current !== expectedVersion) throw new ConflictError(row.findingId, expectedVersion, current);
      setWithUndo(data.findings, k, copy(row), undo);
      const set = data.tenantFindings.get(row.tenantId) ?? new Set<string>();
      if (!set.has(row.findingId)) {
        set.add(row.findingId);
        data.tenantFindings.set(row.tenantId, set);
        undo.push(() => set.delete(row.findingId));
      }
    },
    async appendEvent(tenantId, event) {
      const k = own(tenantId, event.findingId);
      const list = data.events.get(k) ?? [];
      if (list.length + 1 !== event.version) throw new ConflictError(event.findingId, event.version - 1, list.length);
      setWithUndo(data.events, k, [...list, copy(event)], undo);
    },
    async getCommand(tenantId, commandId) {
      return copy(data.commands.get(own(tenantId, commandId)));
    },
    async putCommand(tenantId, commandId, findingId, version) {
      setWithUndo(data.commands, own(tenantId, commandId), { findingId, version }, undo);
    },
    async listEvents(tenantId, filter) {
      const ids = [...(data.tenantFindings.get(tenantId) ?? [])].sort();
      const out: FindingEvent[] = [];
      for (const id of ids) {
        if (filter.findingId !== undefined && id !== filter.findingId) continue;
        if (filter.inspectionId !== undefined && data.findings.get(own(tenantId, id))?.inspectionId !== filter.inspectionId) continue;
        for (const e of data.events.get(own(tenantId, id)) ?? []) if (filter.upTo === undefined || e.on <= filter.upTo) out.push(copy(e));
      }
      return out;
    },
    async putFile(tenantId, sha256, bytes) {
      const k = own(tenantId, sha256);
      if (!data.files.has(k)) setWithUndo(data.files, k, bytes.slice(), undo);
    },
    async getFile(tenantId, sha256) {
      return data.files.get(own(tenantId, sha256))?.slice();
    },
    async listFiles(tenantId, sha256s) {
      const prefix = own(tenantId, '');
      const wanted = sha256s === undefined ? undefined : new Set(sha256s);
      return [...data.files.entries()]
        .filter(([k]) => k.startsWith(prefix) && (wanted === undefined || wanted.has(k.slice(prefix.length))))
        .map(([k, bytes]) => ({ sha256: k.slice(prefix.length), size: bytes.length }))
        .sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
    },
    async queryFindings(query) {
      const ids = data.tenantFindings.get(query.organisationId) ?? new Set<string>();
      const page = runQuery([...ids].map((id) => data.findings.get(own(query.organisationId, id))!), query);
      return copy(page);
    },
    async groupCounts(scope) {
      const ids = data.tenantFindings.get(scope.organisationId) ?? new Set<string>();
      const states = [...ids]
        .map((id) => data.findings.get(own(scope.organisationId, id))!)
        .filter((r) => scope.inspectionId === undefined || r.inspectionId === scope.inspectionId)
        .map((r) => r.state);
      return countByGroup(states);
    },
    async rollupCounts(query) {
      // The reference itself, over the current rows (only the rounds the query names).
      return rollupCounts(data.findings.values(), query);
    },
  };
}

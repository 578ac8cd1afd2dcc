import type { DriverTransaction, ImportedHistory } from './driver.js';

/**
 * Findings an import writes at once. Large enough that a SQL driver's multi-row
 * inserts pay for themselves (one round trip to PostgreSQL per statement instead of
 * one per event), small enough that a batch of long histories stays a few megabytes.
 */
export const IMPORT_BATCH = 500;

/** New findings waiting to be written, grouped by tenant, in the order they came. */
export class ImportBatch {
  private byTenant = new Map<string, ImportedHistory[]>();
  /** How many findings wait. */
  size = 0;

  add(tenantId: string, history: ImportedHistory): void {
    const list = this.byTenant.get(tenantId);
    if (list === undefined) this.byTenant.set(tenantId, [history]);
    else list.push(history);
    this.size += 1;
  }

  /** Everything waiting, emptying the batch. */
  take(): [string, ImportedHistory[]][] {
    const all = [...this.byTenant];
    this.byTenant = new Map();
    this.size = 0;
    return all;
  }
}

/** Writes new findings with their histories: in bulk when the driver can, else one call at a time. */
export async function writeHistories(tx: DriverTransaction, tenantId: string, histories: readonly ImportedHistory[]): Promise<void> {
  if (tx.appendHistories !== undefined) return tx.appendHistories(tenantId, histories);
  for (const { events, row } of histories) {
    for (const event of events) {
      await tx.appendEvent(tenantId, event);
      await tx.putCommand(tenantId, event.commandId, event.findingId, event.version);
    }
    await tx.putFinding(row, 0);
  }
}

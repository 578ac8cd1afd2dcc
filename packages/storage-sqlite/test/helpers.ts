import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for test databases, removed at exit. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-sqlite-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Reads a store's file directly, with a connection of its own (not the driver under test). */
export function rawCount(filename: string, table: 'events' | 'findings', tenantId: string): number {
  const db = new Database(filename, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM rectify_${table} WHERE tenant_id = ?`).get(tenantId) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Counts rows of a tenant on an open connection (the driver's own, read past the driver's code). */
export function countOn(db: Database.Database, table: 'events' | 'findings', tenantId: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM rectify_${table} WHERE tenant_id = ?`).get(tenantId) as { n: number }).n;
}

/** Raw SQL edits of a store's events, as someone with the file would make them. */
export function tamperOn(open: () => Database.Database) {
  const on = (work: (db: Database.Database) => void) => {
    const db = open();
    try {
      work(db);
    } finally {
      if (db.open && db.name !== ':memory:') db.close();
    }
  };
  return {
    updateEvent: async (tenantId: string, findingId: string, version: number, edit: (body: string) => string) =>
      on((db) => {
        const { body } = db.prepare('SELECT body FROM rectify_events WHERE tenant_id = ? AND finding_id = ? AND version = ?').get(tenantId, findingId, version) as { body: string };
        db.prepare('UPDATE rectify_events SET body = ? WHERE tenant_id = ? AND finding_id = ? AND version = ?').run(edit(body), tenantId, findingId, version);
      }),
    deleteEvent: async (tenantId: string, findingId: string, version: number) => on((db) => db.prepare('DELETE FROM rectify_events WHERE tenant_id = ? AND finding_id = ? AND version = ?').run(tenantId, findingId, version)),
    insertEvent: async (tenantId: string, findingId: string, version: number, body: string) =>
      on((db) => db.prepare('INSERT INTO rectify_events (finding_id, version, tenant_id, on_day, body) VALUES (?, ?, ?, ?, ?)').run(findingId, version, tenantId, (JSON.parse(body) as { on: string }).on, body)),
    updateFile: async (tenantId: string, sha256: string, bytes: Uint8Array) =>
      on((db) => db.prepare('UPDATE rectify_files SET body = ? WHERE tenant_id = ? AND sha256 = ?').run(Buffer.from(bytes), tenantId, sha256)),
  };
}

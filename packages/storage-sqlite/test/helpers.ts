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

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '@rectify/core';
import { buildWorld } from '@rectify/testing';
import { sqliteDriver } from '../src/index.js';
import { tempDir } from './helpers.js';

const dir = tempDir();

/** Another process writes an organisation to the file, waiting for no lock (busy_timeout 0): it fails if anyone holds the write lock. */
function writeFromAnotherProcess(filename: string, id: string): void {
  const script = `
    const db = require('better-sqlite3')(${JSON.stringify(filename)});
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO rectify_records (kind, tenant_id, id, body) VALUES ('organisation', ?, ?, ?)").run(${JSON.stringify(id)}, ${JSON.stringify(id)}, JSON.stringify({ id: ${JSON.stringify(id)}, name: 'X', units: [] }));
    db.exec('COMMIT');
    db.close();`;
  execFileSync(process.execPath, ['-e', script], { cwd: join(import.meta.dirname, '..'), stdio: 'pipe' });
}

describe('sqlite: reads', () => {
  it('hold no write lock, and see one snapshot from their first read to their end', async () => {
    const filename = join(dir, 'snapshot.db');
    const store = await openStore(sqliteDriver({ filename }));
    try {
      await buildWorld(store, 4);
      const seen = await store.read(async (reader) => {
        const before = (await reader.organisations()).map((o) => o.id);
        // A dashboard being rendered must not stop another process from writing.
        writeFromAnotherProcess(filename, 'org-x');
        const after = (await reader.organisations()).map((o) => o.id);
        return { before, after };
      });
      expect(seen.before).toEqual(['org-a', 'org-b']);
      expect(seen.after).toEqual(seen.before);
      expect((await store.organisations()).map((o) => o.id)).toEqual(['org-a', 'org-b', 'org-x']);
    } finally {
      await store.close();
    }
  });
});

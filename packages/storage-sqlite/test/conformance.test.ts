import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { StorageDriver } from '@rectify/core';
import { testStorageAdapter } from '@rectify/testing';
import { sqliteDriver, type SqliteStorageDriver } from '../src/index.js';
import { countOn, rawCount, tamperOn, tempDir } from './helpers.js';

const dir = tempDir();
const files = new WeakMap<StorageDriver, string>();
let n = 0;

testStorageAdapter({
  name: 'sqlite (file, WAL)',
  create: async () => {
    const filename = join(dir, `store-${++n}.db`);
    const driver = sqliteDriver({ filename });
    files.set(driver, filename);
    return driver;
  },
  connectAgain: async (driver) => {
    const again = sqliteDriver({ filename: files.get(driver)! });
    files.set(again, files.get(driver)!);
    return again;
  },
  raw: (driver) => ({
    countEvents: async (tenantId) => rawCount(files.get(driver)!, 'events', tenantId),
    countFindings: async (tenantId) => rawCount(files.get(driver)!, 'findings', tenantId),
  }),
  // A connection of its own to the file, as anyone with the file could open.
  tamper: (driver) => tamperOn(() => new Database(files.get(driver)!)),
  tamperFile: (driver, tenantId, sha256, bytes) => tamperOn(() => new Database(files.get(driver)!)).updateFile(tenantId, sha256, bytes),
  setSchemaVersion: async (driver, version) => {
    const db = new Database(files.get(driver)!);
    db.prepare(`UPDATE rectify_meta SET value = ? WHERE key = 'schema_version'`).run(String(version));
    db.close();
  },
});

testStorageAdapter({
  name: 'sqlite (:memory:)',
  create: async () => sqliteDriver(':memory:'),
  // A :memory: database lives in its one connection: read and edit it there, in plain SQL.
  raw: (driver) => ({
    countEvents: async (tenantId) => countOn((driver as SqliteStorageDriver).database, 'events', tenantId),
    countFindings: async (tenantId) => countOn((driver as SqliteStorageDriver).database, 'findings', tenantId),
  }),
  tamper: (driver) => tamperOn(() => (driver as SqliteStorageDriver).database),
  tamperFile: (driver, tenantId, sha256, bytes) => tamperOn(() => (driver as SqliteStorageDriver).database).updateFile(tenantId, sha256, bytes),
  // The file adapter above runs the hostile suite's full count; the same SQL needs no second.
  fuzzRuns: process.env['CI'] === 'true' ? 1_000 : 100,
  skip: {
    concurrency: 'a :memory: database lives in one connection: there is no second writer to race',
    migrations: 'a :memory: database cannot be opened a second time to change its schema version',
  },
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageDriver } from '@rectify/core';
import { fuzzRuns, testStorageAdapter } from '@rectify/testing';
import { jsonFileDriver } from '../src/json-file-driver.js';

const dir = mkdtempSync(join(tmpdir(), 'rectify-json-'));
const files = new WeakMap<StorageDriver, string>();
let n = 0;
const read = (driver: StorageDriver) => JSON.parse(readFileSync(files.get(driver)!, 'utf8')) as Record<string, unknown>;

// A third party's adapter runs the kit exactly as ours do.
testStorageAdapter({
  name: 'json file (third-party example)',
  create: async () => {
    const file = join(dir, `store-${++n}.json`);
    const driver = jsonFileDriver(file);
    files.set(driver, file);
    return driver;
  },
  // Independent reads: the file itself, not the driver.
  raw: (driver) => ({
    countEvents: async (tenantId) => {
      const data = read(driver);
      const ids = Object.keys(data).filter((k) => k.startsWith(`tenant/${tenantId}/`)).map((k) => k.split('/')[2]);
      return Object.keys(data).filter((k) => k.startsWith('event/') && ids.includes(k.split('/')[1])).length;
    },
    countFindings: async (tenantId) => Object.keys(read(driver)).filter((k) => k.startsWith(`tenant/${tenantId}/`)).length,
  }),
  // The file is rewritten on every transaction: 2,000 fuzzed cases here (some 25 s in
  // CI) while the SQLite and memory adapters run the full 10,000.
  fuzzRuns: Math.min(fuzzRuns(), 2000),
  setSchemaVersion: async (driver, version) => {
    writeFileSync(files.get(driver)!, JSON.stringify({ ...read(driver), 'meta/schema_version': version }));
  },
});

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
    countEvents: async (tenantId) => Object.keys(read(driver)).filter((k) => k.startsWith(`event/${tenantId}/`)).length,
    countFindings: async (tenantId) => Object.keys(read(driver)).filter((k) => k.startsWith(`tenant/${tenantId}/`)).length,
  }),
  // Edits of the file itself, as anyone who can write it could make them.
  tamper: (driver) => {
    // The kit's findings have ids no two of its tenants share: the tenant is found from the id.
    const key = (tenantId: string, findingId: string, version: number) => `event/${tenantId}/${findingId}/${String(version).padStart(9, '0')}`;
    const rewrite = (change: (data: Record<string, unknown>) => void) => {
      const data = read(driver);
      change(data);
      writeFileSync(files.get(driver)!, JSON.stringify(data));
    };
    return {
      updateEvent: async (tenantId, findingId, version, edit) => rewrite((d) => { const k = key(tenantId, findingId, version); d[k] = JSON.parse(edit(JSON.stringify(d[k]))); }),
      deleteEvent: async (tenantId, findingId, version) => rewrite((d) => { delete d[key(tenantId, findingId, version)]; }),
      insertEvent: async (tenantId, findingId, version, body) => rewrite((d) => { d[key(tenantId, findingId, version)] = JSON.parse(body); }),
    };
  },
  tamperFile: async (driver, tenantId, sha256, bytes) => {
    writeFileSync(files.get(driver)!, JSON.stringify({ ...read(driver), [`file/${tenantId}/${sha256}`]: Buffer.from(bytes).toString('base64') }));
  },
  // The file is rewritten on every transaction: 2,000 fuzzed cases here (some 25 s in
  // CI) while the SQLite and memory adapters run the full 10,000.
  fuzzRuns: Math.min(fuzzRuns(), 2000),
  setSchemaVersion: async (driver, version) => {
    writeFileSync(files.get(driver)!, JSON.stringify({ ...read(driver), 'meta/schema_version': version }));
  },
});

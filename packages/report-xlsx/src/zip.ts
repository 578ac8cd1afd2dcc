import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Packs a ZIP file again so that the same content gives the same bytes: exceljs
 * stamps every entry with the time it was written. Entries keep their order and get
 * one fixed time (1980-01-01 00:00, the earliest a ZIP can hold, built from local
 * fields because ZIP times are local); directory entries are dropped.
 */
export function stableZip(zip: Uint8Array): Uint8Array {
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (!name.endsWith('/')) entries[name] = [data, { mtime }];
  }
  return zipSync(entries, { level: 6 });
}

import { unzipSync, zipSync, type Zippable } from 'fflate';

/** 1980-01-01 00:00 local time, the earliest a ZIP header holds; every entry gets it. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Parts larger than this (16 MiB: a sheet of some 10,000 findings) are deflated at
 * level 1, the rest at 6. On the benchmark's ledger of 20,000 findings level 6 took
 * twice the time of level 1 and grew faster than the data, for files 25 % smaller.
 */
const FAST_ABOVE = 16 * 2 ** 20;

/**
 * Compresses a ZIP whose entries are stored uncompressed, with every entry stamped
 * 1980-01-01, so the same content gives the same bytes.
 *
 * Why not let exceljs compress: it deflates through JSZip's JavaScript port of zlib,
 * which took a third of the time of a 10,000-finding ledger (see docs/benchmarks.md);
 * fflate's deflate does the same work in a fraction of the time, in any JavaScript
 * runtime. Entries keep their order, so Excel finds `[Content_Types].xml` first.
 */
export function compressStoredZip(stored: Uint8Array): Uint8Array {
  const entries = unzipSync(stored);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { level: data.length > FAST_ABOVE ? 1 : 6, mtime: FIXED_TIME }];
  return zipSync(files);
}

import { Inflate } from 'fflate';
import { zipEntries, zipTooLarge, type ZipEntry } from '@rectify/core';

/**
 * Why a workbook must not be opened (a zip bomb: parts that inflate far beyond the
 * file), or `undefined` when it may be opened, or when it is no ZIP file at all (the
 * caller's reader then says it is not a workbook).
 *
 * Two checks, both before exceljs inflates every part into memory: the sizes the ZIP
 * directory declares ({@link zipTooLarge}), then each part inflated once, 16 KiB at
 * a time and nothing kept, stopped as soon as it passes the size it declared. A
 * directory can lie; the inflated bytes cannot.
 */
export function workbookTooLarge(data: Uint8Array): string | undefined {
  let entries: ZipEntry[];
  try {
    const declared = zipTooLarge(data);
    if (declared !== undefined) return declared;
    entries = zipEntries(data);
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const why = inflatesPastDeclared(data, entry);
    if (why !== undefined) return why;
  }
  return undefined;
}

/**
 * The deflated bytes are fed in slices this large: a slice inflates to at most ~1,000
 * times its size (16 MiB), and checking a 2.7 MB workbook of 100,000 rows takes 0.16 s
 * against 3.4 s for exceljs to open it (4 KiB slices: 0.24 s).
 */
const SLICE = 16_384;

const LOCAL_HEADER = 0x04034b50;

/** Thrown from the inflater's output callback to stop it. */
class PastDeclared extends Error {}

function inflatesPastDeclared(data: Uint8Array, entry: ZipEntry): string | undefined {
  if (entry.method !== 8) return undefined; // stored: it is as large as its bytes in the file
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localHeaderOffset;
  // A missing local header is a damaged file, which the reader reports.
  if (at + 30 > data.length || view.getUint32(at, true) !== LOCAL_HEADER) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const deflated = data.subarray(start, Math.min(data.length, start + entry.compressedSize));
  let inflated = 0;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
    if (inflated > entry.uncompressedSize) throw new PastDeclared();
  });
  try {
    for (let i = 0; i < deflated.length; i += SLICE) inflater.push(deflated.subarray(i, i + SLICE), i + SLICE >= deflated.length);
  } catch (error) {
    if (error instanceof PastDeclared) {
      return `the part ${entry.name} inflates past the ${entry.uncompressedSize.toLocaleString('en')} bytes its directory entry declares`;
    }
    return undefined; // deflate data that is not: a damaged file, which the reader reports
  }
  return undefined;
}

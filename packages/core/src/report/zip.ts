/**
 * Gives every entry of a ZIP file (XLSX, DOCX…) one fixed modification time, so that
 * the same content makes the same bytes: the libraries that write these files stamp
 * each entry with the moment it was written. Only the time and date fields of the
 * headers change; the entries, their order and their compressed data stay as they are.
 * Returns a copy; the input is not modified.
 *
 * The time written is 1980-01-01 00:00, the earliest a ZIP header can hold.
 *
 * @throws Error when the bytes are not a ZIP file (no end-of-central-directory record).
 *
 * @example
 * ```ts
 * const bytes = stableZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
 * ```
 */
export function stableZip(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`Not a ZIP file: no central directory header at byte ${at}`);
    stamp(view, at + 12);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`Not a ZIP file: no local header at byte ${local}`);
    stamp(view, local + 10);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** MS-DOS date of 1980-01-01: (1980 − 1980) << 9 | 1 << 5 | 1. Time 00:00:00 is 0. */
const DOS_DATE = (1 << 5) | 1;

function stamp(view: DataView, at: number): void {
  view.setUint16(at, 0, true);
  view.setUint16(at + 2, DOS_DATE, true);
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('Not a ZIP file: no end-of-central-directory record');
}

/** One entry of a ZIP file's central directory, as {@link zipEntries} reads it. */
export interface ZipEntry {
  /** Its path in the archive, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  compressedSize: number;
  /** What the archive declares it inflates to (0xFFFFFFFF for a ZIP64 entry). */
  uncompressedSize: number;
  /** How it is compressed: 0 stored, 8 deflated. */
  method: number;
  /** Where its local header starts, from the start of the file. */
  localHeaderOffset: number;
}

/**
 * The entries a ZIP file declares, read from its central directory without inflating
 * anything: how a reader learns what a file would cost before opening it.
 *
 * @throws Error when the bytes are not a ZIP file.
 */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`Not a ZIP file: no central directory header at byte ${at}`);
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      method: view.getUint16(at + 10, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Bounds on what a ZIP file (an uploaded workbook or document) may inflate to. */
export interface ZipLimits {
  /** At most this many entries; default 10,000. */
  entries?: number;
  /** At most this many bytes inflated, all entries together; default 512 MiB. */
  totalBytes?: number;
  /** No entry larger than 1 MiB may inflate more than this many times its size; default 1,000. */
  ratio?: number;
}

/**
 * Why a ZIP file must not be opened, or `undefined` when its declared sizes are within
 * `limits`: a "zip bomb" (a 1.5 MB workbook holding a 1.5 GB part) would otherwise be
 * inflated whole into memory by the spreadsheet library before anything could refuse
 * it. Only the central directory is read. Declared sizes can lie; a reader that
 * inflates should still stop at the same bound (`@rectify/report-xlsx` inflates every
 * part once, keeping nothing, and refuses a part that inflates past what it declares).
 *
 * @example
 * ```ts
 * const why = zipTooLarge(bytes);
 * if (why) throw new Error(`refused: ${why}`);
 * ```
 */
export function zipTooLarge(zip: Uint8Array, limits: ZipLimits = {}): string | undefined {
  const { entries: maxEntries = 10_000, totalBytes = 512 * 1024 * 1024, ratio = 1000 } = limits;
  const entries = zipEntries(zip);
  if (entries.length > maxEntries) return `it holds ${entries.length} parts (at most ${maxEntries})`;
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) return `the part ${e.name} is larger than 4 GiB (ZIP64)`;
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > Math.max(1, e.compressedSize) * ratio) {
      return `the part ${e.name} inflates ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times (${mib(e.uncompressedSize)} from ${mib(e.compressedSize)})`;
    }
    total += e.uncompressedSize;
  }
  return total > totalBytes ? `it inflates to ${mib(total)} (at most ${mib(totalBytes)})` : undefined;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

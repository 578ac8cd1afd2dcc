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

import { RectifyError } from '../errors/rectify-error.js';
import { IntegrityError } from '../errors/storage-errors.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { fileReferences, type FileReference } from '../files/references.js';
import { sha256HexOfBytes } from '../integrity/chain.js';
import type { DriverTransaction, StoredFile } from './driver.js';

/** The largest evidence file a store takes by default: 20 MiB, a scanned report of some hundred pages. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The file methods of a driver's transaction, all three. */
type FileMethods = Required<Pick<DriverTransaction, 'putFile' | 'getFile' | 'listFiles'>>;

/** The driver's file methods, or the error that says it keeps no files. */
export function fileMethods(tx: DriverTransaction): FileMethods {
  const { putFile, getFile, listFiles } = tx;
  if (putFile === undefined || getFile === undefined || listFiles === undefined) {
    throw new RectifyError('storage.unsupported', 'This store\'s driver keeps no files (it has no putFile, getFile and listFiles): evidence files need a driver that does, such as @rectify/storage-sqlite or @rectify/storage-postgres');
  }
  return { putFile: putFile.bind(tx), getFile: getFile.bind(tx), listFiles: listFiles.bind(tx) };
}

/** A file checked on its way in: its bytes and their hash. */
export interface IncomingFile {
  sha256: string;
  bytes: Uint8Array;
}

/**
 * Files as a caller hands them over, checked before any transaction: bytes, not empty,
 * within the size limit. Each issue's path is `files[i]`.
 */
export function incomingFiles(files: readonly unknown[], maxBytes: number, what: string): IncomingFile[] {
  const issues: ValidationIssue[] = [];
  const out: IncomingFile[] = [];
  files.forEach((bytes, i) => {
    const path = `files[${i}]`;
    if (!(bytes instanceof Uint8Array)) issues.push({ path, message: 'Expected the file\'s bytes (a Uint8Array or a Buffer)', code: 'invalid_type' });
    else if (bytes.length === 0) issues.push({ path, message: 'The file is empty: an empty file is no evidence', code: 'too_small' });
    else if (bytes.length > maxBytes) issues.push({ path, message: `The file is ${bytes.length} bytes, over the store's limit of ${maxBytes} (maxFileBytes)`, code: 'too_big' });
    else out.push({ sha256: sha256HexOfBytes(bytes), bytes });
  });
  if (issues.length > 0) throw new ValidationError(what, issues);
  return out;
}

/**
 * Issues for every file a value (a command, an event's payload) names that the tenant
 * does not hold, or holds at another size than the evidence states.
 */
export async function unstoredFiles(tx: DriverTransaction, tenantId: string, refs: readonly FileReference[]): Promise<ValidationIssue[]> {
  if (refs.length === 0) return [];
  const stored = new Map((await fileMethods(tx).listFiles(tenantId, [...new Set(refs.map((r) => r.sha256))])).map((f) => [f.sha256, f.size]));
  const issues: ValidationIssue[] = [];
  for (const ref of refs) {
    const size = stored.get(ref.sha256);
    if (size === undefined) {
      issues.push({ path: `${ref.path}.sha256`, message: `No file ${ref.sha256} in organisation ${tenantId}: send the file with the command (apply(command, { files })) or store it first (putFile)`, code: 'custom' });
    } else if (ref.size !== undefined && ref.size !== size) {
      issues.push({ path: `${ref.path}.size`, message: `The file ${ref.sha256} is ${size} bytes, not ${ref.size}`, code: 'custom' });
    }
  }
  return issues;
}

/** A tenant's file, its hash checked against its bytes: a file changed since it was stored is an `IntegrityError`, never returned. */
export async function readFileChecked(tx: DriverTransaction, tenantId: string, sha256: string): Promise<Uint8Array | undefined> {
  const bytes = await fileMethods(tx).getFile(tenantId, sha256);
  if (bytes === undefined) return undefined;
  const actual = sha256HexOfBytes(bytes);
  if (actual !== sha256) throw new IntegrityError(`File ${sha256} of organisation ${tenantId} has changed since it was stored: its bytes now hash to ${actual}`, { organisationId: tenantId, sha256, actual });
  return bytes;
}

/** What {@link IntegrityReport.files} found: every stored file's hash checked, every file evidence looked for. */
export interface FilesIntegrity {
  /** Files the organisation holds. */
  stored: number;
  /** Their bytes in all. */
  bytes: number;
  /** Files whose bytes no longer give their hash. */
  corrupted: string[];
  /** Files named as evidence by an event that the store does not hold. */
  missing: { findingId: string; version: number; sha256: string }[];
}

/** Checks every file of a tenant against its hash, and every file an event names against what is stored. */
export async function checkFiles(tx: DriverTransaction, tenantId: string, named: readonly { findingId: string; version: number; payload: unknown }[]): Promise<FilesIntegrity> {
  const listed: StoredFile[] = tx.listFiles === undefined ? [] : await tx.listFiles(tenantId);
  const corrupted: string[] = [];
  let bytes = 0;
  for (const f of listed) {
    const body = await tx.getFile!(tenantId, f.sha256);
    bytes += body?.length ?? 0;
    if (body === undefined || sha256HexOfBytes(body) !== f.sha256) corrupted.push(f.sha256);
  }
  const held = new Set(listed.map((f) => f.sha256));
  const missing: FilesIntegrity['missing'] = [];
  for (const e of named) {
    for (const ref of fileReferences(e.payload)) if (!held.has(ref.sha256)) missing.push({ findingId: e.findingId, version: e.version, sha256: ref.sha256 });
  }
  return { stored: listed.length, bytes, corrupted, missing };
}

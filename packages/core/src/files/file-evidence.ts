import { sha256HexOfBytes } from '../integrity/chain.js';
import type { FileEvidence } from '../model/evidence.js';
import { mediaTypeOf } from './media-type.js';

/** What {@link fileEvidence} may be told besides the name and the bytes. */
export interface FileEvidenceOptions {
  /** Default: from the name's extension ({@link mediaTypeOf}). */
  mediaType?: string;
  description?: string;
  id?: string;
}

/**
 * The evidence item for a file: its name, media type, size and SHA-256 computed from its
 * bytes. Give the same bytes to `Store.apply(command, { files })` (or `Store.putFile`),
 * which stores them under that hash.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(readFileSync('整改报告.pdf'));
 * await store.apply(make({ type: 'record_progress', findingId: 'f-3', text: '印发整改报告', evidence: [fileEvidence('整改报告.pdf', bytes)] }), { files: [bytes] });
 * ```
 */
export function fileEvidence(name: string, bytes: Uint8Array, options: FileEvidenceOptions = {}): FileEvidence {
  return {
    kind: 'file',
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.description === undefined ? {} : { description: options.description }),
    name,
    mediaType: options.mediaType ?? mediaTypeOf(name),
    sha256: sha256HexOfBytes(bytes),
    size: bytes.length,
  };
}

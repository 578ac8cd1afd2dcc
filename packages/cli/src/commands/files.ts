import { fileReferences, formatBytes, Sha256Schema, type Store } from '@rectify/core';
import { resolveOrganisation, writeNewFile, type GlobalOptions, type Io } from '../context.js';
import { UsageError } from '../exit.js';

/** Options of `rectify files`. */
export interface FilesOptions {
  /** A file's SHA-256 (or the start of it, as listed): write that file out. */
  sha256: string | undefined;
  output: string | undefined;
  force: boolean;
  json: boolean;
}

/** One stored file, with the evidence that names it. */
interface Listed {
  sha256: string;
  size: number;
  /** Every name and finding it is evidence under (the same bytes may be attached twice). */
  namedBy: { findingId: string; version: number; name: string | undefined }[];
}

/**
 * `rectify files`: the evidence files of an organisation (`--org`), each with its size,
 * SHA-256 and the findings whose evidence it is. `rectify files SHA256 --output PATH`
 * writes one out, its bytes checked against the hash first (a changed file is refused).
 */
export async function filesCommand(store: Store, global: GlobalOptions, options: FilesOptions, io: Io): Promise<void> {
  const organisationId = await resolveOrganisation(store, global);
  const zh = global.lang === 'zh-CN';
  const { files, events } = await store.read(async (r) => ({ files: await r.files(organisationId), events: await r.events({ organisationId }) }));
  const listed: Listed[] = files.map((f) => ({ ...f, namedBy: [] }));
  const bySha = new Map(listed.map((f) => [f.sha256, f]));
  for (const e of events) for (const ref of fileReferences(e.payload)) bySha.get(ref.sha256)?.namedBy.push({ findingId: e.findingId, version: e.version, name: ref.name });

  if (options.sha256 !== undefined) {
    const wanted = options.sha256.toLowerCase();
    const matches = listed.filter((f) => f.sha256.startsWith(wanted));
    if (wanted.length < 8 || matches.length !== 1) {
      throw new UsageError(matches.length > 1
        ? `${options.sha256} is the start of ${matches.length} files' hashes: give more of it`
        : wanted.length < 8 ? 'Give at least the first 8 characters of the file\'s SHA-256' : `${organisationId} holds no file whose SHA-256 starts ${options.sha256}`);
    }
    const file = matches[0]!;
    if (options.output === undefined) throw new UsageError('--output PATH: where to write the file');
    const bytes = await store.file(organisationId, Sha256Schema.parse(file.sha256));
    io.out(writeNewFile(io, options.output, bytes!, options.force, 'name another file'));
    return;
  }
  if (options.json) {
    io.out(JSON.stringify({ organisationId, files: listed }, null, 2));
    return;
  }
  if (listed.length === 0) {
    io.out(zh ? `${organisationId}：没有佐证附件` : `${organisationId}: no evidence files`);
    return;
  }
  for (const f of listed) {
    const names = [...new Set(f.namedBy.map((n) => n.name).filter((n) => n !== undefined))].join(zh ? '、' : ', ');
    const findings = [...new Set(f.namedBy.map((n) => n.findingId))].join(zh ? '、' : ', ');
    const where = findings === '' ? (zh ? '未被任何佐证引用' : 'named by no evidence') : findings;
    io.out(`${f.sha256.slice(0, 12)}  ${formatBytes(f.size).padStart(9)}  ${names || '—'}  ${where}`);
  }
  const total = listed.reduce((n, f) => n + f.size, 0);
  io.out(zh ? `共 ${listed.length} 个附件，${formatBytes(total)}` : `${listed.length} files, ${formatBytes(total)}`);
}

import { diffLines, type Store } from '@rectify/core';
import { resolveScope, type GlobalOptions, type Io } from '../context.js';
import { UsageError } from '../exit.js';

/** Options of `rectify publications`. */
export interface PublicationsOptions {
  format: string | undefined;
  /** Show what changed in this version against the one before it. */
  diff: number | undefined;
  json: boolean;
}

/**
 * `rectify publications`: what was published when, by whom, with what masked; `--diff N`
 * prints the lines version N changed against version N-1 (of `--format`, notice by default).
 */
export async function publicationsCommand(store: Store, global: GlobalOptions, options: PublicationsOptions, io: Io): Promise<void> {
  const scope = await resolveScope(store, global);
  // A diff compares versions of one format: the notice unless another is named.
  const format = options.diff === undefined ? options.format : (options.format ?? 'notice');
  const versions = await store.publications(scope, format);
  if (options.diff !== undefined) {
    const v = versions.find((x) => x.version === options.diff);
    if (v === undefined) throw new UsageError(`No version ${options.diff} of ${format} was published (${versions.length} version(s))`);
    const before = versions.find((x) => x.version === options.diff! - 1);
    const changes = diffLines(before?.text ?? '', v.text).filter((d) => d.kind !== 'same');
    if (options.json) return io.out(JSON.stringify({ scope, format, version: v.version, changes }, null, 2));
    io.out(`${format} ${before ? `v${before.version} → ` : ''}v${v.version}`);
    for (const d of changes) io.out(`${d.kind === 'added' ? '+' : '-'}${String(d.kind === 'added' ? d.newLine : d.oldLine).padStart(5)}  ${d.text}`);
    return;
  }
  if (options.json) return io.out(JSON.stringify({ scope, versions: versions.map(({ text, ...v }) => ({ ...v, characters: text.length })) }, null, 2));
  if (versions.length === 0) io.out(global.lang === 'zh-CN' ? '尚未发布' : 'nothing published yet');
  for (const v of versions) {
    const masked = Object.entries(v.redacted).map(([k, n]) => `${k} ${n}`).join(', ');
    io.out(`${v.format} v${v.version} · ${v.publishedAt} · ${v.publishedBy}${masked ? ` · redacted ${masked}` : ''}${v.note ? ` · ${v.note}` : ''}`);
  }
}

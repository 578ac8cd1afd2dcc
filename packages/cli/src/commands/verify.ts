import { formatBytes, type IntegrityReport, type Store } from '@rectify/core';
import { resolveOrganisation, type GlobalOptions, type Io } from '../context.js';
import { VerificationFailedError } from '../exit.js';

/**
 * `rectify verify`: replays every finding of the organisation (`--org`, or the store's
 * only one) against its stored state, and checks the hash chain of every finding's
 * events; prints each event edited, removed or inserted, and the digest of the history
 * to keep with what was published, and checks every evidence file against its SHA-256
 * (and that every file an event names is kept). Exits 3 when anything does not verify.
 */
export async function verifyCommand(store: Store, global: GlobalOptions, options: { json: boolean }, io: Io): Promise<void> {
  const organisationId = await resolveOrganisation(store, global);
  const report: IntegrityReport = await store.verify(organisationId);
  const broken = report.breaks.filter((b) => b.kind !== 'unchained');
  const unchained = report.breaks.length - broken.length;
  if (options.json) io.out(JSON.stringify({ organisationId, ...report }, null, 2));
  else {
    const zh = global.lang === 'zh-CN';
    io.out(zh
      ? `${organisationId}：${report.findings} 个问题，${report.events} 条历史记录；摘要 ${report.digest}`
      : `${organisationId}: ${report.findings} findings, ${report.events} events; digest ${report.digest}`);
    for (const b of broken) io.out(`  ${b.kind}: ${b.message}`);
    for (const id of report.mismatches) io.out(zh ? `  状态与历史不符：${id}` : `  state differs from its history: ${id}`);
    if (unchained > 0) io.out(zh ? `  ${unchained} 条记录无哈希（早于哈希链写入），无法校验` : `  ${unchained} events carry no hash (written before the chain) and cannot be checked`);
    const { files } = report;
    if (files.stored > 0) io.out(zh ? `  ${files.stored} 个佐证附件（${formatBytes(files.bytes)}），逐一核对 SHA-256` : `  ${files.stored} evidence files (${formatBytes(files.bytes)}), each checked against its SHA-256`);
    for (const sha256 of files.corrupted) io.out(zh ? `  附件内容已被改动：${sha256}` : `  file changed since it was stored: ${sha256}`);
    for (const m of files.missing) io.out(zh ? `  附件缺失：${m.findingId} 第 ${m.version} 条记录引用的 ${m.sha256}` : `  file missing: ${m.sha256}, named by ${m.findingId} event ${m.version}`);
    if (broken.length === 0 && report.mismatches.length === 0 && files.corrupted.length === 0 && files.missing.length === 0) io.out(zh ? '校验通过' : 'verified');
  }
  const fileProblems = report.files.corrupted.length + report.files.missing.length;
  if (broken.length > 0 || report.mismatches.length > 0 || fileProblems > 0) throw new VerificationFailedError(broken.length, report.mismatches.length, fileProblems);
}

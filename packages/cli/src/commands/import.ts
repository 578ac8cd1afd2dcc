import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { decodeText, isRectifyError, type Bundle, type InspectionKind, type Locale, type Store, type ValidationError } from '@rectify/core';
import { docxToText, DocxReadError, htmlToText, looksLikeHtml, noticeReport, parseNotice } from '@rectify/report-notice';
import {
  clerkLedgerBundle,
  clerkLedgerChanges,
  isRectifyWorkbook,
  ledgerBundle,
  ledgerOf,
  readClerkLedger,
  readLedgerWorkbook,
  type ClerkLedger,
  type Ledger,
  type LedgerChanges,
} from '@rectify/report-xlsx';
import { allFindings, importOrganisation, instantAt, today, type GlobalOptions, type Io } from '../context.js';
import { UsageError } from '../exit.js';
import { inferredMapping, printPreview } from './import-preview.js';

/** Options of `rectify import`. */
export interface ImportOptions {
  file: string;
  /** Who imports (recorded on every event, with the coordinator role); default `importer`. */
  as: string;
  /** Their name; default 政工室. */
  name: string;
  /** Show what would be imported, write nothing. */
  dryRun?: boolean;
  /** With `dryRun`: the preview as JSON. */
  json?: boolean;
  /** A mapping file (JSON) for a ledger laid out by a clerk. */
  map?: string | undefined;
  /** Print the mapping the importer guessed (to correct and pass with `--map`), write nothing. */
  inferMap?: boolean;
  /** A bundle that is a backup of one's own store: restored without the rule checks, and recorded as such. */
  trusted?: boolean;
  /** The kind of inspection, when the file does not say it (`--kind`: 巡察, 巡视, 审计… or its id). */
  kind?: InspectionKind | undefined;
  /** The inspection team, when the file does not name it (`--inspector`, e.g. 区委第一巡察组). */
  inspector?: string | undefined;
  /** The day a notice speaks for, when it gives no date of its own (`--as-of`). */
  asOf?: string | undefined;
}

/**
 * `rectify import FILE`: a ledger workbook (.xlsx: rectify's own, or one laid out by a
 * clerk), a published notice (.txt, .md, the web page it was published on, .html, or
 * its Word attachment, .docx)
 * or a bundle (.json) into the store, in one transaction: on any error, every issue is
 * printed with its place (sheet!cell, line, path) and nothing is written.
 */
export async function importCommand(store: Store | undefined, global: GlobalOptions, options: ImportOptions, io: Io): Promise<void> {
  const path = resolve(io.cwd, options.file);
  const ext = extname(path).toLowerCase();
  let bundle: unknown;
  let changes: LedgerChanges | undefined;
  const notes: string[] = [];
  if (!(ext in MAX_BYTES)) {
    throw new UsageError(`Cannot import ${options.file}: expected .xlsx or .csv (a ledger), .txt, .md, .html or .docx (a notice) or .json (a bundle)`);
  }
  if (options.trusted && ext !== '.json') throw new UsageError('--trusted restores a bundle (.json) exported from a store; a ledger or a notice is always checked');
  const bytes = readInput(path, options.file, MAX_BYTES[ext]!);
  if (ext === '.json') {
    // The store validates the bundle (every bad field with its path); only the JSON itself is read here.
    try {
      // A BOM (Windows Notepad writes one) is no JSON: left in, it fails as an invisible "Unexpected token".
      bundle = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      if (error instanceof SyntaxError) throw new UsageError(`${options.file} is not valid JSON: ${error.message}`);
      throw error;
    }
  } else if (ext === '.csv' || (ext === '.xlsx' && !(await isRectifyWorkbook(bytes)))) {
    const clerk = await clerkBundle(store, global, options, io, bytes);
    if (clerk === undefined) return;
    bundle = clerk.bundle;
    changes = clerk.changes;
  } else {
    let ledger: Ledger;
    if (ext === '.xlsx') {
      ledger = await readLedgerWorkbook(bytes);
    } else {
      const { text, page } = ext === '.docx' ? { text: wordText(bytes, options.file), page: true } : noticeText(bytes, ext, options.file, global, notes);
      const notice = parseNotice(text);
      // A page's or a document's warnings are numbered by the lines of its text, not of its markup.
      const where = page ? `${options.file} (its text)` : options.file;
      for (const w of notice.warnings) io.err(`${where}:${w.line}: ${w.code}: ${w.message}`);
      // A notice that yields no finding would still create an inspection (and name the
      // organisation after a placeholder): refuse it, so that a wrong file writes nothing.
      if (notice.findings.length === 0) {
        throw new UsageError(global.lang === 'en'
          ? `No finding could be read from ${options.file}: nothing was imported. Is it a rectification notice (整改进展情况的通报)?`
          : `未能从 ${options.file} 读出任何问题，未导入任何内容。它是整改进展情况的通报吗？`);
      }
      ledger = ledgerOf(noticeReport(notice, { ...(global.inspection ? { inspectionId: global.inspection } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) }).model);
    }
    // The events are dated the ledger's day: the import brings the store to where the
    // ledger stood then, so `status --as-of` that day shows it. Noon of that day where
    // the inspection is (a time no offset moves to another day), or now if that is
    // earlier (a ledger of today, imported in the morning).
    const offset = global.utcOffset;
    const noon = `${ledger.asOf}T12:00:00${offset}`;
    const at = Date.parse(noon) > io.now().getTime() && ledger.asOf === today(io, offset) ? instantAt(io.now(), offset) : noon;
    const made = ledgerBundle(ledger, {
      organisationId: await importOrganisation(store, global), importer: { id: options.as, name: options.name }, at,
      inspection: inspectionOptions(options, offset),
    });
    bundle = made.bundle;
    for (const note of made.notes) notes.push(note); // one per finding: too many to spread
  }
  if (options.dryRun || options.inferMap) throw new UsageError('--dry-run and --infer-map preview a ledger a clerk laid out (.xlsx or .csv)');
  if (store === undefined) throw new Error('no store to import into');
  const bar = progressBar(io);
  let report;
  try {
    report = await store.importBundle(bundle, { onProgress: (p) => bar(p.findings, p.totalFindings), trusted: options.trusted ?? false });
  } catch (error) {
    // A backup of one's own store refused by the rules (roles changed since, a rule
    // added): say how to restore it, since the message only says what was unmet.
    // Not when the hash chain is broken: a restore refuses that too.
    const issues = isRectifyError(error, 'validation') ? (error as ValidationError).issues : [];
    const chainBroken = issues.some((i) => CHAIN_BREAKS.has(i.code));
    if (ext === '.json' && !chainBroken && issues.some((i) => i.code !== 'custom')) {
      io.err(global.lang === 'en'
        ? `note: a history is held to the rules live commands meet; if ${options.file} is a backup of your own store, restore it with --trusted`
        : `note: 导入的历史须符合与日常操作相同的规则；如 ${options.file} 是本系统自己的备份，可加 --trusted 恢复`);
    }
    throw error;
  } finally {
    bar.done();
  }
  for (const note of notes) io.err(`note: ${note}`);
  if (changes !== undefined) {
    // The changes of the findings the store held, all in one transaction, after the new ones.
    await store.applyAll(changes.commands);
    printChanges(changes, global.lang, io);
    if (report.findings === 0 && changes.commands.length === 0) {
      const said = changes.notes.length === 0 ? '' : global.lang === 'en' ? `; ${changes.notes.length} things it says are left to the notes above` : `；另有 ${changes.notes.length} 处见上方说明`;
      io.out(global.lang === 'en' ? `nothing new: every finding of ${options.file} (${changes.held.length}) is in the store as it says${said}` : `没有新内容：${options.file} 的 ${changes.held.length} 个问题在存储中已是台账所记${said}`);
      return;
    }
    io.out(global.lang === 'en'
      ? `imported ${report.findings} new findings; ${changes.commands.length} changes to ${changes.held.length - changes.unchanged.length} findings already in the store`
      : `新导入 ${report.findings} 个问题；对存储中已有的 ${changes.held.length - changes.unchanged.length} 个问题记入 ${changes.commands.length} 项变更`);
    return;
  }
  if (report.sealed > 0) {
    io.err(global.lang === 'en'
      ? `note: ${report.sealed} findings came without hashes (a file from before the hash chain) and were chained on import`
      : `note: ${report.sealed} 个问题的历史没有哈希（哈希链之前的文件），导入时已补链`);
  }
  if (options.trusted) io.err(global.lang === 'en' ? 'note: restored without the rule checks; the store records the restoration' : 'note: 未按规则逐条校验即恢复；存储中已记录此次恢复');
  if (report.findings === 0 && report.unchanged > 0) {
    io.out(global.lang === 'en' ? `nothing new: every finding of ${options.file} (${report.unchanged}) is in the store as it is` : `没有新内容：${options.file} 的 ${report.unchanged} 个问题在存储中已是如此`);
    return;
  }
  const same = report.unchanged > 0 ? `; ${report.unchanged} findings already in the store as they are` : '';
  io.out(`imported ${report.findings} findings (${report.events} events), ${report.inspections} inspection(s), ${report.people} people${same}`);
}

/** What the command line says of the inspection: where it is, and its kind and team when the file does not say them. */
function inspectionOptions(options: ImportOptions, utcOffset: string): { utcOffset: string; kind?: InspectionKind; inspector?: { name: string } } {
  return { utcOffset, ...(options.kind ? { kind: options.kind } : {}), ...(options.inspector ? { inspector: { name: options.inspector } } : {}) };
}

/** The organisation a preview (`--dry-run` without `--org`) shows its ids under; an import asks for `--org`. */
const PREVIEW_ORGANISATION = 'org';

/** The codes of a broken hash chain (`verifyChain`), which no restore gets past. */
const CHAIN_BREAKS = new Set(['history.edited', 'history.removed', 'history.inserted']);

const MiB = 1024 * 1024;

/**
 * The largest file of each kind an import reads. Far above any real ledger (a 台账 of
 * 100,000 findings is about 15 MiB as .xlsx), far below what would exhaust memory: a
 * 600 MiB "notice" would otherwise be read whole, decoded and parsed before anything
 * could say no.
 */
const MAX_BYTES: Record<string, number> = {
  '.json': 256 * MiB, '.xlsx': 128 * MiB, '.csv': 128 * MiB, '.txt': 16 * MiB, '.md': 16 * MiB, '.html': 16 * MiB, '.htm': 16 * MiB, '.docx': 64 * MiB,
};

/**
 * A notice's text from a text file or a saved page (in whatever encoding the site used),
 * and whether it was a page: a page saved as .txt is read as the page it is.
 */
function noticeText(bytes: Buffer, ext: string, given: string, global: GlobalOptions, notes: string[]): { text: string; page: boolean } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UsageError(`Cannot import ${given}: ${decoded.message[global.lang]}`);
  if (decoded.encoding !== 'utf-8') notes.push(`${given} is not UTF-8: read as ${decoded.encoding.toUpperCase()}`);
  const page = ext === '.html' || ext === '.htm' || looksLikeHtml(decoded.text);
  return { text: page ? htmlToText(decoded.text) : decoded.text, page };
}

/** A notice's text from its Word attachment; a file that is no Word document is the user's error. */
function wordText(bytes: Buffer, given: string): string {
  try {
    return docxToText(bytes);
  } catch (error) {
    if (error instanceof DocxReadError) throw new UsageError(`Cannot import ${given}: ${error.message}`);
    throw error;
  }
}

/** Reads the file to import, once, after checking that it is a file and not too large for its kind. */
function readInput(path: string, given: string, max: number): Buffer {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) throw new UsageError(`Cannot import ${given}: no such file`);
    if (!stat.isFile()) throw new UsageError(`Cannot import ${given}: not a file`);
    if (stat.size > max) {
      throw new UsageError(`Cannot import ${given}: ${(stat.size / MiB).toFixed(0)} MiB is more than the ${max / MiB} MiB a ${extname(given).toLowerCase()} file may hold`);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // A name too long, a NUL in it, no permission, a disk error: the user's file, not a bug.
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot import ${given}: ${code === 'ENAMETOOLONG' ? 'the name is too long' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
}

/**
 * A clerk's ledger: read with every issue, previewed or printed, and made into a
 * bundle unless there is an error (or this is only a preview: then `undefined`).
 */
async function clerkBundle(store: Store | undefined, global: GlobalOptions, options: ImportOptions, io: Io, bytes: Buffer): Promise<{ bundle: Bundle; changes?: LedgerChanges } | undefined> {
  let mapping: unknown;
  if (options.map !== undefined) {
    const text = readFileSync(resolve(io.cwd, options.map), 'utf8').replace(/^\uFEFF/, '');
    try {
      mapping = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${options.map} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const offset = global.utcOffset;
  const day = today(io, offset);
  const ledger: ClerkLedger = await readClerkLedger(bytes, { mapping, today: day, name: basename(options.file, extname(options.file)) });
  if (options.inferMap) {
    io.out(JSON.stringify(inferredMapping(ledger, mapping), null, 2));
    return undefined;
  }
  const errors = ledger.issues.filter((i) => i.severity === 'error');
  // A preview, or a ledger refused for its cells, writes nothing: without --org, ids are
  // shown under a stand-in, and the cells come first. An import asks for --org.
  const organisationId = await importOrganisation(store, global).catch((error: unknown) => {
    if (options.dryRun || errors.length > 0) return PREVIEW_ORGANISATION;
    throw error;
  });
  const existing = store ? { organisation: await store.organisation(organisationId), people: await store.people(organisationId) } : {};
  // Without --inspection or a mapping: the inspection of the store with the ledger's title
  // (next week's file of the same ledger), else one named after the file, which a clerk recognises.
  const named = global.inspection ?? (mapping as { inspection?: { id?: string } } | undefined)?.inspection?.id;
  const sameTitle = named === undefined && store !== undefined && ledger.inspection.title !== undefined
    ? (await store.inspections(organisationId)).find((i) => normalisedTitle(i.title) === normalisedTitle(ledger.inspection.title!))
    : undefined;
  const inspectionId = named ?? sameTitle?.id ?? basename(options.file, extname(options.file));
  const held = store === undefined ? undefined : await store.inspection({ organisationId, inspectionId });
  // A ledger is as of its day (填报时间); one without a day is as of the import.
  const at = ledger.inspection.asOf && ledger.inspection.asOf <= day ? `${ledger.inspection.asOf}T00:00:00${offset}` : instantAt(io.now(), offset);
  const made = errors.length === 0
    ? clerkLedgerBundle(ledger, {
        organisationId, inspectionId, importer: { id: options.as, name: options.name }, at, file: basename(options.file),
        existing, inspection: inspectionOptions(options, offset),
      })
    : undefined;
  // A later version of a ledger the store holds: its findings already there change by commands.
  const changes = made !== undefined && held !== undefined && store !== undefined
    ? clerkLedgerChanges(ledger, { inspection: held, states: new Map((await allFindings(store, { organisationId, inspectionId })).map((s) => [s.finding.id, s])), findingIds: made.findingIds, importer: { id: options.as }, at })
    : undefined;
  if (options.dryRun) {
    if (options.json) io.out(JSON.stringify({ ...ledger, inspectionId, at, findingIds: made ? Object.fromEntries(made.findingIds) : {}, ...(changes ? { changes } : {}) }, null, 2));
    else {
      printPreview(ledger, { lang: global.lang, inspectionId, existing }, io);
      if (changes) printChanges(changes, global.lang, io);
    }
    return undefined;
  }
  for (const i of ledger.issues) io.err(`${i.severity === 'error' ? 'error' : 'warning'}: ${i.cell ? `${i.sheet}!${i.cell}` : i.sheet}: ${i.code}: ${i.message[global.lang]}`);
  if (errors.length > 0 || made === undefined) {
    throw new UsageError(global.lang === 'en'
      ? `${errors.length} error(s) in ${options.file}: nothing was imported. Correct the cells above (or see them all with --dry-run).`
      : `${options.file} 有 ${errors.length} 处错误，未导入任何内容。请改正上面所列单元格（--dry-run 可预览全部）。`);
  }
  if (sameTitle !== undefined) io.err(global.lang === 'en' ? `note: the ledger's title is that of inspection ${sameTitle.id}: imported into it` : `note: 台账标题与巡察 ${sameTitle.id} 相同：导入到该巡察`);
  if (changes === undefined) return { bundle: made.bundle };
  // The findings the store holds leave the bundle: their changes come as commands.
  const known = new Set(changes.held);
  // The commands act in the organisation the ledger is imported into.
  const commands = changes.commands.map((c) => ({ organisationId, ...c }));
  return { bundle: { ...made.bundle, events: made.bundle.events.filter((e) => !known.has(e.findingId)) }, changes: { ...changes, commands } };
}

/** A title as two versions of one ledger would both write it: no spaces, no punctuation, half-width. */
function normalisedTitle(title: string): string {
  return title.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** What a later ledger changes, one line each, then what it could not carry and what it no longer lists. */
function printChanges(changes: LedgerChanges, lang: Locale, io: Io): void {
  for (const c of changes.changes) io.err(`${lang === 'en' ? 'change' : '变更'}: ${c.findingId}: ${c.text[lang]}`);
  for (const n of changes.notes) io.err(`note: ${n.findingId}: ${n.text[lang]}`);
  if (changes.missing.length > 0) {
    io.err(lang === 'en'
      ? `note: not in this ledger, left as they are: ${changes.missing.join(', ')}`
      : `note: 本台账未列出，保持不变：${changes.missing.join('、')}`);
  }
}

/** A progress bar on stderr, drawn only on a terminal and at most a hundred times. */
function progressBar(io: Io): ((done: number, total: number) => void) & { done: () => void } {
  let last = -1;
  const draw = (done: number, total: number) => {
    if (!io.tty || total === 0) return;
    const pct = Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total}`);
  };
  return Object.assign(draw, { done: () => { if (io.tty && last >= 0) process.stderr.write('\n'); } });
}

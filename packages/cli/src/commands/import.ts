import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Store } from '@rectify/core';
import { noticeReport, parseNotice } from '@rectify/report-notice';
import { ledgerBundle, ledgerOf, readLedgerWorkbook, type Ledger } from '@rectify/report-xlsx';
import type { GlobalOptions, Io } from '../context.js';
import { UsageError } from '../exit.js';

/** Options of `rectify import`. */
export interface ImportOptions {
  file: string;
  /** Who imports (recorded on every event, with the coordinator role); default `importer`. */
  as: string;
  /** Their name; default 政工室. */
  name: string;
}

/**
 * `rectify import FILE`: a ledger workbook (.xlsx), a published notice (.txt, .md) or a
 * bundle (.json) into the store, in one transaction: on any problem, every problem is
 * printed with its place (sheet!cell, line, path) and nothing is written.
 */
export async function importCommand(store: Store, global: GlobalOptions, options: ImportOptions, io: Io): Promise<void> {
  const path = resolve(io.cwd, options.file);
  const ext = extname(path).toLowerCase();
  let bundle: unknown;
  const notes: string[] = [];
  if (ext === '.json') {
    // The store validates the bundle (every bad field with its path); only the JSON itself is read here.
    try {
      bundle = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      if (error instanceof SyntaxError) throw new UsageError(`${options.file} is not valid JSON: ${error.message}`);
      throw error;
    }
  } else {
    let ledger: Ledger;
    if (ext === '.xlsx') {
      ledger = await readLedgerWorkbook(readFileSync(path));
    } else if (ext === '.txt' || ext === '.md') {
      const notice = parseNotice(readFileSync(path, 'utf8'));
      for (const w of notice.warnings) io.err(`${options.file}:${w.line}: ${w.code}: ${w.message}`);
      ledger = ledgerOf(noticeReport(notice, { ...(global.inspection ? { inspectionId: global.inspection } : {}) }).model);
    } else {
      throw new UsageError(`Cannot import ${options.file}: expected .xlsx (a ledger workbook), .txt or .md (a notice) or .json (a bundle)`);
    }
    // The events are dated the ledger's day: the import brings the store to where the
    // ledger stood then, so `status --as-of` that day shows it.
    const made = ledgerBundle(ledger, { organisationId: global.org ?? 'default', importer: { id: options.as, name: options.name }, at: `${ledger.asOf}T12:00:00+08:00` });
    bundle = made.bundle;
    notes.push(...made.notes);
  }
  const bar = progressBar(io);
  const report = await store.importBundle(bundle, { onProgress: (p) => bar(p.findings, p.totalFindings) });
  bar.done();
  for (const note of notes) io.err(`note: ${note}`);
  io.out(`imported ${report.findings} findings (${report.events} events), ${report.inspections} inspection(s), ${report.people} people`);
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

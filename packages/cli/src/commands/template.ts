import { writeLedgerTemplate } from '@rectify/report-xlsx';
import { writeNewFile, type GlobalOptions, type Io } from '../context.js';
import { UsageError } from '../exit.js';

/** Options of `rectify template`. */
export interface TemplateOptions {
  /** Where to write it; default 整改台账.xlsx (findings-tracker.xlsx with --lang en). */
  file: string | undefined;
  /** The title row (关于落实…的整改台账). */
  title: string | undefined;
  /** The 填报时间 day. */
  asOf: string | undefined;
  /** Replace the file if it exists. */
  force: boolean;
}

/**
 * `rectify template [FILE]`: a blank 整改台账 a clerk can start from, laid out as the
 * importer reads it with no mapping file (see `writeLedgerTemplate`). Opens no store.
 */
export async function templateCommand(global: GlobalOptions, options: TemplateOptions, io: Io): Promise<void> {
  const given = options.file ?? (global.lang === 'en' ? 'findings-tracker.xlsx' : '整改台账.xlsx');
  if (!given.toLowerCase().endsWith('.xlsx')) throw new UsageError(`The template is an Excel workbook: name it *.xlsx, not "${given}"`);
  const data = await writeLedgerTemplate({
    locale: global.lang,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  io.out(writeNewFile(io, given, data, options.force, 'name another file'));
}

import { resolve } from 'node:path';
import { countRedactions, readReportModel, type CalendarDay, type Store } from '@rectify/core';
import { noticeTextRenderer } from '@rectify/report-notice';
import { instantAt, resolveScope, today, writeNewFile, type GlobalOptions, type Io } from '../context.js';
import { UsageError } from '../exit.js';
import { FORMATS } from './formats.js';

export { FORMATS, type ReportFormat } from './formats.js';

/** Options of `rectify report`. */
export interface ReportOptions {
  format: string;
  asOf: CalendarDay | undefined;
  output: string | undefined;
  /** Mask personal data first (`publicRedactionRules`: people's names, phones, ID numbers, e-mails; the declared contacts kept). */
  redact: boolean;
  /** Record the report as a published version (who: `publishedBy`). */
  publish: boolean;
  publishedBy: string | undefined;
  /** Replace the output file if it exists (without it, an existing file is refused, nothing written). */
  force?: boolean;
}

/** `rectify report --format F`: writes one report as of a day (today by default) to `-o FILE` or its own file name. */
export async function reportCommand(store: Store, global: GlobalOptions, options: ReportOptions, io: Io): Promise<void> {
  const format = FORMATS[options.format];
  if (format === undefined) throw new UsageError(`Unknown format "${options.format}": one of ${Object.keys(FORMATS).join(', ')}`);
  // Writing a report over the store (or its journal) would destroy it: refused before anything is read or written.
  const storeFile = global.postgres ? undefined : resolve(io.cwd, global.db);
  if (storeFile !== undefined && options.output !== undefined && [storeFile, `${storeFile}-wal`, `${storeFile}-shm`, `${storeFile}-journal`].includes(resolve(io.cwd, options.output))) {
    throw new UsageError(`-o ${options.output} is the store itself: choose another file for the report`);
  }
  if (options.publish && options.publishedBy === undefined) throw new UsageError('Who publishes? --publish needs --as PERSON');
  // One read-only snapshot: the scope, the inspection, and the model's data, each read once.
  const { scope, inspection, model, redactions } = await store.read(async (reader) => {
    const scope = await resolveScope(reader, global);
    const inspection = (await reader.inspection(scope))!;
    const asOf = options.asOf ?? today(io, inspection.utcOffset);
    return { scope, inspection, ...(await readReportModel(reader, scope, asOf, { internal: format.internal, calendar: global.calendar, redact: options.redact })) };
  });
  if (options.redact) {
    const counts = Object.entries(countRedactions(redactions)).map(([kind, n]) => `${kind} ${n}`);
    io.err(`redacted: ${counts.length === 0 ? 'nothing' : counts.join(', ')}`);
  }
  // The report rests on the history up to its day: say whether that history is as it was written.
  const h = model.history;
  if (h !== undefined && h.breaks.length > 0) {
    io.err(global.lang === 'en'
      ? `warning: the history this report rests on failed verification (${h.breaks.length} events edited, removed or inserted; rectify verify names them): ${h.breaks.slice(0, 3).map((b) => b.message).join('; ')}`
      : `警告：本报告所依据的历史记录未通过校验（${h.breaks.length} 处被改动、删除或插入）：${h.breaks.slice(0, 3).map((b) => b.message).join('；')}`);
  } else if (h !== undefined) {
    io.err(global.lang === 'en' ? `history: ${h.events} events, digest ${h.digest}${h.unchained > 0 ? ` (${h.unchained} without a hash)` : ', verified'}` : `历史记录：${h.events} 条，摘要 ${h.digest}${h.unchained > 0 ? `（${h.unchained} 条无哈希）` : '，校验通过'}`);
  }
  const rendered = await (await format.load()).render(model, { locale: global.lang });
  io.out(writeNewFile(io, options.output ?? rendered.fileName, rendered.data, options.force ?? false, 'choose another file with -o'));
  if (options.publish) {
    // A binary format is kept as the notice text it carries, so versions can be compared.
    const text = typeof rendered.data === 'string' ? rendered.data : String((await noticeTextRenderer.render(model, { locale: global.lang })).data);
    const v = await store.publish({
      ...scope, format: options.format, text, publishedAt: instantAt(io.now(), inspection.utcOffset), publishedBy: options.publishedBy!, redacted: countRedactions(redactions),
    });
    io.out(`published: ${options.format} version ${v.version} (${v.publishedAt})`);
  }
}

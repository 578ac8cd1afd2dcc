import { excel } from '../excel.js';
import type { CalendarDay, FindingStatus, InspectionKind, MeasureKind } from '@rectify/core';
import { describeXmlFault, xmlFaultOf } from '../xml-fault.js';
import { workbookTooLarge } from '../zip-guard.js';
import { csvSheet } from './csv.js';
import { gridOf, lastRow, type Grid, type GridCell } from './grid.js';
import { IssueLog, type LedgerImportIssue } from './issues.js';
import type { ClerkFinding, ClerkLedger, ClerkMeasure, ClerkSheet } from './ledger.js';
import { parseLedgerMapping, type LedgerMapping } from './mapping.js';
import { findTable, rowCells, type Table } from './table.js';
import {
  dayOfSerial,
  findDayIn,
  halfWidth,
  isUnitGroup,
  nearDuplicate,
  readCategoryHeading,
  readDayText,
  readOrdinal,
  readStatusText,
  splitMeasures,
  splitNamePost,
  splitUnits,
  type DayRead,
} from './words.js';

/** Options of {@link readClerkLedger}. */
export interface ReadClerkLedgerOptions {
  /**
   * What the importer cannot guess: a {@link LedgerMappingInput}, or a mapping file's
   * parsed JSON, validated here (`format` and `version` may be left out).
   */
  mapping?: unknown;
  /** The day to take as the ledger's when the workbook gives none (e.g. the import's day). */
  today?: CalendarDay;
  /** The sheet's name for a CSV file (its file name, say); default `CSV`. */
  name?: string;
}

type Cell = GridCell & { header: string };

/**
 * Reads a rectification ledger (整改台账) laid out the way its clerk laid it out:
 * finds the table in each sheet by its header words (two-row headers, title and
 * 填报时间 rows above, 注 rows and blank runs below), reads section rows as
 * categories, a problem merged down over its measures' rows as one problem, and
 * 三张清单 kept in separate sheets joined on their 问题序号. Cells are read as
 * clerks write them: measures run together (一是…二是…, 1) 2)), units and names
 * with posts, status words, dates as Excel dates or text in many forms.
 *
 * Nothing is refused that can be read with a doubt: each doubt is a warning with its
 * cell, and only what cannot be read at all is an error. The caller decides what to
 * do with errors (the CLI writes nothing when there is one).
 *
 * @example
 * ```ts
 * const ledger = await readClerkLedger(readFileSync('整改台账.xlsx'));
 * for (const i of ledger.issues) console.log(i.severity, `${i.sheet}!${i.cell}`, i.code, i.message['zh-CN']);
 * ```
 */
export async function readClerkLedger(data: Uint8Array, options: ReadClerkLedgerOptions = {}): Promise<ClerkLedger> {
  const given = options.mapping ?? {};
  const mapping = parseLedgerMapping(typeof given === 'object' && given !== null && !Array.isArray(given) ? { format: 'rectify.ledger-map', version: 1, ...given } : given);
  const log = new IssueLog();
  if (!isZip(data)) {
    // Not a workbook: a ledger saved as CSV (UTF-8, or GB18030 as Chinese Excel saves it).
    const csv = csvSheet(data, options.name ?? 'CSV');
    if ('reason' in csv) {
      log.error('file.not_text', { sheet: options.name ?? 'CSV' }, `既不是 Excel 工作簿（.xlsx），也不是 CSV：${csv.message['zh-CN']}`, `neither an Excel workbook (.xlsx) nor CSV: ${csv.message.en}`);
      return empty(log.issues);
    }
    if (csv.encoding === 'gb18030') log.warn('csv.gb18030', { sheet: csv.sheet.name }, '文件不是 UTF-8，已按 GB18030（GBK）读取', 'the file is not UTF-8: read as GB18030 (GBK), as Chinese Excel saves CSV');
    return new LedgerReader(mapping, log, options.today).read([csv.sheet]);
  }
  const tooLarge = workbookTooLarge(data);
  if (tooLarge !== undefined) {
    log.error('workbook.too_large', { sheet: '' }, `工作簿过大，未打开：${tooLarge}`, `the workbook is not opened: ${tooLarge}`);
    return empty(log.issues);
  }
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (cause) {
    const fault = xmlFaultOf(data);
    if (fault !== undefined) {
      const said = describeXmlFault(fault);
      log.error('workbook.damaged', { sheet: fault.sheet ?? '' }, `工作簿无法读取：${said['zh-CN']}`, `the workbook cannot be read: ${said.en}`);
      return empty(log.issues);
    }
    log.error('workbook.unreadable', { sheet: '' }, `不是 Excel 工作簿（.xlsx）：${(cause as Error).message}`, `not an Excel workbook (.xlsx): ${(cause as Error).message}`);
    return empty(log.issues);
  }
  return new LedgerReader(mapping, log, options.today).read(wb.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== 'visible', grid: () => gridOf(ws) })));
}

/** A sheet to read: its name, whether Excel hides it, and its cells (read only when needed). */
interface SourceSheet {
  name: string;
  hidden: boolean;
  grid: () => Grid;
}

/** A .xlsx file is a ZIP archive: it starts with PK\x03\x04. */
function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

function empty(issues: LedgerImportIssue[]): ClerkLedger {
  return { inspection: {}, categories: [], findings: [], people: [], units: [], sheets: [], issues };
}

interface ProblemRow {
  finding: ClerkFinding;
  /** The sheet's own unit, when the ledger keeps one sheet per unit. */
  sheetUnit?: string;
}

class LedgerReader {
  private readonly categories = new Map<string, { ordinal: number; title: string }>();
  private readonly sheets: ClerkSheet[] = [];
  private asOf: CalendarDay | undefined;
  private readonly statusWords: Record<string, FindingStatus | null>;

  constructor(
    private readonly mapping: LedgerMapping,
    private readonly log: IssueLog,
    private readonly today: CalendarDay | undefined,
  ) {
    this.statusWords = { ...mapping.statuses };
    this.asOf = mapping.asOf;
  }

  read(sheets: readonly SourceSheet[]): ClerkLedger {
    const tables: { table: Table; role: ClerkSheet['role'] }[] = [];
    for (const ws of sheets) {
      const sheetMap: LedgerMapping['sheets'][string] = this.mapping.sheets[ws.name] ?? { columns: {} };
      if (sheetMap.skip) {
        this.sheets.push({ name: ws.name, role: 'skipped', headerRows: [], columns: [] });
        continue;
      }
      if (ws.hidden) {
        this.log.warn('sheet.hidden', { sheet: ws.name }, `隐藏工作表“${ws.name}”未导入`, `the hidden sheet "${ws.name}" is not imported`);
        continue;
      }
      const grid = ws.grid();
      if (lastRow(grid) < 1) continue;
      if (grid.formulaShare >= 0.4) {
        this.log.warn('sheet.formulas_skipped', { sheet: ws.name }, `工作表“${ws.name}”多为公式（汇总表），未导入`, `the sheet "${ws.name}" is mostly formulas (a summary) and is not imported`);
        this.sheets.push({ name: ws.name, role: 'skipped', headerRows: [], columns: [] });
        continue;
      }
      const table = findTable(grid, sheetMap, this.log);
      const fields = new Set(table?.columns.map((c) => c.field));
      const role: ClerkSheet['role'] =
        table === undefined ? 'skipped'
        : fields.has('title') ? 'problems'
        : fields.has('link') && fields.has('measures') ? 'tasks'
        : fields.has('link') && (fields.has('leader') || fields.has('leadUnit') || fields.has('person')) ? 'responsibility'
        : 'skipped';
      if (role === 'skipped') {
        this.log.warn('sheet.no_table', { sheet: ws.name }, `工作表“${ws.name}”中未找到问题表（表头应含“问题”“整改措施”等列），未导入`,
          `no table of findings in the sheet "${ws.name}" (its header needs columns such as 问题/Finding and 整改措施/Action plan); not imported`);
      }
      this.sheets.push({
        name: ws.name, role, headerRows: table?.headerRows ?? [],
        columns: table?.columns.map((c) => ({ letter: c.letter, header: c.header, field: c.week ? 'week' : c.field })) ?? [],
      });
      if (table && role !== 'skipped') {
        this.readAbove(table);
        tables.push({ table, role });
      }
    }
    const problemTables = tables.filter((t) => t.role === 'problems');
    const perUnitSheets = problemTables.length > 1 && problemTables.every((t) => !t.table.columns.some((c) => c.field === 'leadUnit'));
    const rows: ProblemRow[] = [];
    for (const { table } of problemTables) for (const row of this.readProblems(table, perUnitSheets ? table.grid.name : undefined)) rows.push(row);
    const findings = this.merge(rows);
    for (const { table, role } of tables) {
      if (role === 'tasks') this.readTasks(table, findings);
      if (role === 'responsibility') this.readResponsibility(table, findings);
    }
    if (problemTables.length === 0 && tables.length > 0) {
      this.log.error('ledger.no_problems', { sheet: tables[0]!.table.grid.name }, '工作簿中没有问题清单（含“问题”列的表）', 'the workbook has no list of problems (a table with a 问题/Finding column)');
    }
    if (tables.length === 0 && this.log.errors.length === 0) {
      this.log.error('ledger.no_table', { sheet: sheets[0]?.name ?? '' }, '未找到整改台账：没有一个工作表的表头含“问题”“整改措施”等列', 'no ledger found: no sheet has a header with columns such as 问题/Finding and 整改措施/Action plan');
    }
    this.finish(findings);
    return {
      inspection: this.inspection(),
      categories: [...this.categories.values()].sort((a, b) => a.ordinal - b.ordinal),
      findings,
      people: this.people(findings),
      units: this.units(findings),
      sheets: this.sheets,
      issues: this.log.issues,
    };
  }

  // -- the rows above the table: title, 填报时间 ------------------------------------

  private title: string | undefined;

  private readAbove(table: Table): void {
    for (const line of table.above) {
      const asOf = /(填报时间|填报日期|截至|截止|统计时间|更新时间|报送时间|更新日期|as at|as of|status at|updated)/i.test(line) ? findDayIn(line) : undefined;
      if (asOf && this.asOf === undefined) this.asOf = asOf;
      if (this.title === undefined && !/^(填报|报送|单位|填表)/.test(line) && /台账|清单|整改|tracker|register|log|findings|巡|审计/i.test(line)) this.title = line.trim();
    }
  }

  private inspection(): ClerkLedger['inspection'] {
    const m = this.mapping.inspection;
    const title = m.title ?? this.title;
    const t = title ?? '';
    const cut = /(落实|关于|贯彻落实|对照)/.exec(t);
    // 关于落实…, 关于贯彻落实…: every leading word of the chain goes, or 落实 joins the team's name.
    const rest = (cut ? t.slice(cut.index + cut[0].length) : t).replace(/^(?:贯彻落实|落实|对照|关于)+/, '');
    const team = /((?:中央|[\u4e00-\u9fff]{0,8}?[省市区县州旗]委)?(?:[\u4e00-\u9fff]{0,6}第[一二三四五六七八九十\d]+轮)?(?:第?[一二三四五六七八九十\d]+)?(?:[^，。、\s]{0,30}?专项)?(?:巡视|巡察)(?:[一二三四五六七八九十\d]+)?组)/.exec(rest);
    const english = /^(.*?\baudit\b)/i.exec(t);
    const kind: InspectionKind | undefined = m.kind ?? (/巡视/.test(t) ? 'xunshi' : /巡察/.test(t) ? 'xuncha' : /audit|审计/i.test(t) ? 'audit' : undefined);
    const inspector = m.inspector ?? team?.[1] ?? (english ? english[1]!.replace(/^\W+/, '').trim() : undefined);
    const subject = m.subject ?? (cut && cut.index > 0 ? t.slice(0, cut.index).trim() : undefined);
    return {
      ...(title ? { title } : {}),
      ...(kind ? { kind } : {}),
      ...(inspector ? { inspector } : {}),
      ...(subject ? { subject } : {}),
      ...(this.asOf ? { asOf: this.asOf } : {}),
    };
  }

  // -- problems --------------------------------------------------------------------

  private readProblems(table: Table, sheetUnit: string | undefined): ProblemRow[] {
    const { grid } = table;
    const out: ProblemRow[] = [];
    let section: number | null = null;
    let current: ClerkFinding | undefined;
    let first: number | undefined;
    let last: number | undefined;
    let blanks = 0;
    const derivedStatus = !table.columns.some((c) => c.field === 'status');
    for (let r = table.firstRow; r <= lastRow(grid); r++) {
      if (grid.hiddenRows.has(r)) continue;
      const { by, weeks } = rowCells(table, r);
      const texts = (grid.rows[r] ?? []).filter((c) => c && c.text !== '');
      if (texts.length === 0) {
        if (++blanks >= 5 && out.length > 0) break;
        continue;
      }
      blanks = 0;
      const lead = texts[0]!.text;
      if (/^(注|备注|说明|填表人|审核人|制表|填报人|联系人|负责人|签字|签批|主要领导签字|note|prepared by|approved by)\s*[:：]/i.test(lead) || /^(注|说明)[一二三\d]?[、.:：]/.test(lead)) break;
      if (/^(合计|小计|总计|共计|total)(?![a-z])/i.test(halfWidth(lead).trim())) continue;
      const distinct = new Set(texts.map((c) => c.mergedFrom ?? c.address)).size;
      const heading = readCategoryHeading(lead);
      if (distinct === 1 && (texts[0]!.span > 1 || texts.length > 2 || (heading.ordinal !== undefined && by.title?.text !== lead))) {
        section = this.category(heading.title, heading.ordinal);
        continue;
      }
      const title = by.title;
      const continues =
        current !== undefined &&
        ((title?.mergedFrom !== undefined && rowOfAddress(title.mergedFrom) < r) ||
          (by.ordinal?.mergedFrom !== undefined && rowOfAddress(by.ordinal.mergedFrom) < r && (title === undefined || title.text === current.title)) ||
          ((title === undefined || title.text === '') && (by.ordinal === undefined || by.ordinal.text === '') && (by.measures?.text ?? '') !== ''));
      if (continues && current) {
        this.addMeasures(current, grid.name, by, true);
        this.addProgress(current, by, weeks);
        last = r;
        continue;
      }
      if (!title || title.text === '') {
        this.log.warn('row.no_title', { sheet: grid.name, cell: `${title?.address ?? `A${r}`}` }, `第${r}行没有问题内容，未导入`, `row ${r} has no problem text and is not imported`);
        continue;
      }
      const categoryOrdinal = by.category && by.category.text !== '' ? this.category(readCategoryHeading(by.category.text).title, readCategoryHeading(by.category.text).ordinal) : section;
      const ord = by.ordinal ? readOrdinal(by.ordinal.text) : undefined;
      // A number column that holds codes (SJ-2025-01, SEC-1) gives the finding's id.
      const id = by.id?.text || (ord && ord.ordinal === undefined ? ord.id : undefined);
      const finding: ClerkFinding = {
        key: id && id !== '' ? id : '',
        ordinal: ord?.ordinal ?? out.filter((p) => p.finding.categoryOrdinal === categoryOrdinal).length + 1,
        categoryOrdinal,
        title: title.text,
        status: 'not_started',
        coUnits: [],
        measures: [],
        progress: [],
        ref: `${grid.name}!${title.address.replace(/\d+$/, '')}${r}`,
      };
      if (by.detail && by.detail.text !== '') finding.detail = by.detail.text;
      if (by.note && by.note.text !== '') finding.note = by.note.text;
      this.readResponsibleCells(finding, grid.name, by);
      this.readDates(finding, grid.name, by);
      this.readStatus(finding, grid.name, by, derivedStatus);
      this.addMeasures(finding, grid.name, by, true);
      this.addProgress(finding, by, weeks);
      out.push({ finding, ...(sheetUnit ? { sheetUnit } : {}) });
      current = finding;
      first ??= r;
      last = r;
    }
    const sheet = this.sheets.find((s) => s.name === grid.name);
    if (sheet && first !== undefined && last !== undefined) sheet.rows = [first, last];
    this.keys(out.map((p) => p.finding), grid.name);
    return out;
  }

  /** Keys: the ledger's ids, else numbers, made per category when the numbering restarts. */
  private keys(findings: ClerkFinding[], sheet: string): void {
    const numbers = findings.filter((f) => f.key === '').map((f) => f.ordinal);
    const restarts = new Set(numbers).size < numbers.length;
    const used = new Set<string>();
    for (const f of findings) {
      let key = f.key !== '' ? f.key : restarts && f.categoryOrdinal !== null ? `${f.categoryOrdinal}.${f.ordinal}` : String(f.ordinal);
      if (used.has(key)) {
        this.log.warn('finding.duplicate_number', { sheet, cell: f.ref.split('!')[1] ?? '' }, `问题序号${key}重复，已按顺序另编`, `the number ${key} is used twice; numbered in order instead`);
        let n = 2;
        while (used.has(`${key}-${n}`)) n++;
        key = `${key}-${n}`;
      }
      used.add(key);
      f.key = key;
    }
  }

  private category(title: string, ordinal: number | undefined): number | null {
    if (title === '') return null;
    const known = this.categories.get(title);
    if (known) return known.ordinal;
    const taken = new Set([...this.categories.values()].map((c) => c.ordinal));
    const n = ordinal !== undefined && !taken.has(ordinal) ? ordinal : Math.max(0, ...taken) + 1;
    this.categories.set(title, { ordinal: n, title });
    return n;
  }

  private readResponsibleCells(finding: ClerkFinding, sheet: string, by: Partial<Record<string, Cell>>): void {
    const name = (cell: Cell | undefined) => {
      if (!cell || cell.text === '') return undefined;
      const names = splitUnits(cell.text);
      if (names.length > 1) {
        this.log.warn('person.several', { sheet, cell: cell.address, header: cell.header, raw: cell.text, read: names[0] },
          `“${cell.header}”列出多人，取第一位“${splitNamePost(names[0]!).name}”`, `"${cell.header}" names several people; the first, "${splitNamePost(names[0]!).name}", is taken`);
      }
      const { name: n, post } = splitNamePost(names[0] ?? cell.text);
      if (post) this.posts.set(n, post);
      return this.alias(n);
    };
    const leader = name(by['leader']);
    const person = name(by['person']);
    const principal = name(by['principalLeader']);
    if (leader) finding.leader = leader;
    if (person) finding.person = person;
    if (principal) finding.principalLeader = principal;
    const units = by['leadUnit'] && by['leadUnit'].text !== '' ? splitUnits(by['leadUnit'].text).map((u) => this.alias(u)) : [];
    const co = by['coUnits'] && by['coUnits'].text !== '' ? splitUnits(by['coUnits'].text).map((u) => this.alias(u)) : [];
    if (units[0]) finding.leadUnit = units[0];
    finding.coUnits = [...new Set([...units.slice(1), ...co])].filter((u) => u !== finding.leadUnit);
    for (const [u, cell] of [...units.map((u) => [u, by['leadUnit']] as const), ...co.map((u) => [u, by['coUnits']] as const)]) {
      if (isUnitGroup(u)) {
        this.log.warn('unit.group', { sheet, cell: cell!.address, header: cell!.header, raw: cell!.text, read: u },
          `“${u}”是一组单位而非一个单位：已作为一个配合单位导入，可在名录中拆分`, `"${u}" is a group of units, not one unit: imported as one co-unit (split it in the directory if needed)`);
      }
    }
  }

  /** Posts written after names (李振华（政工室主任）), by name. */
  private readonly posts = new Map<string, string>();
  /** 立行立改 or 长期坚持 written where the finding's deadline should be: the kind of all its measures. */
  private readonly kindFromDeadline = new Map<ClerkFinding, MeasureKind>();
  /** The cell each finding's deadline was read from, for issues found once the whole ledger is read. */
  private readonly deadlineCell = new Map<ClerkFinding, Cell>();

  private alias(name: string): string {
    return this.mapping.aliases[name] ?? name;
  }

  private day(cell: Cell | undefined, sheet: string, what: { zh: string; en: string }): DayRead | undefined {
    if (!cell || (cell.text === '' && cell.value === undefined)) return undefined;
    if (cell.value instanceof Date) return { kind: 'day', day: cell.text };
    if (typeof cell.value === 'number') {
      const day = dayOfSerial(cell.value);
      if (day) return { kind: 'day', day, doubt: 'serial' };
      this.log.error('date.not_a_day', { sheet, cell: cell.address, header: cell.header, raw: cell.text },
        `${what.zh}“${cell.text}”是数字而非日期：请写成 2023-11-30 或 2023年11月30日`, `${what.en} "${cell.text}" is a number, not a date: write it as 2023-11-30 or 2023年11月30日`);
      return { kind: 'bad', reason: 'not_a_day' };
    }
    const year = this.asOf ? Number(this.asOf.slice(0, 4)) : this.today ? Number(this.today.slice(0, 4)) : undefined;
    const read = readDayText(cell.text, { ...(year === undefined ? {} : { year }), ...(this.mapping.dateOrder ? { dateOrder: this.mapping.dateOrder } : {}) });
    const where = { sheet, cell: cell.address, header: cell.header, raw: cell.text };
    if (read.kind === 'day' && read.doubt && read.doubt !== 'serial') {
      const doubts: Record<string, [string, string]> = {
        no_year: [`“${cell.text}”未写年份，按台账年份读作${read.day}`, `"${cell.text}" has no year; read as ${read.day}, the ledger's year`],
        month_end: [`“${cell.text}”只写到月，按月末读作${read.day}`, `"${cell.text}" gives a month; read as its last day, ${read.day}`],
        year_end: [`“${cell.text}”只写到年，按年末读作${read.day}`, `"${cell.text}" gives a year; read as its last day, ${read.day}`],
        half_year: [`“${cell.text}”只写到半年，读作${read.day}`, `"${cell.text}" gives a half-year; read as ${read.day}`],
        quarter: [`“${cell.text}”是季度而非日期，按季末读作${read.day}`, `"${cell.text}" is a quarter, not a day; read as its last day, ${read.day}`],
        several: [`“${cell.text}”含多个日期，取最晚的${read.day}`, `"${cell.text}" holds several dates; the latest, ${read.day}, is taken`],
      };
      const [zh, en] = doubts[read.doubt]!;
      this.log.warn(read.doubt === 'no_year' ? 'date.no_year' : read.doubt === 'several' ? 'date.several' : 'date.approximate', { ...where, read: read.day }, zh, en);
    }
    if (read.kind === 'none' && cell.text !== '') {
      this.log.warn('date.none', where, `${what.zh}“${cell.text}”不是日期，视为未定`, `${what.en} "${cell.text}" gives no day yet`);
    }
    if (read.kind === 'ambiguous') {
      const [dm, md] = read.candidates;
      this.log.warn('date.ambiguous', where, `“${cell.text}”可读作${dm}（日/月）或${md}（月/日），未导入；请在映射文件中写明 "dateOrder": "dmy" 或 "mdy"`,
        `"${cell.text}" reads as ${dm} (day first) or ${md} (month first) and is left out; set "dateOrder": "dmy" or "mdy" in the mapping file`);
    }
    if (read.kind === 'bad') {
      const msg: Record<string, [string, string]> = {
        not_a_day: [`${what.zh}“${cell.text}”是数字而非日期：请写成 2023-11-30 或 2023年11月30日`, `${what.en} "${cell.text}" is a number, not a date: write it as 2023-11-30 or 2023年11月30日`],
        no_year: [`“${cell.text}”未写年份，台账也没有填报时间：请写上年份，或在映射文件中给出 "asOf"`, `"${cell.text}" has no year and the ledger gives no day: write the year, or give "asOf" in the mapping file`],
        unreadable: [`${what.zh}“${cell.text}”无法识别为日期：请写成 2023-11-30 或 2023年11月30日`, `${what.en} "${cell.text}" is not a date: write it as 2023-11-30 or 2023年11月30日`],
      };
      const [zh, en] = msg[read.reason]!;
      this.log.error(`date.${read.reason}`, where, zh, en);
    }
    return read;
  }

  private readDates(finding: ClerkFinding, sheet: string, by: Partial<Record<string, Cell>>): void {
    const deadline = this.day(by['deadline'], sheet, { zh: '整改时限', en: 'The deadline' });
    if (by['deadline']) this.deadlineCell.set(finding, by['deadline']);
    if (deadline?.kind === 'day') finding.deadline = deadline.day;
    if (deadline?.kind === 'measure_kind') this.kindFromDeadline.set(finding, deadline.measureKind);
    const revised = this.day(by['revisedDeadline'], sheet, { zh: '调整后时限', en: 'The revised due date' });
    if (revised?.kind === 'day') finding.revisedDeadline = revised.day;
    const done = this.day(by['completedOn'], sheet, { zh: '完成时间', en: 'The date closed' });
    if (done?.kind === 'day') finding.completedOn = done.day;
    const signed = this.day(by['signedOffOn'], sheet, { zh: '销号时间', en: 'The sign-off date' });
    if (signed?.kind === 'day') finding.signedOffOn = signed.day;
  }

  private readStatus(finding: ClerkFinding, sheet: string, by: Partial<Record<string, Cell>>, derived: boolean): void {
    const cell = by['status'];
    if (cell && cell.text !== '') {
      finding.statusRaw = cell.text;
      const read = readStatusText(cell.text, this.statusWords);
      const where = { sheet, cell: cell.address, header: cell.header, raw: cell.text };
      if (read?.status) {
        finding.status = read.status;
        if (read.doubt === 'overdue') {
          this.log.warn('status.overdue', { ...where, read: 'in_progress' }, '“逾期”不是状态而是按期限推算的：读作“正在整改”', '"Overdue" is not a status but follows from the deadline: read as in progress');
        }
        return;
      }
      const fallback = this.derivedStatus(finding);
      this.log.warn('status.unknown', { ...where, read: fallback },
        `“${cell.text}”没有对应的整改状态，按其他列读作${fallback}；可在映射文件 "statuses" 中指定`,
        `"${cell.text}" has no rectify status; read as ${fallback} from the other columns (map it under "statuses" in the mapping file)`);
      finding.status = fallback;
      return;
    }
    if (derived) finding.status = this.derivedStatus(finding);
  }

  /** A status from what the row says when it has no status word: a completion day, progress, or nothing yet. */
  private derivedStatus(finding: ClerkFinding): FindingStatus {
    if (finding.completedOn) return 'completed';
    return finding.progress.length > 0 ? 'in_progress' : 'not_started';
  }

  private addMeasures(finding: ClerkFinding, sheet: string, by: Partial<Record<string, Cell>>, ownRow: boolean): void {
    const cell = by['measures'];
    if (!cell || cell.text === '' || (cell.mergedFrom && finding.measures.some((m) => m.ref.endsWith(`!${cell.mergedFrom}`)))) return;
    const texts = splitMeasures(cell.text);
    const kindCell = by['kind'];
    const kindWord = kindCell && kindCell.text !== '' ? readDayText(kindCell.text) : undefined;
    let deadline: CalendarDay | undefined;
    let kindFromDeadline = this.kindFromDeadline.get(finding);
    if (ownRow && by['deadline'] && by['deadline'].text !== '') {
      // The row's own 时限 decides for the measures it holds (立行立改 on one row, a date on the next).
      const d = this.day(by['deadline'], sheet, { zh: '整改时限', en: 'The deadline' });
      if (d?.kind === 'day') {
        deadline = d.day;
        kindFromDeadline = undefined;
      }
      if (d?.kind === 'measure_kind') kindFromDeadline = d.measureKind;
    }
    const kind: MeasureKind = kindWord?.kind === 'measure_kind' ? kindWord.measureKind : kindFromDeadline ?? 'by_deadline';
    for (const text of texts) {
      const m: ClerkMeasure = { ordinal: finding.measures.length + 1, text, kind, ref: `${sheet}!${cell.mergedFrom ?? cell.address}` };
      if (deadline && kind === 'by_deadline') m.deadline = deadline;
      finding.measures.push(m);
    }
  }

  private addProgress(finding: ClerkFinding, by: Partial<Record<string, Cell>>, weeks: Cell[]): void {
    const p = by['progress'];
    if (p && p.text !== '' && !finding.progress.some((x) => x.text === p.text)) finding.progress.push({ text: p.text, ref: p.address });
    for (const w of weeks) {
      if (w.text === '' || finding.progress.some((x) => x.text === w.text)) continue;
      const year = this.asOf ? Number(this.asOf.slice(0, 4)) : undefined;
      const on = readDayText(w.header.replace(/(进展|情况|更新|周)$/, ''), year === undefined ? {} : { year });
      finding.progress.push({ text: w.text, ref: w.address, ...(on.kind === 'day' ? { on: on.day } : {}) });
    }
  }

  // -- 三张清单: tasks and responsibility joined on 问题序号 ---------------------------------

  private linked(table: Table, findings: ClerkFinding[], link: Cell | undefined): ClerkFinding | undefined {
    if (!link || link.text === '') return undefined;
    const key = readOrdinal(link.text);
    const f = findings.find((x) => x.key === link.text.trim()) ?? findings.find((x) => key.ordinal !== undefined && x.ordinal === (key.parent ?? key.ordinal) && x.key === String(key.parent ?? key.ordinal));
    if (!f) {
      this.log.error('link.unknown', { sheet: table.grid.name, cell: link.address, header: link.header, raw: link.text },
        `问题清单中没有序号为“${link.text}”的问题`, `no problem numbered "${link.text}" in the list of problems`);
    }
    return f;
  }

  private readTasks(table: Table, findings: ClerkFinding[]): void {
    const counted = new Set<ClerkFinding>();
    for (let r = table.firstRow; r <= lastRow(table.grid); r++) {
      const { by } = rowCells(table, r);
      if (!by.measures || by.measures.text === '') continue;
      const f = this.linked(table, findings, by.link);
      if (!f) continue;
      if (!counted.has(f)) {
        // The 任务清单 is the plan: it replaces measures split out of a 问题清单 cell.
        f.measures = [];
        counted.add(f);
      }
      this.addMeasures(f, table.grid.name, by, true);
      if (by.leader || by.leadUnit || by.person) this.readResponsibleCells(f, table.grid.name, by);
    }
  }

  private readResponsibility(table: Table, findings: ClerkFinding[]): void {
    for (let r = table.firstRow; r <= lastRow(table.grid); r++) {
      const { by } = rowCells(table, r);
      const f = this.linked(table, findings, by.link);
      if (!f) continue;
      this.readResponsibleCells(f, table.grid.name, by);
      if (by.deadline && !f.deadline) this.readDates(f, table.grid.name, by);
    }
  }

  // -- one sheet per unit ----------------------------------------------------------------

  /** The same problem on two units' sheets is one finding with two units: the first sheet's leads. */
  private merge(rows: ProblemRow[]): ClerkFinding[] {
    const out: ClerkFinding[] = [];
    const byTitle = new Map<string, ClerkFinding>();
    for (const { finding, sheetUnit } of rows) {
      if (sheetUnit && !finding.leadUnit) finding.leadUnit = sheetUnit;
      if (!sheetUnit) {
        out.push(finding);
        continue;
      }
      const key = finding.title.replace(/[\s，,。.、；;“”"']/g, '');
      const same = byTitle.get(key);
      if (same) {
        if (sheetUnit !== same.leadUnit && !same.coUnits.includes(sheetUnit)) same.coUnits.push(sheetUnit);
        continue;
      }
      byTitle.set(key, finding);
      out.push(finding);
    }
    if (rows.some((r) => r.sheetUnit)) {
      const used = new Set<string>();
      for (const f of out) {
        let key = f.key;
        for (let n = 2; used.has(key); n++) key = `${f.key}-${n}`;
        used.add(key);
        f.key = key;
      }
    }
    return out;
  }

  // -- what the rows leave open ------------------------------------------------------------

  private finish(findings: ClerkFinding[]): void {
    // What follows from the layout (no leader column, no unit column) is said once per sheet, not on every row.
    const said = new Set<string>();
    const once = (code: string, sheet: string, zh: string, en: string) => {
      if (said.has(`${code}@${sheet}`)) return;
      said.add(`${code}@${sheet}`);
      this.log.warn(code, { sheet }, zh, en);
    };
    for (const f of findings) {
      // A 任务清单 dates its tasks: a finding with no deadline of its own is due when its last dated task is.
      // A finding is not done before its last measure is due: a measure's later day is the finding's.
      const fromTasks = f.measures.map((m) => m.deadline).filter((d): d is CalendarDay => d !== undefined).sort().at(-1);
      if (fromTasks !== undefined && (f.deadline === undefined || fromTasks > f.deadline)) f.deadline = fromTasks;
      // A measure keeps a deadline of its own only where it differs from the finding's.
      for (const m of f.measures) if (m.deadline === f.deadline) delete m.deadline;
    }
    const latest = findings.map((f) => f.deadline).filter((d): d is CalendarDay => d !== undefined).sort().at(-1);
    for (const f of findings) {
      const [sheet, cells] = f.ref.split('!') as [string, string];
      const where = { sheet, cell: cells };
      const kindFromDeadline = this.kindFromDeadline.get(f);
      if (!f.deadline && (f.leader || f.leadUnit || f.person)) {
        const fallback = this.mapping.defaultDeadline ?? latest;
        if (fallback) {
          f.deadline = fallback;
          const cell = this.deadlineCell.get(f);
          const why = cell?.text || (kindFromDeadline === 'immediate' ? '立行立改' : kindFromDeadline === 'long_term' ? '长期坚持' : '');
          this.log.warn('deadline.defaulted', { ...where, ...(cell ? { cell: cell.address, header: cell.header, raw: cell.text } : {}), read: fallback },
            `该问题的整改时限${why ? `为“${why}”` : '未写'}，没有日期：按${this.mapping.defaultDeadline ? '映射文件的 defaultDeadline' : '台账中最晚的整改时限'}${fallback}导入；如不对，请在映射文件中给出 "defaultDeadline"`,
            `the finding's deadline ${why ? `("${why}") ` : ''}gives no day: imported with ${fallback}, ${this.mapping.defaultDeadline ? 'the mapping\'s defaultDeadline' : 'the latest deadline in the ledger'} (give "defaultDeadline" in the mapping file to choose another)`);
        }
      }
      if (f.revisedDeadline && f.revisedDeadline !== f.deadline) {
        this.log.warn('deadline.revised', { ...where, read: f.revisedDeadline },
          `调整后时限${f.revisedDeadline}作为待批准的延期申请导入，原时限${f.deadline ?? '（无）'}仍有效，批准后生效`,
          `the revised due date ${f.revisedDeadline} is imported as an extension request awaiting decision; the due date ${f.deadline ?? '(none)'} stays in force until it is approved`);
      }
      if (!f.leader && f.person) {
        f.leader = f.person;
        once('leader.from_person', sheet, `台账未写责任领导：由责任人兼任（如 ${f.person}）`, `the ledger names no leader in charge: each owner is taken as the leader too (e.g. ${f.person})`);
      }
      if (!f.leadUnit && f.person) {
        const unit = this.mapping.defaultLeadUnit ?? this.posts.get(f.person);
        if (unit) {
          f.leadUnit = unit;
          once('unit.from_post', sheet, this.mapping.defaultLeadUnit ? `台账未写责任单位：按映射文件的 defaultLeadUnit“${unit}”导入` : `台账未写责任单位：按责任人的职务导入（如 ${f.person} → ${unit}）；可在映射文件中给出 "defaultLeadUnit"`,
            this.mapping.defaultLeadUnit ? `the ledger names no unit: the mapping's defaultLeadUnit "${unit}" is taken` : `the ledger names no unit: each owner's post is taken as the unit (e.g. ${f.person} → ${unit}); give "defaultLeadUnit" in the mapping file to choose another`);
        }
      }
      const missing = [!f.leader && '责任领导/leader', !f.leadUnit && '责任单位/unit', !f.person && '责任人/person', !f.deadline && '整改时限/deadline'].filter(Boolean);
      if (missing.length > 0 && missing.length < 4) {
        this.log.warn('assignment.incomplete', where, `缺少${missing.join('、')}：该问题导入后尚未分解落实，须补全后才能推进`,
          `missing ${missing.join(', ')}: the finding is imported unassigned and needs assigning before work can be recorded`);
      }
      if (f.completedOn && f.status !== 'completed' && f.status !== 'sustaining' && f.status !== 'awaiting_signoff' && f.status !== 'signed_off') {
        this.log.warn('status.completed_day_ignored', { ...where, read: f.status }, `状态为${f.statusRaw ?? f.status}，完成时间${f.completedOn}未导入`, `the status is ${f.statusRaw ?? f.status}, so the completion day ${f.completedOn} is not imported`);
        delete f.completedOn;
      }
      if (f.measures.length === 0) {
        this.log.warn('finding.no_measures', where, '该问题没有整改措施', 'the finding has no measures');
      }
      const on = this.asOf ?? this.today;
      if (on) for (const p of f.progress) p.on ??= on;
    }
  }

  private people(findings: ClerkFinding[]): ClerkLedger['people'] {
    const names = new Set<string>();
    for (const f of findings) for (const n of [f.principalLeader, f.leader, f.person]) if (n) names.add(n);
    const list = [...names];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (nearDuplicate(list[i]!, list[j]!)) {
          this.log.warn('name.near_duplicate', { sheet: '' }, `“${list[i]}”与“${list[j]}”只差一字，是否同一人？如是，请在映射文件 "aliases" 中合并`,
            `"${list[i]}" and "${list[j]}" differ by one character: the same person? If so, join them under "aliases" in the mapping file`);
        }
      }
    }
    return list.map((name) => (this.posts.has(name) ? { name, post: this.posts.get(name)! } : { name }));
  }

  private units(findings: ClerkFinding[]): ClerkLedger['units'] {
    const names = new Set<string>();
    for (const f of findings) for (const u of [f.leadUnit, ...f.coUnits]) if (u) names.add(u);
    return [...names].map((name) => ({ name, group: isUnitGroup(name) }));
  }
}

function rowOfAddress(address: string): number {
  return Number(/\d+$/.exec(address)![0]);
}

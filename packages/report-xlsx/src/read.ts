import type ExcelJS from 'exceljs';
import { excel } from './excel.js';
import {
  INSPECTION_KIND_LABELS,
  inspectionKindOf,
  LIGHT_LABELS,
  MEASURE_KIND_LABELS,
  STATUS_LABELS,
  text,
  type CalendarDay,
  type Evidence,
  type FindingStatus,
  type InspectionKind,
  type Light,
  type LocalizedText,
  type MeasureKind,
  type NamedId,
} from '@rectify/core';
import { readChoice, readDay, readInt, readMonth, readName, readText, type CellRead } from './cells.js';
import { WorkbookValidationError, type CellIssue } from './errors.js';
import { FORMAT_TAG, LAYOUT, WORDS, type SheetKey, type SheetLayout } from './layout.js';
import type { Ledger, LedgerFinding, LedgerProgress } from './ledger.js';
import { describeXmlFault, xmlFaultOf } from './xml-fault.js';
import { workbookTooLarge } from './zip-guard.js';

/** Options of {@link readLedgerWorkbook}. */
export interface ReadLedgerOptions {
  /**
   * Names known besides the workbook's own 名录 sheet, e.g. the store's units and
   * people: a name found in neither is an error, so a typo never creates a new person.
   */
  directory?: { units?: readonly NamedId[]; people?: readonly NamedId[] };
}

/** Accepted words → value, in both languages, plus the identifiers themselves. */
function choices<T extends string>(labels: Record<T, Record<'zh-CN' | 'en', string>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, label] of Object.entries(labels) as [T, Record<'zh-CN' | 'en', string>][]) {
    map.set(value, value);
    map.set(label['zh-CN'], value);
    map.set(label.en, value);
  }
  return map;
}

const STATUS = choices<FindingStatus>(STATUS_LABELS);
const LIGHT = choices<Light>(LIGHT_LABELS);
const KIND = choices<MeasureKind>(MEASURE_KIND_LABELS);
const DONE = choices({ done: WORDS.done, open: WORDS.open });
const ENTRY = choices({ update: WORDS.update, monthly_report: WORDS.monthly_report });
const shown = (map: ReadonlyMap<string, string>) => [...new Set([...map.keys()].filter((k) => /[^\x00-\x7f]/.test(k)))];

/** Reads one sheet's rows by header, collecting an issue per bad cell. */
class SheetReader {
  readonly name: string;
  private readonly columns = new Map<string, number>();
  /** The cells (`row:key`) whose value was refused, so that no rule across sheets adds a second issue about them. */
  private readonly refused = new Set<string>();

  constructor(
    readonly ws: ExcelJS.Worksheet | undefined,
    readonly layout: SheetLayout,
    private readonly issues: CellIssue[],
  ) {
    this.name = ws?.name ?? layout.name['zh-CN'];
    if (ws === undefined) {
      this.issue(1, undefined, '', text(`缺少工作表“${layout.name['zh-CN']}”（或“${layout.name.en}”）`, `The sheet "${layout.name['zh-CN']}" (or "${layout.name.en}") is missing`));
      return;
    }
    const seen = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => {
      const text = readName(cell);
      if (text.ok && text.value !== undefined) seen.set(text.value, col);
    });
    for (const c of layout.columns) {
      const col = seen.get(c.header['zh-CN']) ?? seen.get(c.header.en);
      if (col !== undefined) this.columns.set(c.key, col);
      else if (c.kind !== 'derived' && c.kind !== 'lines') this.issue(1, undefined, c.header['zh-CN'], text(`表头缺少“${c.header['zh-CN']}”（或“${c.header.en}”）列`, `The column "${c.header['zh-CN']}" (or "${c.header.en}") is missing from the header row`));
    }
  }

  /** The data rows (2 on) that hold anything, with their row numbers. */
  rows(): { number: number; row: ExcelJS.Row }[] {
    const out: { number: number; row: ExcelJS.Row }[] = [];
    this.ws?.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const used = [...this.columns.values()].some((col) => {
        const t = readText(row.getCell(col));
        return !t.ok || t.value !== undefined;
      });
      if (used) out.push({ number, row });
    });
    return out;
  }

  /** Reads a cell with `read`, recording an issue (and answering undefined) when it is bad or missing but required. */
  get<T>(row: { number: number; row: ExcelJS.Row }, key: string, read: (cell: ExcelJS.Cell) => CellRead<T>, required = false): T | undefined {
    const col = this.columns.get(key);
    if (col === undefined) return undefined;
    const cell = row.row.getCell(col);
    const result = read(cell);
    const header = this.layout.columns.find((c) => c.key === key)!.header['zh-CN'];
    if (!result.ok) {
      this.refused.add(`${row.number}:${key}`);
      this.issue(row.number, col, header, text(`${header}${result.message['zh-CN']}`, `${header} ${result.message.en}`));
      return undefined;
    }
    if (required && result.value === undefined) this.issue(row.number, col, header, text(`${header}不能为空`, `${header} is required`));
    return result.value;
  }

  /** Whether the cell of column `key` in `row` was refused when read. */
  wasRefused(row: number, key: string): boolean {
    return this.refused.has(`${row}:${key}`);
  }

  /** The letter and header of each column found, by the layout's column key. */
  columnsFound(): Record<string, { letter: string; header: string }> {
    const out: Record<string, { letter: string; header: string }> = {};
    for (const [key, col] of this.columns) out[key] = { letter: columnLetter(col), header: this.layout.columns.find((c) => c.key === key)!.header['zh-CN'] };
    return out;
  }

  /** An issue with the cell of column `key` in `row`: its letter and header come from the layout. */
  cellIssue(row: number, key: string, message: LocalizedText): void {
    this.issue(row, this.columns.get(key), this.layout.columns.find((c) => c.key === key)?.header['zh-CN'] ?? '', message);
  }

  issue(row: number, col: number | undefined, header: string, message: LocalizedText): void {
    this.issues.push({ sheet: this.name, row, column: col === undefined ? '' : columnLetter(col), header, message: message.en, localized: message });
  }
}

/** A workbook refused as a whole (not a cell of it). */
function workbookError(sheet: string, message: LocalizedText): WorkbookValidationError {
  return new WorkbookValidationError([{ sheet, row: 0, column: '', header: '', message: message.en, localized: message }]);
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheet(wb: ExcelJS.Workbook, key: SheetKey): ExcelJS.Worksheet | undefined {
  const name = LAYOUT[key].name;
  return wb.getWorksheet(name['zh-CN']) ?? wb.getWorksheet(name.en);
}

/**
 * Reads a ledger workbook written by {@link writeLedgerWorkbook}, or kept by hand in
 * its layout, back into a {@link Ledger}. Columns are found by header in either
 * language; dates may be Excel dates or text (2023-11-30, 2023年11月30日); units and
 * people are named as in the 名录 sheet (or `options.directory`).
 *
 * Every bad cell is reported, not just the first, and nothing is returned unless all
 * are good: the caller never holds half a ledger.
 *
 * @throws {@link WorkbookValidationError} listing each bad cell with its sheet, row,
 * column and what is wrong.
 *
 * @example
 * ```ts
 * try { const ledger = await readLedgerWorkbook(readFileSync('台账.xlsx')); }
 * catch (e) { if (e instanceof WorkbookValidationError) for (const c of e.cells) console.error(`${c.sheet}!${c.column}${c.row}: ${c.message}`); }
 * ```
 */
export async function readLedgerWorkbook(data: Uint8Array, options: ReadLedgerOptions = {}): Promise<Ledger> {
  const tooLarge = workbookTooLarge(data);
  if (tooLarge !== undefined) throw workbookError('', text(`工作簿过大，未打开：${tooLarge}`, `The workbook is not opened: ${tooLarge}`));
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (cause) {
    const fault = xmlFaultOf(data);
    if (fault !== undefined) {
      const said = describeXmlFault(fault);
      throw workbookError(fault.sheet ?? '', text(`工作簿无法读取：${said['zh-CN']}`, `The workbook cannot be read: ${said.en}`));
    }
    throw workbookError('', text(`不是 Excel 工作簿（.xlsx）：${(cause as Error).message}`, `Not an Excel workbook (.xlsx): ${(cause as Error).message}`));
  }
  const issues: CellIssue[] = [];
  const readers = {
    about: new SheetReader(sheet(wb, 'about'), LAYOUT.about, issues),
    directory: new SheetReader(sheet(wb, 'directory'), LAYOUT.directory, issues),
    problems: new SheetReader(sheet(wb, 'problems'), LAYOUT.problems, issues),
    tasks: new SheetReader(sheet(wb, 'tasks'), LAYOUT.tasks, issues),
    responsibility: new SheetReader(sheet(wb, 'responsibility'), LAYOUT.responsibility, issues),
    ledger: new SheetReader(sheet(wb, 'ledger'), LAYOUT.ledger, issues),
  };
  const about = readAbout(readers.about);
  const directory = readDirectory(readers.directory, options);
  const rows = new Map<string, FindingRows>();
  const findings = readProblems(readers.problems, about.categories, rows);
  const byId = new Map(findings.map((f) => [f.id, f]));
  const findingOf = (r: SheetReader, row: { number: number; row: ExcelJS.Row }) => {
    const id = r.get(row, 'findingId', readName, true);
    if (id === undefined) return undefined;
    const f = byId.get(id);
    if (f === undefined) r.cellIssue(row.number, 'findingId', text(`“${readers.problems.name}”中没有编号为“${id}”的问题`, `No finding "${id}" in ${readers.problems.name}`));
    return f;
  };
  readTasks(readers.tasks, findingOf, rows);
  readResponsibility(readers.responsibility, findingOf, directory, rows);
  readEntries(readers.ledger, findingOf, directory, rows);
  checkFindings(readers, findings, rows);

  if (issues.length > 0) throw new WorkbookValidationError(issues);
  return {
    inspection: {
      id: about.inspectionId!, title: about.inspectionTitle ?? '',
      ...(about.kind === undefined ? {} : { kind: about.kind }),
      ...(about.inspector === undefined ? {} : { inspector: about.inspector }),
    },
    organisation: { name: about.organisation ?? '' },
    asOf: about.asOf!,
    categories: about.categories,
    findings,
    directory: { units: directory.units, people: directory.people },
    source: {
      sheets: {
        problems: { name: readers.problems.name, columns: readers.problems.columnsFound() },
        tasks: { name: readers.tasks.name, columns: readers.tasks.columnsFound() },
        responsibility: { name: readers.responsibility.name, columns: readers.responsibility.columnsFound() },
        ledger: { name: readers.ledger.name, columns: readers.ledger.columnsFound() },
      },
      findings: rows,
    },
  };
}

/** The rows a finding is read from, filled in sheet by sheet. */
interface FindingRows {
  problems: number;
  responsibility: number | undefined;
  measures: Map<string, number>;
  progress: number[];
}

interface About {
  inspectionId: string | undefined;
  inspectionTitle: string | undefined;
  kind: InspectionKind | undefined;
  inspector: string | undefined;
  organisation: string | undefined;
  asOf: CalendarDay | undefined;
  categories: { ordinal: number; title: string }[];
}

/** An inspection kind, written as its label in either language (巡察, audit) or as its id (xuncha). */
const readKind = (cell: ExcelJS.Cell) => readChoice(cell, inspectionKindOf, Object.values(INSPECTION_KIND_LABELS).map((l) => l['zh-CN']));

function readAbout(r: SheetReader): About {
  const about: About = { inspectionId: undefined, inspectionTitle: undefined, kind: undefined, inspector: undefined, organisation: undefined, asOf: undefined, categories: [] };
  let inCategories = false;
  let format: string | undefined;
  const is = (key: string | undefined, word: Record<'zh-CN' | 'en', string>) => key === word['zh-CN'] || key === word.en;
  for (const row of r.rows()) {
    const key = r.get(row, 'key', readName);
    if (inCategories) {
      const ordinal = r.get(row, 'key', (c) => readInt(c), true);
      const title = r.get(row, 'value', readText, true);
      if (ordinal !== undefined && title !== undefined) {
        if (about.categories.some((c) => c.ordinal === ordinal)) r.cellIssue(row.number, 'key', text(`类别 ${ordinal} 重复列出`, `Category ${ordinal} is listed twice`));
        else about.categories.push({ ordinal, title });
      }
    } else if (is(key, WORDS.categoryOrdinal)) inCategories = true;
    else if (is(key, WORDS.format)) format = r.get(row, 'value', readName);
    else if (is(key, WORDS.inspectionId)) about.inspectionId = r.get(row, 'value', readName, true);
    else if (is(key, WORDS.inspectionTitle)) about.inspectionTitle = r.get(row, 'value', readText);
    else if (is(key, WORDS.inspectionKind)) about.kind = r.get(row, 'value', readKind);
    else if (is(key, WORDS.inspector)) about.inspector = r.get(row, 'value', readName);
    else if (is(key, WORDS.organisation)) about.organisation = r.get(row, 'value', readName);
    else if (is(key, WORDS.asOf)) about.asOf = r.get(row, 'value', readDay, true);
  }
  if (r.ws !== undefined) {
    if (format !== FORMAT_TAG) r.issue(1, undefined, '', text(`这不是 rectify 台账：“${WORDS.format['zh-CN']}”一行应为 ${FORMAT_TAG}`, `This is not a rectify ledger: the row "${WORDS.format['zh-CN']}" must read ${FORMAT_TAG}`));
    if (about.inspectionId === undefined) r.issue(1, undefined, '', text(`缺少“${WORDS.inspectionId['zh-CN']}”一行（巡察的编号）`, `The row "${WORDS.inspectionId['zh-CN']}" (the inspection's ID) is missing`));
    if (about.asOf === undefined) r.issue(1, undefined, '', text(`缺少“${WORDS.asOf['zh-CN']}”一行（台账的统计日）`, `The row "${WORDS.asOf['zh-CN']}" (the ledger's day) is missing`));
  }
  return about;
}

interface Directory {
  units: NamedId[];
  people: NamedId[];
  unitId: (name: string) => string | undefined;
  personId: (name: string) => string | undefined;
}

function readDirectory(r: SheetReader, options: ReadLedgerOptions): Directory {
  const units: NamedId[] = [];
  const people: NamedId[] = [];
  const TYPE = choices({ unit: WORDS.unit, person: WORDS.person });
  for (const row of r.rows()) {
    const type = r.get(row, 'type', (c) => readChoice(c, TYPE, shown(TYPE)), true);
    const id = r.get(row, 'id', readName, true);
    const name = r.get(row, 'name', readName, true);
    if (type === undefined || id === undefined || name === undefined) continue;
    const list = type === 'unit' ? units : people;
    const what = type === 'unit' ? '部门' : '人员';
    if (list.some((e) => e.id === id)) r.cellIssue(row.number, 'id', text(`${what}编号“${id}”重复列出`, `The ${type} ID "${id}" is listed twice`));
    else if (list.some((e) => e.name === name)) r.cellIssue(row.number, 'name', text(`两个${what}都叫“${name}”：名称须能区分`, `Two ${type === 'unit' ? 'units' : 'people'} are named "${name}": names must tell them apart`));
    else list.push({ id, name });
  }
  const lookup = (own: NamedId[], extra: readonly NamedId[] = []) => {
    const all = [...own, ...extra.filter((e) => !own.some((o) => o.id === e.id))];
    return (name: string) => all.find((e) => e.name === name)?.id ?? all.find((e) => e.id === name)?.id;
  };
  return { units, people, unitId: lookup(units, options.directory?.units), personId: lookup(people, options.directory?.people) };
}

function readProblems(r: SheetReader, categories: readonly { ordinal: number }[], rows: Map<string, FindingRows>): LedgerFinding[] {
  const findings: LedgerFinding[] = [];
  for (const row of r.rows()) {
    const id = r.get(row, 'id', readName, true);
    const categoryOrdinal = r.get(row, 'categoryOrdinal', (c) => readInt(c));
    if (categoryOrdinal !== undefined && !categories.some((c) => c.ordinal === categoryOrdinal)) {
      r.cellIssue(row.number, 'categoryOrdinal', text(`类别 ${categoryOrdinal} 未列在“${LAYOUT.about.name['zh-CN']}”表中`, `Category ${categoryOrdinal} is not listed in the sheet ${LAYOUT.about.name['zh-CN']}`));
    }
    const finding: LedgerFinding = {
      id: id ?? '',
      categoryOrdinal: categoryOrdinal ?? null,
      ordinal: r.get(row, 'ordinal', (c) => readInt(c), true) ?? 0,
      title: r.get(row, 'title', readText, true) ?? '',
      status: r.get(row, 'status', (c) => readChoice(c, STATUS, shown(STATUS)), true) ?? 'not_started',
      deadline: r.get(row, 'deadline', readDay),
      originalDeadline: undefined,
      completedOn: r.get(row, 'completedOn', readDay),
      signedOffOn: r.get(row, 'signedOffOn', readDay),
      reopenings: r.get(row, 'reopenings', (c) => readInt(c, 0)) ?? 0,
      // Derived, read so that a workbook written again is the same; never imported.
      daysOverdue: r.get(row, 'daysOverdue', (c) => readInt(c, 1)),
      light: r.get(row, 'light', (c) => readChoice(c, LIGHT, shown(LIGHT))),
      responsibility: undefined,
      measures: [],
      progress: [],
    };
    if (id !== undefined && findings.some((f) => f.id === id)) r.cellIssue(row.number, 'id', text(`问题编号“${id}”重复使用`, `The finding ID "${id}" is used twice`));
    else if (id !== undefined) {
      findings.push(finding);
      rows.set(id, { problems: row.number, responsibility: undefined, measures: new Map(), progress: [] });
    }
  }
  return findings;
}

type FindingOf = (r: SheetReader, row: { number: number; row: ExcelJS.Row }) => LedgerFinding | undefined;

function readTasks(r: SheetReader, findingOf: FindingOf, rows: Map<string, FindingRows>): void {
  for (const row of r.rows()) {
    const f = findingOf(r, row);
    const id = r.get(row, 'id', readName, true);
    const ordinal = r.get(row, 'ordinal', (c) => readInt(c), true);
    const measureText = r.get(row, 'text', readText, true);
    const kind = r.get(row, 'kind', (c) => readChoice(c, KIND, shown(KIND))) ?? 'by_deadline';
    const deadline = r.get(row, 'deadline', readDay);
    const done = r.get(row, 'done', (c) => readChoice(c, DONE, shown(DONE))) === 'done';
    const doneOn = r.get(row, 'doneOn', readDay);
    if (f === undefined || id === undefined || ordinal === undefined || measureText === undefined) continue;
    if (f.measures.some((m) => m.id === id)) r.cellIssue(row.number, 'id', text(`问题“${f.id}”有两项编号为“${id}”的措施`, `The finding "${f.id}" has two measures with the ID "${id}"`));
    else if (f.measures.some((m) => m.ordinal === ordinal)) r.cellIssue(row.number, 'ordinal', text(`问题“${f.id}”有两项序号为 ${ordinal} 的措施`, `The finding "${f.id}" has two measures numbered ${ordinal}`));
    else {
      f.measures.push({ id, ordinal, text: measureText, kind, deadline, done, doneOn, evidence: evidenceNotes(r.get(row, 'evidence', readText)) });
      rows.get(f.id)!.measures.set(id, row.number);
    }
  }
}

function readResponsibility(r: SheetReader, findingOf: FindingOf, directory: Directory, rows: Map<string, FindingRows>): void {
  const resolve = (row: { number: number; row: ExcelJS.Row }, key: string, what: 'unit' | 'person') => {
    const name = r.get(row, key, readName, key !== 'coUnits');
    if (name === undefined) return undefined;
    const header = LAYOUT.responsibility.columns.find((c) => c.key === key)!.header['zh-CN'];
    const names = key === 'coUnits' ? name.split(/[、,，;；]/).map((n) => n.trim()).filter(Boolean) : [name];
    const ids = names.map((n) => {
      const id = what === 'unit' ? directory.unitId(n) : directory.personId(n);
      if (id === undefined) r.cellIssue(row.number, key, text(`${header}：没有名为“${n}”的${what === 'unit' ? '部门' : '人员'}，请先加入“${LAYOUT.directory.name['zh-CN']}”表`, `${header}: no ${what} named "${n}"; add it to the sheet ${LAYOUT.directory.name['zh-CN']}`));
      return id;
    });
    return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  };
  for (const row of r.rows()) {
    const f = findingOf(r, row);
    const leader = resolve(row, 'leader', 'person')?.[0];
    const leadUnit = resolve(row, 'leadUnit', 'unit')?.[0];
    const coUnits = resolve(row, 'coUnits', 'unit') ?? [];
    const person = resolve(row, 'person', 'person')?.[0];
    const originalDeadline = r.get(row, 'originalDeadline', readDay);
    if (f === undefined || leader === undefined || leadUnit === undefined || person === undefined) continue;
    if (f.responsibility !== undefined) r.cellIssue(row.number, 'findingId', text(`问题“${f.id}”在本表中有两行`, `The finding "${f.id}" has two rows here`));
    else if (coUnits.includes(leadUnit)) r.cellIssue(row.number, 'coUnits', text('牵头部门不能同时是配合部门', 'The lead unit must not also be a co-unit'));
    else {
      f.responsibility = { responsibleLeaderId: leader, leadUnitId: leadUnit, coUnitIds: coUnits, responsiblePersonId: person };
      f.originalDeadline = originalDeadline;
      rows.get(f.id)!.responsibility = row.number;
    }
  }
}

function readEntries(r: SheetReader, findingOf: FindingOf, directory: Directory, rows: Map<string, FindingRows>): void {
  for (const row of r.rows()) {
    const f = findingOf(r, row);
    const on = r.get(row, 'on', readDay, true);
    const kind = r.get(row, 'kind', (c) => readChoice(c, ENTRY, shown(ENTRY))) ?? 'update';
    const period = r.get(row, 'period', readMonth);
    const measureOrdinal = r.get(row, 'measureOrdinal', (c) => readInt(c));
    const entryText = r.get(row, 'text', readText, true);
    const actorName = r.get(row, 'actor', readName, true);
    const actorId = actorName === undefined ? undefined : directory.personId(actorName);
    if (actorName !== undefined && actorId === undefined) r.cellIssue(row.number, 'actor', text(`记录人：没有名为“${actorName}”的人员，请先加入“${LAYOUT.directory.name['zh-CN']}”表`, `记录人: no person named "${actorName}"; add them to the sheet ${LAYOUT.directory.name['zh-CN']}`));
    if (kind === 'monthly_report' && period === undefined) r.cellIssue(row.number, 'period', text('月度报告须填写所属月份', '所属月份 is required for a monthly report'));
    if (f === undefined || on === undefined || entryText === undefined || actorId === undefined) continue;
    const entry: LedgerProgress = { on, kind, period, measureOrdinal, text: entryText, actorId, evidence: evidenceNotes(r.get(row, 'evidence', readText)) };
    f.progress.push(entry);
    rows.get(f.id)!.progress.push(row.number);
  }
}

/**
 * A 佐证材料 cell as evidence: each line a note in its own words. The workbook writes each
 * piece of evidence as a line (`evidenceText`), so what comes back is what a reader saw,
 * and writes the same cell again; a document's number or a file's bytes stay in the store
 * that wrote it (a file's line keeps its name, size and the start of its hash).
 */
function evidenceNotes(cell: string | undefined): Evidence[] {
  return (cell ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '').map((line) => ({ kind: 'note', text: line }));
}

/** Rules across sheets: a finding's ledger names its own measures; a deadline needs someone to answer for it. */
function checkFindings(readers: { problems: SheetReader; ledger: SheetReader }, findings: readonly LedgerFinding[], rows: ReadonlyMap<string, FindingRows>): void {
  for (const f of findings) {
    const at = rows.get(f.id)!;
    f.progress.forEach((p, i) => {
      if (p.measureOrdinal !== undefined && !f.measures.some((m) => m.ordinal === p.measureOrdinal)) {
        readers.ledger.cellIssue(at.progress[i]!, 'measureOrdinal', text(`问题“${f.id}”没有第 ${p.measureOrdinal} 项措施`, `The finding "${f.id}" has no measure ${p.measureOrdinal}`));
      }
    });
    // A deadline cell already refused (a date that is none) has said what is wrong with it.
    if ((f.deadline === undefined) !== (f.responsibility === undefined) && !readers.problems.wasRefused(at.problems, 'deadline')) {
      readers.problems.cellIssue(at.problems, 'deadline',
        f.deadline === undefined
          ? text(`问题“${f.id}”已明确责任人，但没有整改期限`, `The finding "${f.id}" has people answering for it but no 整改期限`)
          : text(`问题“${f.id}”有整改期限，但“${LAYOUT.responsibility.name['zh-CN']}”中没有它的一行`, `The finding "${f.id}" has a 整改期限 but no row in ${LAYOUT.responsibility.name['zh-CN']}`));
    }
  }
}

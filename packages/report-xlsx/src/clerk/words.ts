import { isCalendarDay, parseChineseNumeral, type CalendarDay, type FindingStatus, type MeasureKind } from '@rectify/core';

/**
 * Reading what clerks write in a ledger's cells: dates in their many forms, status
 * words, measures run together in one cell, units and names with posts. Pure text
 * in, value and the reason for any doubt out; the reader turns doubts into issues.
 */

/** Full-width digits and ASCII-like punctuation to half-width, so one pattern reads both. */
export function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** A header or word as compared: half-width, lower case, no white space, no trailing colon or parenthesised note. */
export function normaliseLabel(text: string): string {
  return halfWidth(text)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[:：*＊]+$/g, '');
}

// ---------------------------------------------------------------------------
// Dates

/** How a day was read from a cell. */
export type DayRead =
  | { kind: 'day'; day: CalendarDay; doubt?: DayDoubt }
  /** 立行立改 or 长期坚持 where a date should be: a kind of measure, not a day. */
  | { kind: 'measure_kind'; measureKind: MeasureKind }
  /** TBC, 待定, —: the cell says there is no day yet. */
  | { kind: 'none' }
  /** 01/02/2024 with no date order known: both readings. */
  | { kind: 'ambiguous'; candidates: [CalendarDay, CalendarDay] }
  | { kind: 'bad'; reason: 'not_a_day' | 'unreadable' | 'no_year' };

/** Why a day read is not quite what the cell says. */
export type DayDoubt = 'no_year' | 'month_end' | 'year_end' | 'half_year' | 'quarter' | 'several' | 'serial';

/** Options of {@link readDayText}. */
export interface DayTextOptions {
  /** The year of a date written without one (`11月30日`): the ledger's year. */
  year?: number;
  /** How to read `01/02/2024`: day first (en-GB, zh) or month first (en-US). Unset: ambiguous. */
  dateOrder?: 'dmy' | 'mdy';
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function dayOf(y: number, m: number, d: number): CalendarDay | undefined {
  const day = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isCalendarDay(day) ? day : undefined;
}

function lastDayOfMonth(y: number, m: number): CalendarDay | undefined {
  if (m < 1 || m > 12) return undefined;
  return dayOf(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A day from an Excel date serial. Only whole numbers that fall in 1990–2100 are
 * days: a ledger's `2023.1` or `3` is a typo or a count, never a date.
 */
export function dayOfSerial(n: number): CalendarDay | undefined {
  if (!Number.isInteger(n) || n < 32874 || n > 73415) return undefined;
  return new Date(EXCEL_EPOCH + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads a day from a cell's text as clerks write it: `2023-11-17`, `2023/11/17`,
 * `2023.11.17`, `2023年11月17日`, with 前/之前/以前/底前; `2023年12月底` and `2023年底`
 * (the last day, with a doubt); `上半年`, `第一季度`, `Q1 2024`; `11月30日` without a
 * year (the ledger's year, with a doubt); `31/12/2023` (day first, since 31 is no
 * month) and `01/02/2024` (ambiguous unless a date order is given); `15 Dec 2023`,
 * `30 November 2023`, `31-Dec-2023`. 立行立改 and 长期坚持 are measure kinds; TBC,
 * 待定 and a dash are no day.
 */
export function readDayText(raw: string, options: DayTextOptions = {}): DayRead {
  const text = halfWidth(raw).trim().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'none' };
  if (/立行立改|立即整改|即知即改/.test(text)) return { kind: 'measure_kind', measureKind: 'immediate' };
  if (/长期坚持|长期|持续推进|常态化/.test(text) && !/\d/.test(text)) return { kind: 'measure_kind', measureKind: 'long_term' };
  if (/^(tbc|tbd|n\/?a|待定|待明确|暂无|无|-+|—+|\/)$/i.test(text)) return { kind: 'none' };

  // Several dates in one cell (1.2023年10月底前；2.2023年12月底前): the latest is the finding's.
  const parts = text.split(/[;；\n]/).map((p) => p.replace(/^\d{1,2}[.、)](?=\s*\d{4})/, '').trim()).filter(Boolean);
  if (parts.length > 1) {
    const days = parts.map((p) => readOneDay(p, options)).filter((d): d is Extract<DayRead, { kind: 'day' }> => d.kind === 'day');
    if (days.length > 1) return { kind: 'day', day: days.map((d) => d.day).sort().at(-1)!, doubt: 'several' };
  }
  return readOneDay(text, options);
}

function readOneDay(input: string, options: DayTextOptions): DayRead {
  const text = input.replace(/^(于|在|截至|截止|by)\s*/i, '').replace(/\s*(之前|以前|前|为止|止|完成)$/, '').trim();
  const year = options.year;
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text))) return known(dayOf(+m[1]!, +m[2]!, +m[3]!));
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return known(dayOf(+m[1]!, +m[2]!, +m[3]!));
  if ((m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*(底|末)?$/.exec(text)) && (m[3] !== undefined || text.includes('月'))) {
    return approx(lastDayOfMonth(+m[1]!, +m[2]!), 'month_end');
  }
  if ((m = /^(\d{4})\s*年\s*(底|末|年底|年末)$/.exec(text))) return approx(dayOf(+m[1]!, 12, 31), 'year_end');
  if ((m = /^(?:(\d{4})\s*年)?\s*(上|下)半年(底|末)?$/.exec(text))) {
    const y = m[1] === undefined ? year : +m[1];
    if (y === undefined) return { kind: 'bad', reason: 'no_year' };
    return approx(m[2] === '上' ? dayOf(y, 6, 30) : dayOf(y, 12, 31), m[1] === undefined ? 'no_year' : 'half_year');
  }
  if ((m = /^(?:(\d{4})\s*年)?\s*第?([一二三四1-4])\s*季度(末|底)?$/.exec(text)) || (m = /^q([1-4])\s*(\d{4})$/i.exec(text))) {
    const [q, y] = /^q/i.test(text) ? [+m[1]!, +m[2]!] : [parseChineseNumeral(m[2]!) ?? +m[2]!, m[1] === undefined ? year : +m[1]];
    if (y === undefined) return { kind: 'bad', reason: 'no_year' };
    return approx(lastDayOfMonth(y, q * 3), 'quarter');
  }
  if ((m = /^(\d{4})\s*q([1-4])$/i.exec(text))) return approx(lastDayOfMonth(+m[1]!, +m[2]! * 3), 'quarter');
  if ((m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text)) || (m = /^(\d{1,2})\s*月\s*(底|末)$/.exec(text))) {
    if (year === undefined) return { kind: 'bad', reason: 'no_year' };
    const day = m[2] === '底' || m[2] === '末' ? lastDayOfMonth(year, +m[1]!) : dayOf(year, +m[1]!, +m[2]!);
    return approx(day, 'no_year');
  }
  if ((m = /^(?:(\d{4})\s*)?年\s*(底|末)$/.exec(text)) || text === '年底' || text === '年末') {
    const y = m?.[1] === undefined ? year : +m[1];
    if (y === undefined) return { kind: 'bad', reason: 'no_year' };
    return approx(dayOf(y, 12, 31), m?.[1] === undefined ? 'no_year' : 'year_end');
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    if (a > 12) return known(dayOf(y, b, a));
    if (b > 12) return known(dayOf(y, a, b));
    if (a === b) return known(dayOf(y, a, b));
    if (options.dateOrder === 'dmy') return known(dayOf(y, b, a));
    if (options.dateOrder === 'mdy') return known(dayOf(y, a, b));
    const dm = dayOf(y, b, a);
    const md = dayOf(y, a, b);
    return dm && md ? { kind: 'ambiguous', candidates: [dm, md] } : { kind: 'bad', reason: 'unreadable' };
  }
  if ((m = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-,]*(\d{4})$/i.exec(text))) return known(englishDay(+m[3]!, m[2]!, +m[1]!));
  if ((m = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text))) return known(englishDay(+m[3]!, m[1]!, +m[2]!));
  if (/^\d+(\.\d+)?$/.test(text)) return { kind: 'bad', reason: 'not_a_day' };
  return { kind: 'bad', reason: 'unreadable' };
}

function englishDay(y: number, month: string, d: number): CalendarDay | undefined {
  const n = MONTHS[month.toLowerCase().slice(0, month.toLowerCase().startsWith('sept') ? 4 : 3)];
  return n === undefined ? undefined : dayOf(y, n, d);
}

const known = (day: CalendarDay | undefined): DayRead => (day === undefined ? { kind: 'bad', reason: 'unreadable' } : { kind: 'day', day });
const approx = (day: CalendarDay | undefined, doubt: DayDoubt): DayRead => (day === undefined ? { kind: 'bad', reason: 'unreadable' } : { kind: 'day', day, doubt });

/** The first day written anywhere in a text (`填报时间：2023年11月20日`, `Status as at 30 November 2023`). */
export function findDayIn(text: string): CalendarDay | undefined {
  const t = halfWidth(text);
  const patterns = [
    /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
    /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/,
  ];
  for (const p of patterns) {
    const m = p.exec(t);
    if (m) {
      const day = dayOf(+m[1]!, +m[2]!, +m[3]!);
      if (day) return day;
    }
  }
  const en = /(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{4})/.exec(t) ?? null;
  if (en) return englishDay(+en[3]!, en[2]!, +en[1]!);
  const us = /([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})/.exec(t);
  return us ? englishDay(+us[3]!, us[1]!, +us[2]!) : undefined;
}

// ---------------------------------------------------------------------------
// Status words

/** A status word read: the status, or `null` for a word rectify has no status for (Risk accepted, 暂缓, 移交). */
export interface StatusRead {
  status: FindingStatus | null;
  /** `overdue`: a derived property, read as in progress; `contained`: the word was found inside a longer text. */
  doubt?: 'overdue' | 'contained' | 'percent';
}

/** The words of `../shared/ledgers/README.md`, in both languages; extendable through the mapping. */
export const STATUS_WORDS: Readonly<Record<string, FindingStatus | null>> = {
  已完成: 'completed', 已整改: 'completed', 已整改到位: 'completed', 完成: 'completed', 已完成整改: 'completed', 完成整改: 'completed',
  整改完成: 'completed', 办结: 'completed', 已办结: 'completed', 已落实: 'completed', closed: 'completed', complete: 'completed',
  completed: 'completed', implemented: 'completed', done: 'completed',
  阶段性完成并需长期坚持: 'sustaining', 阶段性完成: 'sustaining', 长期坚持: 'sustaining', 已完成并长期坚持: 'sustaining', 基本完成: 'sustaining',
  持续整改: 'sustaining', 基本完成取得阶段性成果并持续整改: 'sustaining', 取得阶段性成果: 'sustaining', 阶段性成效: 'sustaining',
  正在整改: 'in_progress', 整改中: 'in_progress', 正在推进: 'in_progress', 持续推进: 'in_progress', 部分整改: 'in_progress', 未完成: 'in_progress',
  未整改: 'in_progress', 进行中: 'in_progress', 推进中: 'in_progress', 正在落实: 'in_progress', open: 'in_progress', 'in progress': 'in_progress',
  ongoing: 'in_progress', overdue: 'in_progress', 'partially implemented': 'in_progress',
  未启动: 'not_started', 未开始: 'not_started', 'not started': 'not_started', planned: 'not_started',
  待审核销号: 'awaiting_signoff', 待验收: 'awaiting_signoff', 待销号: 'awaiting_signoff', 申请销号: 'awaiting_signoff',
  'closed - pending ia validation': 'awaiting_signoff', 'pending validation': 'awaiting_signoff', 'pending verification': 'awaiting_signoff',
  已销号: 'signed_off', 已验收: 'signed_off', verified: 'signed_off', validated: 'signed_off',
  'risk accepted': null, 暂缓: null, 移交: null, 已移交: null, 'not applicable': null,
};

const statusKey = (s: string) => halfWidth(s).toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/\s*[-–—]\s*/g, ' - ').trim();

/**
 * The status a cell's word stands for. Exact words first; then the longest known word
 * inside the text (已完成（材料已归档）), so 未完成 is never read as 完成; then a
 * percentage (100% completed, 0% not started, else in progress). `undefined`: not a status.
 */
export function readStatusText(raw: string, extra: Readonly<Record<string, FindingStatus | null>> = {}): StatusRead | undefined {
  const key = statusKey(raw);
  if (key === '') return undefined;
  const words = new Map<string, FindingStatus | null>();
  for (const [w, s] of Object.entries(STATUS_WORDS)) words.set(statusKey(w), s);
  for (const [w, s] of Object.entries(extra)) words.set(statusKey(w), s);
  if (words.has(key)) return { status: words.get(key)!, ...(key === 'overdue' ? { doubt: 'overdue' as const } : {}) };
  const percent = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(key);
  if (percent) {
    const p = Number(percent[1]);
    return { status: p >= 100 ? 'completed' : p <= 0 ? 'not_started' : 'in_progress', doubt: 'percent' };
  }
  let best: string | undefined;
  for (const w of words.keys()) if (w.length >= 2 && key.includes(w) && (best === undefined || w.length > best.length)) best = w;
  return best === undefined ? undefined : { status: words.get(best)!, doubt: 'contained' };
}

// ---------------------------------------------------------------------------
// Measures, units, names, categories

const CN_DIGITS = '一二三四五六七八九十';
/** A measure's own number at its start (`1.`, `（2）`, `③`, `一是`), dropped from its text. */
const LEADING_MARK = new RegExp(`^\\s*(?:\\(?\\d{1,2}[.、．)）](?!\\d)|[（(]\\d{1,2}[）)]|[①-⑳]|[${CN_DIGITS}]{1,3}是|[-•·*])\\s*`);

/**
 * The measures of one cell: split on 一是/二是…, on numbers that start a line or
 * follow a break (1. 1、 1) （1） ①), on line breaks, and, in Chinese text with none
 * of these, on ；. Each is trimmed of its marker and of trailing punctuation.
 */
export function splitMeasures(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return [];
  const clean = (parts: string[]) =>
    parts
      .map((p) => p.replace(LEADING_MARK, '').replace(/^[\s；;，,。.、]+|[\s；;，,。]+$/g, '').trim())
      .filter((p) => p.length > 0);
  const shi = new RegExp(`(?:^|(?<=[；;。，,\\n\\s]))[${CN_DIGITS}]{1,3}是`, 'g');
  if ((text.match(shi) ?? []).length >= 1 && new RegExp(`^\\s*一是`).test(text)) {
    return clean(text.split(shi));
  }
  // 1. 1、 1) start a measure only at a line's start or after a break; （1） and ① anywhere.
  const numbered = /(?:(?:^|(?<=[\n；;。]))\s*\(?\d{1,2}[.、．)）](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])\s*/g;
  const marks = text.match(numbered) ?? [];
  if (marks.length >= 2) return clean(text.split(numbered));
  if (text.includes('\n')) return clean(text.split('\n'));
  if (/[\u4e00-\u9fff]/.test(text) && text.includes('；')) {
    const parts = clean(text.split('；'));
    if (parts.every((p) => p.length >= 4)) return parts;
  }
  return clean([text]);
}

/** Unit names in one cell: split on 、，,；;/ and line breaks. */
export function splitUnits(raw: string): string[] {
  return halfWidth(raw)
    .split(/[、,;/\n]|，|；/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A group of units rather than one (各司法所, 相关科室, 各子企业): kept, but flagged. */
export function isUnitGroup(name: string): boolean {
  return /^(各|相关|有关|全体|所有|全局|全系统)/.test(name) || /各(单位|部门|科室|股室|子企业|司法所|支部)$/.test(name);
}

/** A person's name and post: `李振华（政工室主任）`, `Priya Shah (Head of Accounts Payable)`, `张三 主任`. */
export function splitNamePost(raw: string): { name: string; post?: string } {
  const t = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  const m = /^(.+?)\s*[（(]\s*(.+?)\s*[）)]$/.exec(t);
  if (m) return { name: m[1]!.trim(), post: m[2]! };
  const dash = /^(.+?)\s+[-–—,，]\s+(.+)$/.exec(t);
  if (dash && /[a-z]/i.test(t)) return { name: dash[1]!, post: dash[2]! };
  return { name: t };
}

/**
 * A category heading's number and title: `（一）党的…方面`, `一、…方面（7个）`,
 * `1. Procure-to-Pay`; the number is `undefined` when the heading has none.
 */
export function readCategoryHeading(raw: string): { ordinal?: number; title: string } {
  let t = halfWidth(raw).replace(/\s+/g, ' ').trim();
  let ordinal: number | undefined;
  const m = new RegExp(`^(?:\\(([${CN_DIGITS}]+)\\)|([${CN_DIGITS}]+)\\s*[、.]|(\\d{1,2})\\s*[、.](?!\\d)|第([${CN_DIGITS}\\d]+)(?:类|方面|部分)[:：、\\s]*)\\s*`).exec(t);
  if (m) {
    const numeral = m[1] ?? m[2] ?? m[4];
    ordinal = m[3] !== undefined ? Number(m[3]) : numeral === undefined ? undefined : (parseChineseNumeral(numeral) ?? (Number(numeral) || undefined));
    t = t.slice(m[0].length);
  }
  t = t.replace(/\s*\((?:共)?\d+\s*(?:个|项|条)(?:问题)?\)\s*$/, '').replace(/[:：]$/, '').trim();
  // Back to full-width brackets inside the title, as Chinese text writes them.
  if (/[\u4e00-\u9fff]/.test(t)) t = t.replace(/\(/g, '（').replace(/\)/g, '）');
  return ordinal === undefined ? { title: t } : { ordinal, title: t };
}

/** A row's number: `1`, `1.`, `（1）`, `一`, `1.2` (task 2 of problem 1), `IA-2023-03-01` (an id, no number). */
export function readOrdinal(raw: string): { ordinal?: number; parent?: number; id: string } {
  const t = halfWidth(raw).trim();
  let m: RegExpExecArray | null;
  if ((m = /^[(（]?(\d{1,4})[)）.、]?$/.exec(t))) return { ordinal: +m[1]!, id: m[1]! };
  if ((m = /^(\d{1,4})[.\-－](\d{1,3})$/.exec(t))) return { parent: +m[1]!, ordinal: +m[2]!, id: t };
  if ((m = new RegExp(`^[(（]?([${CN_DIGITS}]{1,3})[)）、]?$`).exec(t))) {
    const n = parseChineseNumeral(m[1]!);
    if (n !== undefined) return { ordinal: n, id: String(n) };
  }
  return { id: t };
}

/** Edit distance of at most one between two short names (李振华 / 李振化): a near-duplicate worth a warning. */
export function nearDuplicate(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 2) return false;
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === t[i]) i++;
  if (s.length === t.length) return s.slice(i + 1) === t.slice(i + 1);
  return s.slice(i) === t.slice(i + 1);
}

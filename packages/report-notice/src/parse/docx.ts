/**
 * Reading a notice published as a Word attachment (`.docx`): many sites post the signed
 * notice as a document beside, or instead of, the page. {@link docxToText} gives its
 * text as Word shows it, one paragraph a line, for {@link parseNotice}, the same as
 * {@link htmlToText} does for a page.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { zipTooLarge } from '@rectify/core';
import { decodeEntities as decode } from './html.js';

/** What a `.docx` holds that is not a Word document, or that may not be opened. */
export class DocxReadError extends Error {
  override readonly name = 'DocxReadError';
}

/** The two parts read: the body, and the list definitions its automatic numbers come from. */
const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';

/** A notice is a few pages: a part this large is not one (and is not inflated). */
const MAX_PART = 32 * 1024 * 1024;

/**
 * The text of a Word document as its reader sees it: each paragraph's runs joined, one
 * paragraph a line; tabs and line breaks kept; each table cell a paragraph of its own;
 * tracked deletions, field codes, headers, footers and comments left out; and the
 * numbers of automatically numbered lists written in front of their paragraphs as Word
 * draws them (`一、`, `（一）`, `1、`), because a clerk who numbers headings with Word's
 * list button leaves no number in the text, and the notice's structure is its numbers.
 *
 * @param data The bytes of the `.docx` file.
 * @throws DocxReadError when the bytes are not a Word document (a legacy `.doc`, another
 *   ZIP file) or would inflate past what a notice can be.
 *
 * @example
 * ```ts
 * const notice = parseNotice(docxToText(readFileSync('通报.docx')));
 * ```
 */
export function docxToText(data: Uint8Array): string {
  if (data[0] === 0xd0 && data[1] === 0xcf) throw new DocxReadError('This is a legacy Word file (.doc): save it as .docx, or as text, and import that');
  let parts: Record<string, Uint8Array>;
  try {
    const why = zipTooLarge(data, { totalBytes: 256 * 1024 * 1024 });
    if (why) throw new DocxReadError(`This .docx cannot be opened: ${why}`);
    parts = unzipSync(data, { filter: (f) => (f.name === DOCUMENT || f.name === NUMBERING) && f.originalSize <= MAX_PART });
  } catch (error) {
    if (error instanceof DocxReadError) throw error;
    throw new DocxReadError(`This is not a Word document (.docx): ${(error as Error).message}`);
  }
  const document = parts[DOCUMENT];
  if (!document) throw new DocxReadError(`This is not a Word document (.docx): it has no ${DOCUMENT}`);
  const numbering = parts[NUMBERING] ? listFormats(strFromU8(parts[NUMBERING])) : new Map<string, List>();
  return paragraphs(strFromU8(document), numbering).join('\n');
}

/** One level of a list definition: how its number is written. */
interface ListLevel {
  /** `decimal`, `chineseCounting`, `chineseCountingThousand`, `bullet`… */
  format: string;
  /** The number's text with `%1`… for the levels' counters, e.g. `（%1）` or `%1、`. */
  text: string;
  start: number;
}

/**
 * A list (`w:num`) as paragraphs refer to it: the definition it draws its levels from,
 * and where it restarts. Lists of one definition share their counters, as in Word: a
 * second list that continues the first (二、 after 一、) is how Word writes headings
 * separated by body text.
 */
interface List {
  definition: string;
  levels: ListLevel[];
  /** `w:startOverride` by level: the list starts again there at its first paragraph. */
  restarts: Map<number, number>;
}

/** Each list (`w:num`, by id), from `numbering.xml`. */
function listFormats(xml: string): Map<string, List> {
  const abstracts = new Map<string, ListLevel[]>();
  for (const a of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstracts.set(a[1]!, levelsOf(a[2]!));
  }
  const lists = new Map<string, List>();
  for (const n of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const definition = attribute(n[2]!, 'w:abstractNumId') ?? '';
    const levels = abstracts.get(definition);
    if (!levels) continue;
    const restarts = new Map<number, number>();
    for (const o of n[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attribute(o[2]!, 'w:startOverride');
      if (start !== undefined) restarts.set(Number(o[1]), Number(start));
    }
    lists.set(n[1]!, { definition, levels, restarts });
  }
  return lists;
}

function levelsOf(xml: string): ListLevel[] {
  const levels: ListLevel[] = [];
  for (const l of xml.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    levels[Number(l[1])] = {
      format: attribute(l[2]!, 'w:numFmt') ?? 'decimal',
      text: decode(attribute(l[2]!, 'w:lvlText') ?? ''),
      start: Number(attribute(l[2]!, 'w:start') ?? 1),
    };
  }
  return levels;
}

/** The `w:val` of the first `<name …/>` in `xml`. */
function attribute(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];
}

/** Elements whose text is not part of what the page shows. */
const SKIPPED = new Set(['w:del', 'w:instrText', 'w:delInstrText', 'w:fldData', 'w:commentReference', 'w:footnoteReference', 'w:endnoteReference', 'mc:Fallback']);

/**
 * Walks the body's tags in order: a paragraph's text is its `w:t` runs; `w:tab` and
 * `w:br` are a tab and a line break; what {@link SKIPPED} holds is left out. A text box
 * inside a paragraph gives paragraphs of its own.
 */
function paragraphs(xml: string, lists: Map<string, List>): string[] {
  const lines: string[] = [];
  const open: string[] = []; // the text of each paragraph being read, innermost last
  const numbers: (string | undefined)[] = [];
  const counters: Counters = { byDefinition: new Map(), started: new Set() };
  let skipping = 0;
  let inText = false;
  let numId: string | undefined;
  let level = 0;
  for (const m of xml.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && skipping === 0 && open.length > 0) open[open.length - 1] += decode(text);
      continue;
    }
    if (SKIPPED.has(name!)) {
      if (!selfClosing) skipping += closing ? -1 : 1;
      continue;
    }
    if (name === 'w:t') inText = !closing && !selfClosing;
    else if (name === 'w:p') {
      if (!closing) {
        open.push('');
        numbers.push(undefined);
        numId = undefined;
        level = 0;
        if (selfClosing) lines.push(open.pop()!), numbers.pop();
      } else if (open.length > 0) {
        const number = numbers.pop();
        lines.push((number ?? '') + open.pop()!);
      }
    } else if (skipping === 0 && open.length > 0 && !closing) {
      if (name === 'w:tab') open[open.length - 1] += '\t';
      else if (name === 'w:br' || name === 'w:cr') open[open.length - 1] += '\n';
      else if (name === 'w:ilvl') level = Number(/w:val="(\d+)"/.exec(attributes!)?.[1] ?? 0);
      else if (name === 'w:numId') {
        numId = /w:val="(\d+)"/.exec(attributes!)?.[1];
        const list = numId ? lists.get(numId) : undefined;
        if (numId && list) numbers[numbers.length - 1] = listNumber(list, numId, level, counters);
      }
    }
  }
  return lines;
}

/** The counters of each list definition, and the lists whose restarts have been applied. */
interface Counters {
  byDefinition: Map<string, number[]>;
  started: Set<string>;
}

/** The number Word draws for the next paragraph of list `numId` at `level`, counting it. */
function listNumber(list: List, numId: string, level: number, counters: Counters): string | undefined {
  const format = list.levels[level];
  if (!format || format.format === 'none' || format.format === 'bullet') return undefined;
  const counts = counters.byDefinition.get(list.definition) ?? [];
  const restart = counters.started.has(numId) ? undefined : list.restarts.get(level);
  counters.started.add(numId);
  counts[level] = restart !== undefined ? restart : counts[level] === undefined ? format.start : counts[level]! + 1;
  counts.length = level + 1; // a deeper level starts again under a new parent
  counters.byDefinition.set(list.definition, counts);
  return format.text.replace(/%(\d)/g, (_, n: string) => {
    const at = Number(n) - 1;
    return written(counts[at] ?? list.levels[at]?.start ?? 1, list.levels[at]?.format ?? 'decimal');
  });
}

const DIGITS = '〇一二三四五六七八九';
/** A counter as a list format writes it: 3, 三, 十二, 二十一. */
function written(n: number, format: string): string {
  if (!/^(chineseCounting|chineseCountingThousand|japaneseCounting|taiwaneseCounting)/.test(format) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}

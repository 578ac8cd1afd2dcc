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

/** The parts read: the body, the list definitions its automatic numbers come from, and the styles that may number. */
const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

/** A notice is a few pages: a part this large is not one (and is not inflated). */
const MAX_PART = 32 * 1024 * 1024;

/**
 * The text of a Word document as its reader sees it: each paragraph's runs joined, one
 * paragraph a line; tabs and line breaks kept; each table cell a paragraph of its own;
 * tracked deletions, field codes, headers, footers and comments left out; and the
 * numbers of automatically numbered lists written in front of their paragraphs as Word
 * draws them (`一、`, `（一）`, `1、`; a paragraph's own list or its style's), because a clerk who numbers headings with Word's
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
    parts = unzipSync(data, { filter: (f) => [DOCUMENT, NUMBERING, STYLES].includes(f.name) && f.originalSize <= MAX_PART });
  } catch (error) {
    if (error instanceof DocxReadError) throw error;
    throw new DocxReadError(`This is not a Word document (.docx): ${(error as Error).message}. Save the notice from Word as .docx, or as text, and import that`);
  }
  const document = parts[DOCUMENT];
  if (!document) throw new DocxReadError(`This is not a Word document (.docx): it has no ${DOCUMENT}. Save the notice from Word as .docx, or as text, and import that`);
  const numbering = parts[NUMBERING] ? listFormats(strFromU8(parts[NUMBERING])) : new Map<string, List>();
  const styles = parts[STYLES] ? styleLists(strFromU8(parts[STYLES])) : new Map<string, StyleList>();
  return paragraphs(strFromU8(document), numbering, styles).join('\n');
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
const SKIPPED = new Set(['w:del', 'w:instrText', 'w:delInstrText', 'w:fldData', 'w:commentReference', 'w:footnoteReference', 'w:endnoteReference', 'mc:Fallback', 'w:pPrChange', 'w:rPrChange']);

/** A paragraph style's list (`w:numPr` in `styles.xml`): a heading style that numbers its paragraphs. */
interface StyleList {
  numId: string | undefined;
  level: number | undefined;
  basedOn: string | undefined;
}

/** Each paragraph style that numbers, or is based on one that may, from `styles.xml`. */
function styleLists(xml: string): Map<string, StyleList> {
  const styles = new Map<string, StyleList>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:type="paragraph"[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]!)?.[1];
    const level = numPr === undefined ? undefined : attribute(numPr, 'w:ilvl');
    styles.set(m[1]!, {
      numId: numPr === undefined ? undefined : attribute(numPr, 'w:numId'),
      level: level === undefined ? undefined : Number(level),
      basedOn: attribute(m[2]!, 'w:basedOn'),
    });
  }
  return styles;
}

/** The list a style numbers with, looking through the styles it is based on. */
function listOfStyle(styles: Map<string, StyleList>, id: string | undefined): { numId: string | undefined; level: number | undefined } {
  for (let seen = 0, at = id; at !== undefined && seen < 20; seen++) {
    const style = styles.get(at);
    if (style === undefined) break;
    if (style.numId !== undefined) return { numId: style.numId, level: style.level };
    at = style.basedOn;
  }
  return { numId: undefined, level: undefined };
}

/** A paragraph being read: its text, and the list it is numbered in (its own, or its style's). */
interface OpenParagraph {
  text: string;
  style: string | undefined;
  numId: string | undefined;
  level: number | undefined;
}

/**
 * Walks the body's tags in order: a paragraph's text is its `w:t` runs; `w:tab` and
 * `w:br` are a tab and a line break; what {@link SKIPPED} holds is left out. A text box
 * inside a paragraph gives paragraphs of its own. A paragraph's number is drawn when it
 * closes, from its own list or its style's (`numId` 0 turns a style's numbering off).
 */
function paragraphs(xml: string, lists: Map<string, List>, styles: Map<string, StyleList>): string[] {
  const lines: string[] = [];
  const open: OpenParagraph[] = []; // innermost last
  const counters: Counters = { byDefinition: new Map(), started: new Set() };
  let skipping = 0;
  let inText = false;
  const val = (attributes: string) => /w:val="([^"]*)"/.exec(attributes)?.[1];
  const close = (p: OpenParagraph) => {
    const fromStyle = listOfStyle(styles, p.style);
    const numId = p.numId ?? fromStyle.numId;
    const list = numId !== undefined && numId !== '0' ? lists.get(numId) : undefined;
    const number = list ? listNumber(list, numId!, p.level ?? fromStyle.level ?? 0, counters) : undefined;
    lines.push((number ?? '') + p.text);
  };
  for (const m of xml.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, attributes, selfClosing, text] = m;
    const current = open.at(-1);
    if (text !== undefined) {
      if (inText && skipping === 0 && current) current.text += decode(text);
      continue;
    }
    if (SKIPPED.has(name!)) {
      if (!selfClosing) skipping += closing ? -1 : 1;
      continue;
    }
    if (name === 'w:t') inText = !closing && !selfClosing;
    else if (name === 'w:p') {
      if (!closing) {
        const p: OpenParagraph = { text: '', style: undefined, numId: undefined, level: undefined };
        if (selfClosing) close(p);
        else open.push(p);
      } else if (current) close(open.pop()!);
    } else if (skipping === 0 && current && !closing) {
      if (name === 'w:tab') current.text += '\t';
      else if (name === 'w:br' || name === 'w:cr') current.text += '\n';
      else if (name === 'w:pStyle') current.style = val(attributes!);
      else if (name === 'w:ilvl') current.level = Number(val(attributes!) ?? 0);
      else if (name === 'w:numId') current.numId = val(attributes!);
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

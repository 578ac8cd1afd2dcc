import { strFromU8, unzipSync } from 'fflate';

/** The text of one part of a ZIP-based document (DOCX, XLSX), e.g. `word/document.xml`. */
export function zipPart(data: Uint8Array, name: string): string {
  const part = unzipSync(data)[name];
  if (part === undefined) throw new Error(`No part ${name} in the file`);
  return strFromU8(part);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A DOCX document's text as Word shows it: each paragraph's runs joined, one paragraph
 * a line. For tests of formats that write Word documents.
 */
export function docxText(data: string | Uint8Array): string {
  const xml = zipPart(typeof data === 'string' ? new TextEncoder().encode(data) : data, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!)).join(''))
    .join('\n');
}

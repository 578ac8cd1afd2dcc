import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** A part of a workbook that is not well-formed XML, and where. */
export interface XmlFault {
  /** The part's path inside the ZIP archive, e.g. `xl/worksheets/sheet3.xml`. */
  part: string;
  /** The sheet the part holds, when it is a worksheet the workbook names. */
  sheet: string | undefined;
  /** The XML parser's reason, with its line and column (`2:2368: unmatched closing tag: worksheet.`). */
  reason: string;
}

/**
 * The first XML part of a workbook that is not well-formed, or `undefined`.
 *
 * Called only after exceljs has refused a workbook: its messages (`2:464: disallowed
 * character in tag name`, or a TypeError from deep inside when a part is cut short)
 * say neither which of the twenty parts is broken nor which sheet that is. The parts
 * are inflated again here, which the zip-bomb check has already bounded.
 */
export function xmlFaultOf(data: Uint8Array): XmlFault | undefined {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(data, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
  } catch {
    return undefined; // not a ZIP archive: the caller's message says it is no workbook
  }
  const sheets = sheetNamesByPart(parts);
  // The parts a workbook cannot do without come first: a broken workbook.xml is the cause, not a symptom.
  const order = Object.keys(parts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const part of order) {
    const reason = notWellFormed(strFromU8(parts[part]!));
    if (reason !== undefined) return { part, sheet: sheets.get(part), reason };
  }
  return undefined;
}

function rank(part: string): number {
  if (part === '[Content_Types].xml' || part.endsWith('.rels')) return 0;
  if (part === 'xl/workbook.xml') return 1;
  return 2;
}

/** Why a text is not well-formed XML, or `undefined` when it is. */
function notWellFormed(xml: string): string | undefined {
  const parser = new SaxesParser();
  let reason: string | undefined;
  parser.on('error', (error) => {
    reason ??= error.message;
  });
  parser.write(xml).close();
  return reason;
}

/**
 * Which sheet each worksheet part holds: `xl/workbook.xml` names the sheets with a
 * relationship id each, `xl/_rels/workbook.xml.rels` maps those ids to parts. Read
 * with patterns, since either file may be the broken one.
 */
function sheetNamesByPart(parts: Record<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  const workbook = parts['xl/workbook.xml'];
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (workbook === undefined || rels === undefined) return out;
  const targets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of strFromU8(workbook).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) out.set(part, unescapeXml(name));
  }
  return out;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** The fault in words, in both languages: what a clerk can look for. */
export function describeXmlFault(fault: XmlFault): { 'zh-CN': string; en: string } {
  const sheet = fault.sheet === undefined ? '' : fault.sheet;
  return {
    'zh-CN': `文件内部的 ${fault.part}${sheet ? `（工作表“${sheet}”）` : ''}已损坏，不是完整的 XML（${fault.reason}）；请用 Excel 打开（Excel 会提示修复）后另存为新的 .xlsx 再导入`,
    en: `the part ${fault.part}${sheet ? ` (the sheet "${sheet}")` : ''} is damaged, not well-formed XML (${fault.reason}); open the file in Excel (which offers to repair it) and save it as a new .xlsx before importing`,
  };
}

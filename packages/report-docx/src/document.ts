import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { stableZip, type CalendarDay, type RenderedReport, type ReportModel, type ReportRenderer } from '@rectify/core';
import { layoutNotice, type Block, type NoticeOptions } from '@rectify/report-notice';
import { DEFAULT_FONTS, GBT9704, type DocumentFonts } from './gbt9704.js';

/** Options of the official-document renderer: the notice's content, and the fonts. */
export interface OfficialDocumentOptions extends NoticeOptions {
  /** Typefaces to name in the document; defaults to {@link DEFAULT_FONTS}. */
  fonts?: Partial<DocumentFonts>;
}

type Fonts = DocumentFonts;

function run(text: string, fonts: Fonts, face: keyof Omit<Fonts, 'latin'>, extra: Omit<IRunOptions, 'text' | 'font'> = {}): TextRun {
  return new TextRun({ text, font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts[face], cs: fonts.latin }, size: GBT9704.size.body, ...extra });
}

const bodySpacing = { line: GBT9704.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const firstLine = { firstLine: 2 * GBT9704.char };

/**
 * The third level is written `1.` in an official document (GB/T 9704 §7.3.3), where
 * published web notices often write `1、`.
 */
function officialLabel(block: Extract<Block, { kind: 'heading' }>): string {
  return block.level === 3 ? block.label.replace(/^(\d+)、$/, '$1.') : block.label;
}

/** How wide a line of text is, in characters of the body size: CJK counts 1, Latin and digits ½. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

function paragraphs(blocks: readonly Block[], fonts: Fonts): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(b.text, fonts, 'title', { size: GBT9704.size.title })] }));
        // One blank line between the title and the text.
        out.push(new Paragraph({ spacing: bodySpacing, children: [] }));
        break;
      case 'heading': {
        const face = b.level === 1 ? 'heading1' : b.level === 2 ? 'heading2' : 'body';
        out.push(new Paragraph({
          spacing: bodySpacing, indent: firstLine, alignment: AlignmentType.JUSTIFIED, keepNext: true, outlineLevel: b.level - 1,
          children: [run(`${officialLabel(b)}${b.text}`, fonts, face, b.level === 3 ? { bold: true } : {})],
        }));
        break;
      }
      case 'paragraph':
        out.push(new Paragraph({ spacing: bodySpacing, indent: firstLine, alignment: AlignmentType.JUSTIFIED, children: [run(`${b.label ?? ''}${b.text}`, fonts, 'body')] }));
        break;
      case 'signature': {
        // 成文日期右空四字; the signer is centred above the date (GB/T 9704 §7.3.5.1).
        out.push(new Paragraph({ spacing: bodySpacing, children: [] }), new Paragraph({ spacing: bodySpacing, children: [] }));
        const date = b.lines.at(-1)!;
        for (const line of b.lines) {
          const right = line === date ? 4 : Math.max(0, 4 + (width(date) - width(line)) / 2);
          out.push(new Paragraph({ spacing: bodySpacing, alignment: AlignmentType.RIGHT, indent: { right: Math.round(right * GBT9704.char) }, children: [run(line, fonts, 'body')] }));
        }
        break;
      }
    }
  }
  return out;
}

/** "— 1 —" in 4号 半角宋体, right on odd pages and left on even ones, one character in (GB/T 9704 §7.5). */
function pageNumber(side: 'odd' | 'even'): Footer {
  const font = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' };
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: GBT9704.char } : { left: GBT9704.char },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: GBT9704.size.pageNumber })],
    })],
  });
}

/** The document's core properties, with the report's day instead of the moment it was written. */
function coreProperties(title: string, day: CalendarDay): string {
  const escape = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
  const at = `${day}T00:00:00Z`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escape(title)}</dc:title><dc:creator>rectify</dc:creator><cp:lastModifiedBy>rectify</cp:lastModifiedBy><cp:revision>1</cp:revision>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/**
 * The progress notice as an official document (公文) in the GB/T 9704 layout: A4 with
 * its margins, the title in 2号小标宋体 centred, the text in 3号仿宋 at 22 lines a page,
 * headings 一、 in 黑体, （一） in 楷体 and 1. in bold 仿宋, page numbers "— 1 —" on the
 * outer side, and the signer centred over the date four characters from the right.
 * The content is the notice's (`layoutNotice` of `@rectify/report-notice`); the same model gives the same bytes.
 *
 * @example
 * ```ts
 * writeFileSync('notice.docx', await officialDocument(model, { locale: 'zh-CN', ...content }));
 * ```
 */
export async function officialDocument(model: ReportModel, options: OfficialDocumentOptions): Promise<Uint8Array> {
  const fonts: Fonts = { ...DEFAULT_FONTS, ...options.fonts };
  const blocks = layoutNotice(model, options.locale, options);
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  const doc = new Document({
    creator: 'rectify',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.body }, size: GBT9704.size.body } } } },
    sections: [{
      properties: { page: { size: GBT9704.page, margin: { ...GBT9704.margin, footer: GBT9704.footer, header: 851 } } },
      footers: { default: pageNumber('odd'), even: pageNumber('even') },
      children: paragraphs(blocks, fonts),
    }],
  });
  const day = options.asOf ?? model.publishedOn ?? model.asOf;
  const packed = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(title, day) }]);
  return stableZip(new Uint8Array(packed));
}

/** The notice as a Word document; see {@link officialDocument}. */
export const docxNoticeRenderer: ReportRenderer<OfficialDocumentOptions> = {
  name: 'notice-docx',
  render: async (model, options): Promise<RenderedReport> => ({
    data: await officialDocument(model, options),
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `notice-${model.inspection.id}-${options.asOf ?? model.asOf}${options.locale === 'en' ? '-en' : ''}.docx`,
  }),
};

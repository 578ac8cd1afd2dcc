import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxToText, DocxReadError, parseNotice } from '../src/index.js';
import { CORPUS } from './corpus-files.js';

const RUNS = process.env.CI === 'true' ? 3_000 : 200;

/** A Word document of the given body and list definitions, packed as Word packs one (the parts a reader opens). */
function docx(body: string, numbering?: string, styles?: string): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}><w:body>${body}</w:body></w:document>`),
    ...(numbering ? { 'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${w}>${numbering}</w:numbering>`) } : {}),
    ...(styles ? { 'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${w}>${styles}</w:styles>`) } : {}),
  });
}
const p = (text: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('reading a notice from its Word attachment', () => {
  it('reads a document saved by LibreOffice, with the numbers Word draws for its automatic lists', () => {
    const text = docxToText(readFileSync(join(CORPUS, '23-docx-auto-numbered.docx')));
    const lines = text.split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe('中共某区司法局党组关于区委第六轮巡察集中整改进展情况的通报');
    // The headings carry no number in the text: 一、 二、 （一） （二） come from numbering.xml,
    // 二、 continuing 一、 through a second list of the same definition.
    expect(lines.filter((l) => /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(l))).toEqual([
      '一、整改工作组织情况', '二、巡察反馈问题整改落实情况', '（一）贯彻落实党中央决策部署方面', '（二）全面从严治党方面',
    ]);
    const n = parseNotice(text);
    expect(n.findings.map((f) => `${f.categoryOrdinal}.${f.ordinal} ${f.status?.value}`)).toEqual(['1.1 completed', '1.2 sustaining', '2.1 completed', '2.2 completed']);
  });

  it('keeps what Word shows and leaves out what it does not: tracked deletions, field codes; tabs and breaks kept; entities decoded', () => {
    const body = [
      '<w:p><w:r><w:t>整改进度：</w:t></w:r><w:del w:id="1"><w:r><w:delText>正在推进</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>已完成</w:t></w:r></w:ins><w:r><w:t>。</w:t></w:r></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>电话</w:t><w:tab/><w:t>0768-2209224</w:t><w:br/><w:t>邮箱 a&amp;b@x.cn &#x201C;引&#8221;</w:t></w:r></w:p>',
      '<w:p/>',
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>索引号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>001</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    ].join('');
    expect(docxToText(docx(body))).toBe('整改进度：已完成。\n电话\t0768-2209224\n邮箱 a&b@x.cn “引”\n\n索引号\n001');
  });

  it('numbers decimal and Chinese lists, restarts where a list says so, and numbers a deeper level again under each parent', () => {
    const numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
      + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2．"/></w:lvl></w:abstractNum>'
      + '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
      + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>'
      + '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>';
    const at = (numId: number, level = 0) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;
    const body = [p('甲', at(1)), p('子', at(1, 1)), p('丑', at(1, 1)), p('乙', at(1)), p('子', at(1, 1)), p('点', at(3)), p('丙', at(2)), p('丁', at(1))].join('');
    expect(docxToText(docx(body, numbering)).split('\n')).toEqual(['一、甲', '1．子', '2．丑', '二、乙', '1．子', '点', '十一、丙', '十二、丁']);
  });

  it('numbers the paragraphs of a heading style that numbers, as a 公文 template does, and not a tracked change\'s old numbering', () => {
    const numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>'
      + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const styles = '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="Heading2Kai"><w:basedOn w:val="2"/><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:style>';
    const style = (id: string, extra = '') => `<w:pStyle w:val="${id}"/>${extra}`;
    const body = [
      p('整改工作组织情况', style('1')),
      p('局党组召开专题会议。'),
      p('巡察反馈问题整改情况', style('1', '<w:pPrChange w:id="9"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:pPrChange>')),
      p('落实党中央决策部署方面', style('Heading2Kai')),
      p('全面从严治党方面', style('2')),
      p('附：联系方式', style('1', '<w:numPr><w:numId w:val="0"/></w:numPr>')),
    ].join('');
    expect(docxToText(docx(body, numbering, styles)).split('\n')).toEqual([
      '一、整改工作组织情况', '局党组召开专题会议。', '二、巡察反馈问题整改情况', '（一）落实党中央决策部署方面', '（二）全面从严治党方面', '附：联系方式',
    ]);
  });

  it('refuses what is not a Word document with a reason, and a damaged one never with anything else', () => {
    expect(() => docxToText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/legacy Word file \(\.doc\)/);
    expect(() => docxToText(strToU8('一、关于…的问题'))).toThrow(DocxReadError);
    expect(() => docxToText(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toThrow(/no word\/document\.xml/);
    const good = readFileSync(join(CORPUS, '24-docx-aggregate.docx'));
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), fc.option(fc.nat()), (flips, cut) => {
        const bytes = new Uint8Array(good);
        for (const f of flips) bytes[f.at % bytes.length] = f.byte;
        const damaged = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
        try {
          return typeof docxToText(damaged) === 'string';
        } catch (error) {
          return error instanceof DocxReadError;
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20_231_120) },
    );
  });
});

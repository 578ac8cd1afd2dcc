import { describe, expect, it } from 'vitest';
import { docxText, testReportRenderer, worldReportModel, zipPart as docxPart } from '@rectify/testing';
import { docxNoticeRenderer, GBT9704, officialDocument } from '../src/index.js';

testReportRenderer({
  renderer: docxNoticeRenderer,
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: '.docx',
  signature: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
  readText: docxText,
});

describe('official document (GB/T 9704)', () => {
  it('sets A4 with the standard margins, 3号仿宋 at an exact 28.95 pt line, and the title in 2号小标宋', async () => {
    const xml = docxPart(await officialDocument(await worldReportModel(), { locale: 'zh-CN' }), 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain(`<w:spacing w:after="0" w:before="0" w:line="${GBT9704.line}" w:lineRule="exact"/>`);
    const title = xml.slice(xml.indexOf('<w:p>'), xml.indexOf('</w:p>'));
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
  });

  it('numbers the levels 一、（一）1. with 黑体, 楷体 and bold 仿宋, indented two characters', async () => {
    const data = await officialDocument(await worldReportModel(), { locale: 'zh-CN' });
    const xml = docxPart(data, 'word/document.xml');
    const paragraphWith = (text: string) => [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text))!;
    expect(paragraphWith('一、整改落实情况')).toContain('w:eastAsia="黑体"');
    expect(paragraphWith('（一）')).toContain('w:eastAsia="楷体_GB2312"');
    const item = paragraphWith('1.针对“');
    expect(item).toContain('<w:b/>');
    expect(item).toContain('<w:ind w:firstLine="640"/>');
    expect(docxText(data)).not.toMatch(/^\d+、针对/m);
  });

  it('puts “— N —” page numbers on the outer side of odd and even pages', async () => {
    const data = await officialDocument(await worldReportModel(), { locale: 'zh-CN' });
    expect(docxPart(data, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.values(['word/footer1.xml', 'word/footer2.xml']).map((p) => docxPart(data, p));
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
    }
    expect(footers.map((f) => /<w:jc w:val="(left|right)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('ends with the signer centred over the date, four characters from the right, and dates its properties by the report', async () => {
    const model = await worldReportModel();
    model.signer = '中共某某局党组';
    model.publishedOn = '2023-11-25';
    const data = await officialDocument(model, { locale: 'zh-CN' });
    const text = docxText(data).trimEnd().split('\n');
    expect(text.slice(-2)).toEqual(['中共某某局党组', '2023年11月25日']);
    const xml = docxPart(data, 'word/document.xml');
    expect(xml).toMatch(/<w:ind w:right="1280"\/>[\s\S]{0,400}2023年11月25日/);
    expect(docxPart(data, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-25T00:00:00Z</dcterms:created>');
  });

  it('lets the caller name other fonts', async () => {
    const xml = docxPart(await officialDocument(await worldReportModel(), { locale: 'zh-CN', fonts: { body: 'FangSong' } }), 'word/document.xml');
    expect(xml).toContain('w:eastAsia="FangSong"');
    expect(xml).not.toContain('仿宋_GB2312');
  });
});

import { describe, expect, it } from 'vitest';
import { testReportRenderer, worldReportModel } from '@rectify/testing';
import { tsvLedgerRenderer } from '../src/tsv.js';

// The whole report kit, unchanged: determinism, media type, CJK, long text, 10,000 findings, hostile text.
testReportRenderer({ renderer: tsvLedgerRenderer, mediaType: 'text/tab-separated-values; charset=utf-8', extension: '.tsv' });

describe('TSV ledger', () => {
  it('writes one line per finding, with a tab in a title turned into a space', async () => {
    const model = await worldReportModel({ findings: 3 });
    model.categories[0]!.findings[0]!.title = '甲\t乙';
    const lines = String((await tsvLedgerRenderer.render(model, { locale: 'zh-CN' })).data).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]!.split('\t')[1]).toBe('甲 乙');
  });
});

import { describe, expect, it } from 'vitest';
import { reportModelOf, testReportRenderer, worldReportModel } from '@rectify/testing';
import { jsonText } from '../src/json.js';
import { csvField, csvLedgerRenderer, jsonReportRenderer, ledgerCsv, neutraliseFormula } from '../src/index.js';

/** Reads CSV (RFC 4180) back into its fields, as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') rows.at(-1)!.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') rows.at(-1)!.push(field), (field = ''), rows.push([]), i++;
    else field += ch;
  }
  if (field !== '' || rows.at(-1)!.length > 0) rows.at(-1)!.push(field);
  return rows.filter((r) => r.length > 0);
}

/** Every string in a JSON document, as a consumer of the data sees them. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

// Data formats: what a user wrote must come back exactly, once read the way a consumer reads it.
testReportRenderer({ renderer: csvLedgerRenderer, mediaType: 'text/csv; charset=utf-8', extension: '.csv', signature: new Uint8Array([0xef, 0xbb, 0xbf]), readText: (data) => parseCsv(String(data)).flat().join('\n') });
testReportRenderer({ renderer: jsonReportRenderer, mediaType: 'application/json', extension: '.json', languageNeutral: true, readText: (data) => jsonStrings(JSON.parse(String(data))).join('\n') });

describe('CSV', () => {
  it('neutralises every formula prefix and quotes what needs quoting', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    expect(neutraliseFormula('整改')).toBe('整改');
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  it('writes one row per finding with measures numbered in one cell', () => {
    const csv = ledgerCsv(reportModelOf(['=cmd|calc', '问题乙']), 'zh-CN');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('序号,问题类别,反馈问题,整改措施,责任部门,整改期限,整改进度');
    expect(lines[1]).toBe("1.1,第一方面,'=cmd|calc,建立长效机制,,,尚未启动");
    expect(lines).toHaveLength(4);
    expect(parseCsv(csv)[2]).toEqual(['1.2', '第一方面', '问题乙', '建立长效机制', '', '', '尚未启动']);
  });
});

describe('JSON written in pieces', () => {
  it('gives the bytes JSON.stringify would, arrays long and short, empty and with holes', async () => {
    const model = await worldReportModel({ hostile: '"\\\u2028😀' });
    const long = Array.from({ length: 200 }, (_, i) => (i % 50 === 0 ? undefined : { i, nested: [[], {}, { x: [1, 2] }] }));
    const value = { format: 'rectify.report', version: 1, ...model, empty: [], none: {}, gone: undefined, list: [1, undefined, 'x'], long };
    expect(jsonText(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(jsonText('整改')).toBe('"整改"\n');
    expect(jsonText([])).toBe('[]\n');
    // Past the string limit, the same text as UTF-8 bytes.
    const bytes = jsonText(value, 1000);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});

/**
 * Renders one format at one size, for a CPU profile of just that work:
 *
 *     cd bench && node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/profile-render.ts ledger-xlsx 20000
 *
 * This is how the ledger's 3.6 × growth from 10,000 to 20,000 findings was traced to
 * exceljs's per-cell style objects and JSZip's deflate (see docs/benchmarks.md).
 */
import { buildReportModel, type ReportRenderer } from '@rectify/core';
import { csvLedgerRenderer, jsonReportRenderer } from '@rectify/report-data';
import { docxNoticeRenderer } from '@rectify/report-docx';
import { htmlDashboardRenderer } from '@rectify/report-html';
import { noticeTextRenderer } from '@rectify/report-notice';
import { xlsxLedgerRenderer } from '@rectify/report-xlsx';
import { generate } from './generate.js';

const renderers: ReportRenderer[] = [noticeTextRenderer, csvLedgerRenderer, jsonReportRenderer, htmlDashboardRenderer, xlsxLedgerRenderer, docxNoticeRenderer];
const [name = 'ledger-xlsx', size = '10000'] = process.argv.slice(2);
const renderer = renderers.find((r) => r.name === name);
if (renderer === undefined) throw new Error(`No format ${name}; one of ${renderers.map((r) => r.name).join(', ')}`);
const data = generate(Number(size));
const model = buildReportModel(data.states, data.inspection, { id: 'bench-org', name: '基准测试单位', units: [] }, '2023-12-01');
const start = performance.now();
const out = await renderer.render(model, { locale: 'zh-CN' });
console.log(`${name}, ${Number(size).toLocaleString('en')} findings: ${(performance.now() - start).toFixed(0)} ms, ${out.data.length.toLocaleString('en')} bytes`);

/**
 * Renders a generated inspection with the custom format and prints it.
 * Run: `pnpm start` in this folder.
 */
import { worldReportModel } from '@rectify/testing';
import { tsvLedgerRenderer } from './tsv.js';

const { data, fileName } = await tsvLedgerRenderer.render(await worldReportModel({ findings: 5 }), { locale: 'zh-CN' });
console.log(`${fileName}\n${String(data)}`);

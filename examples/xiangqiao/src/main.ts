/**
 * The seed notice, end to end: replays a plausible history of its 22 findings through
 * `@rectify/core` and writes `out/summary.json` (and the full event history,
 * `out/events.json`), computed by the library as of the notice's date.
 *
 * Run: `pnpm start` in this folder, or `npx -y pnpm@10 example` from the root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDay, STATUS_LABELS } from '@rectify/core';
import { buildSeedLedger, NOTICE_DATE } from './history.js';
import { summarise } from './summary.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
const ledger = buildSeedLedger();
const events = [...ledger.events.values()].flat();
const summary = summarise(ledger.findings(), ledger.inspection, NOTICE_DATE, events.length);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(join(outDir, 'events.json'), `${JSON.stringify(events, null, 1)}\n`);

console.log(`${ledger.inspection.title} · 截至${formatDay(NOTICE_DATE, 'zh-CN')}`);
console.log(`问题 ${summary.findings} 个，整改措施 ${summary.measures} 项，台账记录 ${summary.events} 条`);
for (const [status, count] of Object.entries(summary.byStatus)) {
  if (count > 0) console.log(`  ${STATUS_LABELS[status as keyof typeof STATUS_LABELS]['zh-CN']}: ${count}`);
}
for (const c of summary.byCategory) console.log(`  （${c.ordinal}）${c.title}: ${c.total}`);
console.log(`wrote ${join(outDir, 'summary.json')}`);

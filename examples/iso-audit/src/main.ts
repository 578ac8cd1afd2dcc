/**
 * Runs the ISO audit example and writes `out/summary.json`.
 * Run: `pnpm start` in this folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIsoAudit } from './run.js';

const { findings, refusals, analysis } = runIsoAudit();
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
mkdirSync(outDir, { recursive: true });
const summary = {
  asOf: analysis.asOf,
  findings: findings.map((f) => ({ id: f.finding.id, title: f.finding.title, tags: f.finding.tags, status: f.status })),
  byStatus: analysis.totals.byStatus,
  overdue: analysis.overdue.map((o) => ({ id: o.findingId, daysOverdue: o.daysOverdue })),
  refusals,
};
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
for (const f of summary.findings) console.log(`${f.id} [${f.tags.join(',')}] ${f.status}: ${f.title}`);
for (const r of refusals) console.log(`refused ${r.commandId}: ${r.code} ${r.rules.join(', ')}`);

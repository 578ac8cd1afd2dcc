import { INSPECTION_KIND_LABELS, recurringProblems, STATUS_LABELS, type Store } from '@rectify/core';
import { allFindings, resolveOrganisation, type GlobalOptions, type Io } from '../context.js';

/**
 * `rectify recurring`: the organisation's problems found again in later rounds
 * (屡查屡犯) or found back by a look-back (反弹), over every inspection it has, most
 * recurrent first; `--json` for programs.
 */
export async function recurringCommand(store: Store, global: GlobalOptions, options: { json: boolean }, io: Io): Promise<void> {
  const organisationId = await resolveOrganisation(store, global);
  const inspections = await store.inspections(organisationId);
  const findings = await allFindings(store, { organisationId });
  const problems = recurringProblems(findings, inspections);
  if (options.json) {
    io.out(JSON.stringify({ organisationId, problems }, null, 2));
    return;
  }
  const lang = global.lang;
  const zh = lang === 'zh-CN';
  io.out(zh ? `屡查屡犯、整改后反弹的问题：${problems.length}` : `Problems found again or relapsed: ${problems.length}`);
  for (const p of problems) {
    const source = (e: (typeof p)['latest']) => [e.source === undefined ? undefined : INSPECTION_KIND_LABELS[e.source][lang], e.round ?? e.inspectionTitle, e.feedbackDate].filter(Boolean).join(' ');
    io.out(`${p.latest.title} · ${STATUS_LABELS[p.latest.status][lang]} · ${zh ? `${p.recurrences} 次` : `${p.recurrences}×`}${p.relapses > 0 ? (zh ? `（反弹 ${p.relapses} 次）` : ` (${p.relapses} relapse(s))`) : ''}`);
    for (const e of [...p.earlier, p.latest]) io.out(`  ${source(e)} · ${e.title}`);
  }
}

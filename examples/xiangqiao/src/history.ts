/**
 * A plausible history for the seed's 22 findings, replayed through the library:
 * the plan adopted on 2023-08-30, assignment, weekly ledger updates, monthly reports,
 * measures completed with the evidence the notice names, indicators read in
 * mid-November, the sign-off chain (初审 → 终审会签 → 销号) for the 5 completed
 * findings, long-term follow-up for the 17 sustaining ones until the notice of
 * 2024-04-17, and the principal leader's 4 accountability interviews.
 *
 * Dates the notice does not give are illustrative; every date it gives is used.
 */
import {
  addCalendarDays,
  monthsBetween,
  parseInspection,
  type CommandInput,
  type Evidence,
  type Inspection,
  type Store,
} from '@rectify/core';
import { SEED_EVIDENCE, SEED_INDICATORS } from './seed-evidence.js';
import { SEED_FINDINGS, type SeedFinding } from './seed-findings.js';
import { FIGURES_AS_OF, INSPECTION, NOTICE_DATE, ORGANISATION, PEOPLE, UNIT_LEADS } from './seed-inspection.js';

/** The deadline of every finding: the end of the concentrated period (illustrative). */
const DEADLINE = '2023-11-17';
const COORDINATOR = 'p-zg';
const PRINCIPAL = 'p-shuji';

type Planned = CommandInput & { at: string };

/** The instant at a given hour (China time) on a day. */
function at(day: string, hour = 10, minute = 0): string {
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

/** Fridays from `from` to `to`, inclusive. */
function fridays(from: string, to: string): string[] {
  const days: string[] = [];
  // 2023-09-01 is a Friday; step by 7 from the first Friday on or after `from`.
  let day = '2023-09-01';
  while (day < from) day = addCalendarDays(day, 7);
  for (; day <= to; day = addCalendarDays(day, 7)) days.push(day);
  return days;
}

/** When a measure is done: the date of its evidence if the notice gives one, else a spread-out day. */
function doneOn(f: SeedFinding, ordinal: number, evidence: Evidence[]): string {
  const dated = evidence
    .map((e) => ('issuedOn' in e && e.issuedOn) || ('heldOn' in e && e.heldOn) || undefined)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  const last = dated.at(-1);
  if (last !== undefined && last >= '2023-08-31') return last;
  return addCalendarDays('2023-09-20', ((f.category * 7 + f.ordinal * 5 + ordinal * 3) % 50));
}

function plan(f: SeedFinding, inspection: Inspection): Planned[] {
  const lead = UNIT_LEADS[f.unitId]!;
  const person = lead.personId;
  let n = 0;
  const cmd = (day: string, hour: number, actorId: string, body: Record<string, unknown>): Planned =>
    ({ commandId: `${f.id}-${++n}`, findingId: f.id, actorId, at: at(day, hour, n % 60), ...body }) as Planned;
  const out: Planned[] = [];

  out.push(cmd('2023-08-30', 15, COORDINATOR, {
    type: 'create',
    finding: { inspectionId: inspection.id, categoryId: `c${f.category}`, ordinal: f.ordinal, title: f.title },
    measures: f.measures.map((m) => ({ id: `${f.id}-m${m.ordinal}`, ordinal: m.ordinal, text: m.text, kind: m.kind })),
    indicators: SEED_INDICATORS.filter((i) => i.findingId === f.id).map((i) => i.indicator),
  }));
  out.push(cmd('2023-08-30', 16, COORDINATOR, {
    type: 'assign',
    assignment: { responsibleLeaderId: lead.leaderId, leadUnitId: f.unitId, coUnitIds: f.coUnitIds, responsiblePersonId: person, deadline: DEADLINE },
  }));
  out.push(cmd('2023-09-01', 9, person, { type: 'start' }));

  // Measures done with their evidence; long-term measures report instead.
  const completions = new Map<number, string>();
  for (const m of f.measures) {
    const evidence = SEED_EVIDENCE[f.id]?.[m.ordinal] ?? [];
    const measureId = `${f.id}-m${m.ordinal}`;
    if (m.kind === 'long_term') {
      out.push(cmd('2023-10-13', 11, person, { type: 'record_progress', measureId, text: `长期措施第${m.ordinal}项推进情况`, evidence }));
      continue;
    }
    const day = doneOn(f, m.ordinal, evidence);
    completions.set(m.ordinal, day);
    out.push(cmd(day, 17, person, {
      type: 'complete_measure',
      measureId,
      evidence: evidence.length > 0 ? evidence : [{ kind: 'note', text: '按通报所述完成（示例）' }],
    }));
  }

  // Weekly ledger updates during the concentrated period (每周更新).
  // A completed finding is submitted for sign-off mid-November and takes no more updates.
  const lastFriday = f.status === 'completed' ? '2023-11-10' : '2023-11-17';
  for (const [week, friday] of fridays('2023-09-01', lastFriday).entries()) {
    const m = f.measures[week % f.measures.length]!;
    out.push(cmd(friday, 16, person, { type: 'record_progress', measureId: `${f.id}-m${m.ordinal}`, text: `第${week + 1}周：推进措施第${m.ordinal}项` }));
  }
  // Monthly reports (每月一报), due on the 5th of the following month.
  // Reports run until the month before completion; long-term work keeps reporting.
  const lastMonth = f.status === 'completed' ? '2023-10-31' : '2024-03-31';
  for (const month of monthsBetween('2023-08-30', lastMonth)) {
    const day = addCalendarDays(`${month}-01`, 32).slice(0, 8) + '03';
    out.push(cmd(day, 9, person, { type: 'record_progress', kind: 'monthly_report', period: month, text: `${month}月整改进展月报` }));
  }
  // Quantified results read in mid-November (截至11月中旬).
  for (const i of SEED_INDICATORS.filter((x) => x.findingId === f.id)) {
    out.push(cmd(FIGURES_AS_OF, 11, person, { type: 'record_indicator', indicatorId: i.indicator.id, value: i.value, asOf: FIGURES_AS_OF }));
  }

  if (f.status === 'completed') {
    out.push(cmd('2023-11-15', 15, person, { type: 'complete' }));
    out.push(cmd('2023-11-16', 10, person, { type: 'request_signoff' }));
    out.push(cmd('2023-11-17', 10, lead.leaderId, { type: 'approve', stage: 'preliminary', comment: '同意，报主要领导终审' }));
    out.push(cmd('2023-11-20', 10, PRINCIPAL, { type: 'approve', stage: 'final', comment: '同意销号' }));
    out.push(cmd('2023-11-21', 10, COORDINATOR, { type: 'sign_off', note: '对账销号' }));
    out.push(cmd('2024-03-01', 10, 'p-xcz', { type: 'schedule_review', reviewId: `${f.id}-r1`, dueOn: '2024-05-31', reviewerId: 'p-xcz' }));
  } else {
    out.push(cmd('2023-11-15', 15, person, { type: 'mark_sustaining' }));
    // Long-term follow-up after the concentrated period (紧盯不放).
    const longTerm = f.measures.filter((m) => m.kind === 'long_term');
    for (const month of monthsBetween('2023-12-01', '2024-04-10')) {
      for (const m of longTerm) {
        out.push(cmd(`${month}-10`, 16, person, { type: 'record_progress', measureId: `${f.id}-m${m.ordinal}`, text: `${month}月长期坚持措施第${m.ordinal}项落实情况` }));
      }
    }
  }
  return out;
}

/** The 4 accountability interviews of leaders in charge (局主要领导集体约谈4次分管领导). Dates illustrative. */
function interviews(): Planned[] {
  const targets: [string, string, string][] = [
    ['xq-1-3', 'p-fg-fz', '2023-09-15'],
    ['xq-1-5', 'p-fg-sj', '2023-09-22'],
    ['xq-2-1', 'p-fg-zg', '2023-10-09'],
    ['xq-3-8', 'p-fg-zg', '2023-10-20'],
  ];
  return targets.map(([findingId, leader, day], i) => ({
    commandId: `interview-${i + 1}`,
    findingId,
    actorId: PRINCIPAL,
    at: at(day, 14),
    type: 'supervise',
    kind: 'interview',
    targetPersonIds: [leader],
    note: '局主要领导集体约谈分管领导，督促整改进度',
  }) as Planned);
}

/** The seed's inspection, parsed (with its default workflow). */
export const SEED_INSPECTION = parseInspection(INSPECTION);

/**
 * Fills a store with the seed: the organisation, its people, the inspection, and every
 * command of the history applied in time order through the store (validated, checked,
 * stored as events). Returns the number of commands applied.
 */
export async function buildSeedStore(store: Store): Promise<number> {
  await store.saveOrganisation(ORGANISATION);
  await store.savePeople(ORGANISATION.id, PEOPLE);
  await store.saveInspection(INSPECTION);
  const commands = [...SEED_FINDINGS.flatMap((f) => plan(f, SEED_INSPECTION)), ...interviews()];
  commands.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const command of commands) await store.apply({ organisationId: ORGANISATION.id, ...command });
  return commands.length;
}

/** The scope of the seed's findings in a store. */
export const SEED_SCOPE = { organisationId: ORGANISATION.id, inspectionId: INSPECTION.id };

export { NOTICE_DATE };

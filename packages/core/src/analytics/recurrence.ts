import type { CalendarDay } from '../dates/calendar-day.js';
import type { FindingStatus } from '../lifecycle/status.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection, InspectionKind } from '../model/inspection.js';

/** A finding as a recurrence lists it: where it was found (the source: 巡视, 巡察, 审计…) and where it stands. */
export interface RecurrenceEntry {
  findingId: string;
  title: string;
  status: FindingStatus;
  inspectionId: string;
  /** The kind of inspection that found it: the finding's source. */
  source: InspectionKind | undefined;
  /** The inspection's round and title, as recorded. */
  round: string | undefined;
  inspectionTitle: string | undefined;
  /** When the inspection fed it back, when recorded. */
  feedbackDate: CalendarDay | undefined;
}

/** A problem found again (屡查屡犯) or come back after rectification (反弹). */
export interface RecurringProblem {
  /** The latest finding of the problem. */
  latest: RecurrenceEntry;
  /** The earlier findings of the problem (linked by `relatedFindingIds`, through every round), oldest first. */
  earlier: RecurrenceEntry[];
  /** Look-backs (回头看) that found the problem back after rectification, over all its findings. */
  relapses: number;
  /** How often the problem came back: the earlier findings plus the relapses. */
  recurrences: number;
}

/**
 * The problems of an organisation found again in a later round (a finding whose
 * `relatedFindingIds` names an earlier one, 屡查屡犯) or found back by a look-back after
 * rectification (a relapse, which reopened the finding), most recurrent first. Linked
 * findings are one problem (f3 repeats f2, which repeats f1), listed under its latest
 * finding (by the inspection's feedback day). Pass the findings of every inspection of the organisation
 * (`store.inspections(org)` and `store.findings({ organisationId })`); a related id
 * not among them (another organisation's, or not loaded) is left out.
 *
 * @example
 * ```ts
 * recurringProblems(findings, inspections).map((p) => `${p.latest.title}: ${p.recurrences} 次`);
 * ```
 */
export function recurringProblems(findings: readonly FindingState[], inspections: readonly Inspection[]): RecurringProblem[] {
  const byId = new Map(findings.map((f) => [f.finding.id, f]));
  const inspectionOf = new Map(inspections.map((i) => [i.id, i]));
  const entry = (f: FindingState): RecurrenceEntry => {
    const i = inspectionOf.get(f.finding.inspectionId);
    return {
      findingId: f.finding.id,
      title: f.finding.title,
      status: f.status,
      inspectionId: f.finding.inspectionId,
      source: i?.kind,
      round: i?.round,
      inspectionTitle: i?.title,
      feedbackDate: i?.feedbackDate,
    };
  };
  // A problem is a group of linked findings, whichever way the links point (union-find):
  // a chain of rounds is one problem, and a cycle of links (a data error) is no trap.
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const f of findings) parent.set(f.finding.id, f.finding.id);
  for (const f of findings) for (const id of f.finding.relatedFindingIds) if (byId.has(id)) parent.set(root(id), root(f.finding.id));
  const groups = new Map<string, FindingState[]>();
  for (const f of findings) {
    const r = root(f.finding.id);
    const group = groups.get(r);
    if (group === undefined) groups.set(r, [f]);
    else group.push(f);
  }
  // Oldest first: by the inspection's feedback day, then when the finding was created.
  const when = (f: FindingState) => `${inspectionOf.get(f.finding.inspectionId)?.feedbackDate ?? ''}|${f.createdAt}|${f.finding.id}`;
  const out: RecurringProblem[] = [];
  for (const group of groups.values()) {
    const relapses = group.reduce((n, f) => n + f.reopenings.filter((r) => r.via === 'review').length, 0);
    if (group.length === 1 && relapses === 0) continue;
    const ordered = [...group].sort((x, y) => when(x).localeCompare(when(y)));
    out.push({ latest: entry(ordered.at(-1)!), earlier: ordered.slice(0, -1).map(entry), relapses, recurrences: group.length - 1 + relapses });
  }
  return out.sort((x, y) => y.recurrences - x.recurrences || (y.latest.feedbackDate ?? '').localeCompare(x.latest.feedbackDate ?? '') || x.latest.findingId.localeCompare(y.latest.findingId));
}

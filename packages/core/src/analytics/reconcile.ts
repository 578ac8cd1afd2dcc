import { text, type LocalizedText } from '../i18n/locale.js';
import { activeMeasures, evidenceForMeasure, type FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';

/** One discrepancy found while reconciling the ledger (对账). */
export interface Discrepancy {
  /** Stable code, e.g. `assignment.missing`. */
  code:
    | 'assignment.missing'
    | 'measures.missing'
    | 'category.unknown'
    | 'signoff.no_evidence'
    | 'measure.done_without_evidence'
    | 'status.open_measures';
  findingId: string;
  measureId?: string;
  message: LocalizedText;
}

/**
 * 对账: checks the ledger for what should not be there: findings without an
 * assignment (leader, unit, person, deadline) or without measures, findings in an
 * unknown category, sign-offs and done measures without evidence, findings marked
 * done while a measure that is not long-term is still open.
 *
 * @example
 * ```ts
 * for (const d of reconcile(findings, inspection)) console.log(d.code, d.message['zh-CN']);
 * ```
 */
export function reconcile(findings: readonly FindingState[], inspection?: Pick<Inspection, 'categories'>): Discrepancy[] {
  const out: Discrepancy[] = [];
  const categories = inspection ? new Set(inspection.categories.map((c) => c.id)) : undefined;
  for (const f of findings) {
    const id = f.finding.id;
    const label = `“${f.finding.title}”`;
    if (!f.assignment) {
      out.push({ code: 'assignment.missing', findingId: id, message: text(`${label}未明确责任领导、责任部门、责任人和整改期限`, `${id} has no responsible leader, unit, person and deadline`) });
    }
    const measures = activeMeasures(f);
    if (measures.length === 0) {
      out.push({ code: 'measures.missing', findingId: id, message: text(`${label}未制定整改措施`, `${id} has no measures`) });
    }
    if (categories && f.finding.categoryId !== undefined && !categories.has(f.finding.categoryId)) {
      out.push({ code: 'category.unknown', findingId: id, message: text(`${label}的问题类别不存在`, `${id} is in unknown category ${f.finding.categoryId}`) });
    }
    const anyEvidence = measures.some((m) => evidenceForMeasure(f, m.id).length > 0) || f.progress.some((p) => p.evidence.length > 0);
    if (f.status === 'signed_off' && !anyEvidence) {
      out.push({ code: 'signoff.no_evidence', findingId: id, message: text(`${label}已销号但无任何佐证材料`, `${id} is signed off without any evidence`) });
    }
    for (const m of measures) {
      if (m.status === 'done' && evidenceForMeasure(f, m.id).length === 0) {
        out.push({ code: 'measure.done_without_evidence', findingId: id, measureId: m.id, message: text(`${label}措施第${m.ordinal}项已完成但无佐证材料`, `${id} measure ${m.ordinal} is done without evidence`) });
      }
    }
    const doneLike = ['completed', 'awaiting_signoff', 'signed_off', 'sustaining'].includes(f.status);
    const open = measures.filter((m) => m.status === 'open' && m.kind !== 'long_term');
    if (doneLike && open.length > 0) {
      out.push({ code: 'status.open_measures', findingId: id, message: text(`${label}标记为完成，但仍有${open.length}项措施未完成`, `${id} is marked done with ${open.length} measure(s) still open`) });
    }
  }
  return out;
}

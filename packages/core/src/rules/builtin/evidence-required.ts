import { text } from '../../i18n/locale.js';
import { activeMeasures, evidenceForMeasure } from '../../lifecycle/state.js';
import type { EvidenceKind } from '../../model/evidence.js';
import type { MeasureKind } from '../../model/measure.js';
import { defineRule, type SignOffRule } from '../rule.js';

/** What evidence one kind of measure needs. */
export interface EvidenceRequirement {
  /** At least this many pieces of evidence (default 1). */
  min?: number;
  /** Only these kinds count; any kind when left out. */
  kinds?: readonly EvidenceKind[];
}

/** Options of {@link evidenceRequired}. */
export interface EvidenceRequiredOptions {
  /** The requirement for every measure, unless `byKind` says otherwise. Default `{ min: 1 }`. */
  all?: EvidenceRequirement;
  /** Requirements per kind of measure, e.g. long-term measures need a regulation. */
  byKind?: Partial<Record<MeasureKind, EvidenceRequirement>>;
}

/**
 * 佐证材料: each measure has the evidence its kind requires (documents issued,
 * meetings held, files with their hash …), given when it was completed or in ledger
 * entries about it. Guards against 形式销号 (sign-off on paper only).
 *
 * @example
 * ```ts
 * evidenceRequired({ byKind: { long_term: { min: 1, kinds: ['regulation', 'document'] } } });
 * ```
 */
export function evidenceRequired(options: EvidenceRequiredOptions = {}): SignOffRule {
  return defineRule({
    code: 'evidence.required',
    description: text('每项整改措施均有佐证材料', 'every measure has supporting evidence'),
    check: ({ state }) => {
      const unmet = [];
      for (const m of activeMeasures(state)) {
        const need = options.byKind?.[m.kind] ?? options.all ?? {};
        const min = need.min ?? 1;
        if (min <= 0) continue;
        const kinds = need.kinds;
        const count = evidenceForMeasure(state, m.id).filter((e) => !kinds || kinds.includes(e.kind)).length;
        if (count >= min) continue;
        const which = kinds ? `（${kinds.join('、')}）` : '';
        unmet.push({
          code: 'evidence.required',
          subject: `measures[${m.id}]`,
          message: text(
            `整改措施第${m.ordinal}项佐证材料不足${which}：需${min}项，现有${count}项`,
            `measure ${m.ordinal} needs ${min} piece(s) of evidence${kinds ? ` of kind ${kinds.join('/')}` : ''}, has ${count}`,
          ),
        });
      }
      return unmet;
    },
  });
}

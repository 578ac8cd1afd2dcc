import { daysBetween } from '../../dates/calendar-day.js';
import { text } from '../../i18n/locale.js';
import { activeMeasures } from '../../lifecycle/state.js';
import { defineRule, type SignOffRule } from '../rule.js';

/** Options of {@link measuresDone}. */
export interface MeasuresDoneOptions {
  /**
   * For long-term measures (长期坚持): a report within this many days counts as done
   * enough for sign-off. Defaults to the measure's `reportEveryDays`, else the
   * workflow's `longTermReportDays`.
   */
  longTermReportDays?: number;
}

/**
 * 一事一策 and 完成一项销号一项: the finding has at least one measure; every measure is
 * done, or, for a long-term measure, has been reported on recently enough.
 */
export function measuresDone(options: MeasuresDoneOptions = {}): SignOffRule {
  return defineRule({
    code: 'measures.done',
    description: text(
      '每项整改措施均已完成，长期坚持的措施按期报告',
      'every measure is done; long-term measures are reported on in time',
    ),
    check: ({ state, inspection, asOf }) => {
      const measures = activeMeasures(state);
      if (measures.length === 0) {
        return [{ code: 'measures.none', message: text('未制定整改措施（一事一策）', 'the finding has no measures (one plan per finding)') }];
      }
      const unmet = [];
      for (const m of measures) {
        if (m.status === 'done') continue;
        if (m.kind === 'long_term') {
          const every = options.longTermReportDays ?? m.reportEveryDays ?? inspection.workflow.cadence.longTermReportDays;
          const reports = state.progress.filter((p) => p.measureId === m.id).map((p) => p.on).sort();
          const last = reports.at(-1);
          if (last !== undefined && daysBetween(last, asOf) <= every) continue;
          unmet.push({
            code: 'measures.long_term_unreported',
            subject: `measures[${m.id}]`,
            message: text(
              `长期措施第${m.ordinal}项${last ? `自${last}起` : ''}超过${every}天未报告进展`,
              `long-term measure ${m.ordinal} has no report within ${every} days${last ? ` (last ${last})` : ''}`,
            ),
          });
          continue;
        }
        unmet.push({
          code: 'measures.open',
          subject: `measures[${m.id}]`,
          message: text(`整改措施第${m.ordinal}项尚未完成`, `measure ${m.ordinal} is not done`),
        });
      }
      return unmet;
    },
  });
}

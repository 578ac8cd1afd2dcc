import { text } from '../../i18n/locale.js';
import { latestReading } from '../../lifecycle/state.js';
import { defineRule, type SignOffRule } from '../rule.js';

/** Every indicator that has a target has reached it (e.g. 公职律师 ≥ 24). */
export function indicatorTargetsMet(): SignOffRule {
  return defineRule({
    code: 'indicators.met',
    description: text('量化指标均达到目标值', 'every indicator with a target has reached it'),
    check: ({ state }) => {
      const unmet = [];
      for (const indicator of state.indicators) {
        if (indicator.target === undefined) continue;
        const value = latestReading(indicator)?.value;
        const met =
          value !== undefined && (indicator.direction === 'decrease' ? value <= indicator.target : value >= indicator.target);
        if (met) continue;
        const shown = value === undefined ? '无数据' : `${value}${indicator.unit}`;
        unmet.push({
          code: 'indicators.met',
          subject: `indicators[${indicator.id}]`,
          message: text(
            `指标“${indicator.name}”未达目标：目标${indicator.target}${indicator.unit}，当前${shown}`,
            `indicator "${indicator.name}" has not reached its target ${indicator.target}${indicator.unit} (now ${value ?? 'no reading'})`,
          ),
        });
      }
      return unmet;
    },
  });
}

import type { Located, NoticeTotals, NoticeWarning } from './types.js';
import type { Paragraph } from './paragraphs.js';

type Key = Exclude<keyof NoticeTotals, 'consistent'>;

/** What each total looks like in a notice, first match wins. */
const PATTERNS: readonly [Key, RegExp, (m: RegExpExecArray) => number][] = [
  ['findings', /(?:反馈|指出|交办)(?:的)?(?:各类)?(?:问题)?(\d+)\s*(?:个|项|条)/, (m) => Number(m[1])],
  ['findings', /(?:共|梳理出?|形成)(?:整改)?(?:问题|任务)?(\d+)\s*(?:个|项|条)(?:具体)?(?:问题|整改任务|任务)/, (m) => Number(m[1])],
  ['findings', /(\d+)\s*(?:个|项|条)(?:具体)?(?:整改任务|整改问题)/, (m) => Number(m[1])],
  ['completed', /(?<!基本|阶段性|未|尚未)完成(?:整改)?(\d+)\s*(?:个|项|条)/, (m) => Number(m[1])],
  ['completed', /(\d+)\s*(?:个|项|条)(?:问题|任务)?已(?:完成|整改到位)/, (m) => Number(m[1])],
  ['sustaining', /(?:基本完成|阶段性完成|需长期坚持|长期推进|持续推进)(?:的)?(\d+)\s*(?:个|项|条)/, (m) => Number(m[1])],
  ['sustaining', /(\d+)\s*(?:个|项|条)(?:问题|任务)?(?:基本完成|阶段性完成|需长期坚持|需长期推进|长期坚持)/, (m) => Number(m[1])],
  ['open', /(?:未完成|正在推进|正在整改)(?:的)?(\d+)\s*(?:个|项|条)/, (m) => Number(m[1])],
  ['rate', /完成率(?:为|达到?)?\s*(\d+(?:\.\d+)?)\s*%/, (m) => Number(m[1])],
  ['regulations', /(?:完善和新建|新建和完善|建立健全|制定修订|修订完善|新建完善)(?:各项)?制度(\d+)\s*(?:项|个|件)/, (m) => Number(m[1])],
  ['fundsRecovered', /追回(?:各类)?(?:资金|款项|违规资金)?(\d+(?:\.\d+)?)\s*(亿元|万元|元)/, (m) => Number(m[1]) * ({ 亿元: 1e8, 万元: 1e4, 元: 1 } as Record<string, number>)[m[2]!]!],
  ['accountable', /(?:问责|追责问责|处理)(\d+)\s*人/, (m) => Number(m[1])],
];

/**
 * The totals an aggregate notice states, each with its line, and whether they agree:
 * the parts (completed, sustaining, open) add up to the whole when all are given, and
 * the stated rate is completed (or completed and sustaining) over the whole, to its
 * last stated digit. Only figures stated in one paragraph are checked together.
 */
export function readTotals(paragraphs: readonly Paragraph[], warnings: NoticeWarning[]): NoticeTotals {
  const totals: NoticeTotals = { consistent: true };
  for (const p of paragraphs) {
    for (const [key, pattern, value] of PATTERNS) {
      if (totals[key] !== undefined) continue;
      const m = pattern.exec(p.text);
      if (m) totals[key] = { value: value(m), line: p.line, confidence: 1 } as Located<number>;
    }
  }
  const { findings, completed, sustaining, open, rate } = totals;
  // Figures are checked against each other only when one paragraph states them together:
  // a long notice gives other counts and rates (of meetings, of sub-tasks) elsewhere.
  const together = (...values: (Located<number> | undefined)[]) => values.every((v) => v !== undefined && v.line === findings?.line);
  if (findings && completed && open && together(completed, open)) {
    const sum = completed.value + (sustaining?.value ?? 0) + open.value;
    if (sum !== findings.value) {
      totals.consistent = false;
      warnings.push({ code: 'totals_mismatch', line: findings.line, message: `The parts add up to ${sum}, not the ${findings.value} stated` });
    }
  }
  if (findings && completed && rate && findings.value > 0 && together(completed, rate)) {
    const decimals = (String(rate.value).split('.')[1] ?? '').length;
    const matches = [completed.value, completed.value + (sustaining?.value ?? 0)].some((n) => Math.abs((n / findings.value) * 100 - rate.value) <= 0.5 * 10 ** -decimals + 1e-9);
    if (!matches) {
      totals.consistent = false;
      warnings.push({ code: 'rate_mismatch', line: rate.line, message: `A completion rate of ${rate.value}% does not follow from ${completed.value} of ${findings.value} (${((completed.value / findings.value) * 100).toFixed(2)}%)` });
    }
  }
  return totals;
}

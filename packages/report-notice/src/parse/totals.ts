import type { Located, NoticeTotals, NoticeWarning } from './types.js';
import type { Paragraph } from './paragraphs.js';

type Key = Exclude<keyof NoticeTotals, 'consistent'>;

const N = '(\\d+)\\s*(?:个|项|条|件)';

/**
 * What each total looks like in a notice, first match wins. Counts that are not
 * totals (制度12项, 追缴资金7.132万元, 问责3人, 10个专科, 4项意见建议) have keys of their
 * own or none, so they are never taken for findings; `N个方面M个问题` is M findings.
 */
const PATTERNS: readonly [Key, RegExp, (m: RegExpExecArray) => number][] = [
  ['findings', new RegExp(`\\d+\\s*个方面\\s*${N}问题`), (m) => Number(m[1])],
  ['findings', new RegExp(`(?:反馈|指出|交办|提出了?|移交)(?:的)?(?:各类|具体)?(?:问题)?${N}(?:具体)?问题`), (m) => Number(m[1])],
  ['findings', new RegExp(`(?:反馈|指出|交办)(?:的)?(?:各类)?问题${N}`), (m) => Number(m[1])],
  ['findings', new RegExp(`(?:共|梳理出?)(?:整改)?问题${N}`), (m) => Number(m[1])],
  ['tasks', new RegExp(`(?<!长期(?:整改)?)${N}(?:具体)?(?:整改)?任务`), (m) => Number(m[1])],
  ['tasks', /(?<!长期)(?:整改)?任务(\d+)\s*(?:个|项|条)/, (m) => Number(m[1])],
  ['measures', new RegExp(`${N.replace('(?:个|项|条|件)', '(?:条|项)')}(?:具体)?(?:整改|支撑)?措施`), (m) => Number(m[1])],
  ['measures', /(?:整改|支撑|具体)措施(?:共)?(\d+)\s*(?:条|项|个)/, (m) => Number(m[1])],
  ['completed', new RegExp(`(?<!基本|阶段性|未|尚未|全部)(?:已)?完成(?:整改)?${N}`), (m) => Number(m[1])],
  ['completed', new RegExp(`${N}(?:问题|任务)?已(?:完成|整改到位|办结)`), (m) => Number(m[1])],
  ['completed', new RegExp(`(?:已整改到位|已办结|已销号)${N}`), (m) => Number(m[1])],
  ['longTerm', new RegExp(`(?:长期(?:整改)?任务|需?长期坚持|需?长期推进)(?:的)?(?:问题|任务)?${N}`), (m) => Number(m[1])],
  ['longTerm', new RegExp(`${N}(?:问题|任务)?(?:需)?长期(?:坚持|推进|整改)`), (m) => Number(m[1])],
  ['sustaining', new RegExp(`(?:基本完成|阶段性完成|取得阶段性成效|持续整改)(?:的)?${N}`), (m) => Number(m[1])],
  ['sustaining', new RegExp(`${N}(?:问题|任务)?(?:基本完成|阶段性完成)`), (m) => Number(m[1])],
  // 基本完成取得阶段性成果并持续整改问题4个: still being worked on, whatever 基本完成 says.
  ['inProgress', new RegExp(`(?:取得阶段性成果并|阶段性成效并)?持续整改(?:的)?(?:问题|任务)${N}`), (m) => Number(m[1])],
  ['inProgress', new RegExp(`(?:正在整改|正在推进|整改中|持续推进|正在落实)(?:的)?${N}`), (m) => Number(m[1])],
  ['notCompleted', new RegExp(`(?:未完成|尚未完成|未整改)(?:整改)?(?:的)?${N}`), (m) => Number(m[1])],
  ['completionRate', /(?:整改)?完成率(?:为|达到?|是)?\s*(\d+(?:\.\d+)?)\s*[%％]/, (m) => Number(m[1])],
  ['regulations', /(?:完善和新建|新建和完善|建立健全|制定修订|修订完善|新建完善)(?:各项)?制度(\d+)\s*(?:项|个|件)/, (m) => Number(m[1])],
  ['fundsRecovered', /追回(?:各类)?(?:资金|款项|违规资金)?(\d+(?:\.\d+)?)\s*(亿元|万元|元)/, (m) => Number(m[1]) * ({ 亿元: 1e8, 万元: 1e4, 元: 1 } as Record<string, number>)[m[2]!]!],
  ['accountable', /(?:问责|追责问责|处理)(\d+)\s*人/, (m) => Number(m[1])],
];

/** Half-width punctuation as full-width, so one pattern reads `巡察反馈25个问题,已完成整改19个` too. */
function fullWidth(text: string): string {
  return text.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：');
}

/**
 * The totals an aggregate notice states, each with its line, and whether they agree:
 * the parts (completed, sustaining, in progress, not completed, long-term) add up to
 * the whole when the whole and at least two parts are stated together, and the stated
 * completion rate is completed (or completed and sustaining) over the whole, to its
 * last stated digit. Only figures stated in one paragraph are checked together.
 */
export function readTotals(paragraphs: readonly Paragraph[], warnings: NoticeWarning[]): NoticeTotals {
  const totals: NoticeTotals = { consistent: true };
  for (const p of paragraphs) {
    const text = fullWidth(p.text);
    // A rate is the notice's own only beside the counts it is a rate of (完成率100% alone is
    // often a sub-task's: 专项检查反馈意见…全部完成，完成率100%).
    const counts = PATTERNS.some(([k, pattern]) => (k === 'findings' || k === 'tasks' || k === 'completed') && pattern.test(text));
    for (const [key, pattern, value] of PATTERNS) {
      if (totals[key] !== undefined || (key === 'completionRate' && !counts)) continue;
      const m = pattern.exec(text);
      if (m) totals[key] = { value: value(m), line: p.line, confidence: 1 } as Located<number>;
    }
  }
  // The whole is the problems, or the tasks where a notice counts those instead (or
  // counts both, its parts being the tasks': 细化为整改任务64项…已完成58项，长期坚持6项).
  const { completed, sustaining, inProgress, notCompleted, longTerm, completionRate: rate } = totals;
  const wholes = [totals.findings, totals.tasks].filter((w): w is Located<number> => w !== undefined);
  // Figures are checked against each other only when one paragraph states them together:
  // a long notice gives other counts and rates (of meetings, of sub-tasks) elsewhere.
  const together = (whole: Located<number>, ...values: (Located<number> | undefined)[]) => values.every((v) => v !== undefined && v.line === whole.line);
  const checked = wholes.filter((w) => completed && together(w, completed));
  const sumOf = (whole: Located<number>) => completed!.value + [sustaining, inProgress, notCompleted, longTerm].reduce((n, v) => n + (v !== undefined && v.line === whole.line ? v.value : 0), 0);
  const hasParts = (whole: Located<number>) => [sustaining, inProgress, notCompleted, longTerm].some((v) => v !== undefined && v.line === whole.line);
  const summed = checked.filter(hasParts);
  if (summed.length > 0 && !summed.some((w) => sumOf(w) === w.value)) {
    totals.consistent = false;
    warnings.push({ code: 'totals_mismatch', line: summed[0]!.line, message: `The parts add up to ${sumOf(summed[0]!)}, not the ${summed[0]!.value} stated` });
  }
  const rated = checked.filter((w) => w.value > 0 && rate && together(w, rate));
  const decimals = (String(rate?.value ?? '').split('.')[1] ?? '').length;
  const follows = (w: Located<number>) => [completed!.value, completed!.value + (sustaining?.value ?? 0)].some((n) => Math.abs((n / w.value) * 100 - rate!.value) <= 0.5 * 10 ** -decimals + 1e-9);
  if (rated.length > 0 && !rated.some(follows)) {
    const w = rated[0]!;
    totals.consistent = false;
    warnings.push({ code: 'rate_mismatch', line: rate!.line, message: `A completion rate of ${rate!.value}% does not follow from ${completed!.value} of ${w.value} (${((completed!.value / w.value) * 100).toFixed(2)}%)` });
  }
  return totals;
}

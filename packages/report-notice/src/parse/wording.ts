import type { FindingStatus } from '@rectify/core';

/**
 * Status wordings of published notices (整改进度：…), most specific first, with the
 * status each stands for and how sure that reading is. 未完成 says only that the work
 * is not done: read as in progress, with less confidence.
 */
const WORDINGS: readonly [RegExp, FindingStatus, number][] = [
  [/^(阶段性完成并需长期坚持|阶段性完成并长期坚持|已完成并长期坚持|已完成并需长期坚持|基本完成并长期坚持|基本完成并持续推进|阶段性完成|基本完成|长期坚持)/, 'sustaining', 1],
  [/^(已完成整改|已整改到位|已完成|已整改|整改完成|已办结|完成)/, 'completed', 1],
  [/^(正在推进|正在整改|持续整改|整改中|推进中|持续推进|正在落实)/, 'in_progress', 1],
  [/^(尚未启动|未启动)/, 'not_started', 1],
  [/^(未完成|尚未完成)/, 'in_progress', 0.7],
];

/** The status a wording stands for, or undefined when the words are not a status. */
export function statusOfWording(wording: string): { status: FindingStatus; confidence: number; words: string } | undefined {
  const text = wording.trim();
  for (const [pattern, status, confidence] of WORDINGS) {
    const m = pattern.exec(text);
    if (m) return { status, confidence, words: m[0] };
  }
  return undefined;
}

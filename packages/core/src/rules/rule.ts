import type { CalendarDay } from '../dates/calendar-day.js';
import type { UnmetRule } from '../errors/domain-errors.js';
import type { LocalizedText } from '../i18n/locale.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';

/**
 * When a rule is checked: `request` when the finding is submitted for sign-off
 * (everything but the approvals), `signoff` at the sign-off itself (everything).
 */
export type RulePhase = 'request' | 'signoff';

/** What a rule looks at. */
export interface RuleContext {
  state: FindingState;
  inspection: Inspection;
  /** The day the check is made (the command's day). */
  asOf: CalendarDay;
  phase: RulePhase;
}

/**
 * A sign-off rule: a value, so rules compose (`[...defaultRules, myRule]`) and a
 * user can write their own without touching the core.
 */
export interface SignOffRule {
  /** Stable code, e.g. `measures.done`; used in verdicts and to replace a built-in rule. */
  code: string;
  /** What the rule requires, for people. */
  description: LocalizedText;
  /** The phases in which it applies; both when left out. */
  phases?: readonly RulePhase[];
  /** Returns every way the rule is unmet; an empty list means met. */
  check(context: RuleContext): UnmetRule[];
}

/** The outcome of {@link evaluate}: every unmet rule, not just a boolean. */
export interface Verdict {
  /** True when no rule is unmet. */
  ok: boolean;
  /** Every unmet rule, each with its code and a message in zh-CN and en. */
  unmet: UnmetRule[];
  /** Codes of the rules that were checked. */
  checked: string[];
}

/**
 * Defines a rule; a typed identity function that keeps literal codes.
 *
 * @example
 * ```ts
 * const needsRegulation = defineRule({
 *   code: 'custom.regulation',
 *   description: text('须建立长效机制', 'a long-term rule must be issued'),
 *   check: ({ state }) =>
 *     state.progress.some((p) => p.evidence.some((e) => e.kind === 'regulation'))
 *       ? []
 *       : [{ code: 'custom.regulation', message: text('未见制度文件', 'no regulation issued') }],
 * });
 * ```
 */
export function defineRule(rule: SignOffRule): SignOffRule {
  return rule;
}

/**
 * Checks every rule that applies in the context's phase and returns the verdict.
 *
 * @example
 * ```ts
 * const verdict = evaluate(defaultRules, { state, inspection, asOf: '2023-11-20', phase: 'signoff' });
 * if (!verdict.ok) for (const u of verdict.unmet) console.log(u.code, u.message['zh-CN']);
 * ```
 */
export function evaluate(rules: readonly SignOffRule[], context: RuleContext): Verdict {
  const unmet: UnmetRule[] = [];
  const checked: string[] = [];
  for (const rule of rules) {
    if (rule.phases && !rule.phases.includes(context.phase)) continue;
    checked.push(rule.code);
    unmet.push(...rule.check(context));
  }
  return { ok: unmet.length === 0, unmet, checked };
}

/**
 * Replaces rules by code and appends new ones: `withRules(defaultRules, evidenceRequired({ min: 2 }))`.
 */
export function withRules(base: readonly SignOffRule[], ...overrides: SignOffRule[]): SignOffRule[] {
  const codes = new Set(overrides.map((r) => r.code));
  return [...base.filter((r) => !codes.has(r.code)), ...overrides];
}

/** Removes rules by code: `withoutRules(defaultRules, 'indicators.met')`. */
export function withoutRules(base: readonly SignOffRule[], ...codes: string[]): SignOffRule[] {
  return base.filter((r) => !codes.includes(r.code));
}

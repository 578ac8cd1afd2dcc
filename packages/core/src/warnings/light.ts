import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import { addCalendarDays, daysBetween, type CalendarDay } from '../dates/calendar-day.js';
import { monthlyReportsOwed, nextLedgerUpdate } from '../analytics/cadence.js';
import { deadlineInForce, isDueWithin, isFindingOverdue } from '../analytics/deadline-rule.js';
import { isOpenStatus } from '../lifecycle/status.js';
import type { Cadence } from '../model/workflow.js';
import { type EscalationPolicy, type EscalationTier, type Light } from './policy.js';
import type { WarningView } from './view.js';

/** Why a finding's light was raised a step beyond what its deadline alone gives. */
export type RaiseReason = 'stale_ledger' | 'missed_monthly_report' | 'relapse';

/** A finding's warning light as of a day: see {@link findingLight}. */
export interface FindingLight {
  /** The light shown and acted on: the deadline's, raised one step when a reason holds. */
  light: Light;
  /** The light its deadline alone gives. */
  deadlineLight: Light;
  /** The tier of the policy that `light` is. */
  tier: EscalationTier;
  /** What raised it, if anything. */
  reasons: RaiseReason[];
  /** The deadline in force (the next working day when the deadline falls on a rest day). */
  deadline: CalendarDay;
  /** Calendar days from the day to the deadline in force: negative when overdue. */
  daysLeft: number;
  /** Working days from the day to the deadline in force (0 on it, negative when overdue). */
  workingDaysLeft: number;
  /** The first day of the deadline's tier (the day its light came on), or of the reason that raised it, whichever is later. */
  since: CalendarDay;
}

/**
 * The warning light (红黄绿灯) of a finding as of a day under a policy: the tier its
 * deadline has reached, counted in working days of the calendar with the one definition
 * of overdue every view uses (`isFindingOverdue`), raised one step by a stale ledger, an
 * overdue monthly report or a relapse found at a look-back when the policy says so (a
 * raise moves a light that is on: it lights none). `undefined` for a finding whose work
 * is not open (done, awaiting or given sign-off), one with no deadline, and one whose
 * deadline is further off than every tier.
 *
 * @example
 * ```ts
 * findingLight(state, '2023-10-05', DEFAULT_ESCALATION_POLICY, inspection.workflow.cadence, calendarCn)?.light; // 'yellow'
 * ```
 */
export function findingLight(
  finding: WarningView,
  asOf: CalendarDay,
  policy: EscalationPolicy,
  cadence: Pick<Cadence, 'ledgerUpdateDays' | 'longTermReportDays' | 'monthlyReportDueDay'>,
  calendar: Calendar = EVERY_DAY,
): FindingLight | undefined {
  const a = finding.assignment;
  if (a === undefined || !isOpenStatus(finding.status)) return undefined;
  const deadline = deadlineInForce(a.deadline, calendar);
  const reached = deadlineTier(finding, asOf, policy, calendar);
  // A raise moves a light that is on; it lights none. So a finding far from its deadline is
  // never warned about, and the store finds every lit finding by its deadline alone (an
  // index) instead of reading every finding of the inspection.
  if (reached === undefined) return undefined;
  const reasons = raiseReasons(finding, asOf, policy, cadence);
  const tiers = policy.tiers;
  // A raise is one step along the policy's own tiers (a policy without a yellow tier raises green to red).
  const baseIndex = tiers.indexOf(reached.tier);
  const index = reasons.length === 0 ? baseIndex : Math.min(baseIndex + 1, tiers.length - 1);
  const tier = tiers[index]!;
  const reasonSince = reasons.length === 0 ? undefined : reasons.map((r) => r.since).sort()[0];
  const since = [reached.since, index === baseIndex ? undefined : reasonSince].filter((d): d is CalendarDay => d !== undefined).sort().at(-1)!;
  return {
    light: tier.light,
    deadlineLight: reached.tier.light,
    tier,
    reasons: reasons.map((r) => r.reason),
    deadline,
    daysLeft: daysBetween(asOf, deadline),
    workingDaysLeft: deadline >= asOf ? workingDaysBetween(calendar, asOf, deadline) : -workingDaysBetween(calendar, deadline, asOf),
    since,
  };
}

/** The strongest tier a finding's deadline has reached on a day, and the day it reached it. */
function deadlineTier(finding: WarningView, asOf: CalendarDay, policy: EscalationPolicy, calendar: Calendar): { tier: EscalationTier; since: CalendarDay } | undefined {
  const deadline = finding.assignment!.deadline;
  const inForce = deadlineInForce(deadline, calendar);
  for (const tier of [...policy.tiers].reverse()) {
    if (tier.workingDaysBefore === undefined) {
      if (isFindingOverdue(finding, asOf, calendar)) return { tier, since: addCalendarDays(inForce, 1) };
    } else if (isDueWithin(deadline, asOf, tier.workingDaysBefore, calendar)) {
      // The first day from which the deadline in force lies within the tier's working days.
      return { tier, since: addWorkingDays(calendar, inForce, -tier.workingDaysBefore) };
    }
  }
  return undefined;
}

/** The reasons the policy counts that hold on a day, each with the day it began. */
function raiseReasons(
  f: WarningView,
  asOf: CalendarDay,
  policy: EscalationPolicy,
  cadence: Pick<Cadence, 'ledgerUpdateDays' | 'longTermReportDays' | 'monthlyReportDueDay'>,
): { reason: RaiseReason; since: CalendarDay }[] {
  const out: { reason: RaiseReason; since: CalendarDay }[] = [];
  if (policy.raise.staleLedger) {
    const next = nextLedgerUpdate(f, cadence);
    if (next !== undefined && next.dueOn < asOf) out.push({ reason: 'stale_ledger', since: addCalendarDays(next.dueOn, 1) });
  }
  if (policy.raise.missedMonthlyReport) {
    const missed = monthlyReportsOwed(f, asOf, cadence).filter((r) => r.dueOn < asOf);
    if (missed.length > 0) out.push({ reason: 'missed_monthly_report', since: addCalendarDays(missed[0]!.dueOn, 1) });
  }
  if (policy.raise.relapse) {
    // A relapse reopens the finding; it raises the light until the finding is done again.
    const relapsed = f.reviews.filter((r) => r.outcome === 'relapsed' && r.conductedOn !== undefined && r.conductedOn <= asOf).map((r) => r.conductedOn!);
    if (f.status === 'reopened' && relapsed.length > 0) out.push({ reason: 'relapse', since: relapsed.sort().at(-1)! });
  }
  return out;
}

/** How many of these show each light: the counts every view of the lights prints. */
export function countLights(lit: Iterable<{ light: Light | undefined }>): Record<Light, number> {
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const l of lit) if (l.light !== undefined) counts[l.light] += 1;
  return counts;
}

/** How many findings show each light as of a day (those with none are not counted). */
export function lightCounts(findings: readonly WarningView[], asOf: CalendarDay, policy: EscalationPolicy, cadence: Cadence, calendar: Calendar = EVERY_DAY): Record<Light, number> {
  return countLights(findings.map((f) => ({ light: findingLight(f, asOf, policy, cadence, calendar)?.light })));
}

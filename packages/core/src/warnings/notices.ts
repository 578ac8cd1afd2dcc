import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { nextWorkingDay, workingDaysBetween } from '../calendar/working-days.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation, Person } from '../model/organisation.js';
import { Roles } from '../model/roles.js';
import { findingLight, type FindingLight, type RaiseReason } from './light.js';
import { LIGHTS, type EscalationPolicy, type Light, type Recipient } from './policy.js';
import type { WarningView } from './view.js';

/** One warning to send: one finding, one light, one person, once (see {@link WarningNotice.key}). */
export interface WarningNotice {
  /**
   * What makes it one notice: the inspection, the finding, the light, the person, the
   * deadline in force and, for a tier that repeats, which repetition. The same key is the
   * same notice, whatever day it is decided on: the outbox keeps it once, and a channel
   * passes it on as the delivery id a receiver can deduplicate by.
   */
  key: string;
  organisationId: string;
  inspectionId: string;
  findingId: string;
  title: string;
  light: Light;
  /** What raised the light beyond the deadline's, if anything. */
  reasons: RaiseReason[];
  /** The deadline in force. */
  deadline: CalendarDay;
  /** Calendar days to the deadline in force, negative when overdue. */
  daysLeft: number;
  /** Working days to the deadline in force, negative when overdue. */
  workingDaysLeft: number;
  /** The person told. */
  personId: string;
  /** Why they are told: the recipients of the tier that name them (`person` for one named). */
  as: RecipientRole[];
  /** The day it was decided. */
  decidedOn: CalendarDay;
  /** The measures still open (what is missing before the finding can be completed and signed off). */
  openMeasures: { ordinal: number; text: string }[];
}

/** A recipient of a tier as a notice names it: a {@link Recipient} kind, or `person` for one named. */
export type RecipientRole = Exclude<Recipient, { personId: string }> | 'person';

/** A tier's recipient that named nobody for a finding (no principal leader in the organisation, a person not in it). */
export interface UnreachedRecipient {
  findingId: string;
  light: Light;
  recipient: Recipient;
}

/** What {@link warningNotices} decides for a day. */
export interface WarningDecision {
  /** The light of each finding that has one, by finding id. */
  lights: Map<string, FindingLight>;
  /** The notices due on the day (none on a quiet day), by finding, light and person. */
  notices: WarningNotice[];
  /** Recipients the policy names that reach nobody: a policy or directory to fix, not a notice lost silently. */
  unreached: UnreachedRecipient[];
  /** Whether the day is quiet (a rest day of the calendar, or a day the policy names): nothing is sent on it. */
  quiet: boolean;
}

/** What {@link warningNotices} needs besides the findings. */
export interface WarningContext {
  organisation: Organisation;
  inspection: Inspection;
  people: readonly Person[];
  calendar?: Calendar;
}

/**
 * The warnings (预警) due on a day: the light of every finding of an inspection as of
 * the day (see {@link findingLight}) and one notice per finding, light and person the
 * policy's tier names. A tier that does not repeat gives its notices once per deadline in
 * force; one that repeats, once per period of `repeatEveryWorkingDays` working days. So
 * the notices of a day are those that a daily run would send, and a run that missed days
 * still sends what is due once, never a backlog. Pure: the store's outbox keeps them.
 *
 * @example
 * ```ts
 * const { notices } = warningNotices(states, { organisation, inspection, people, calendar: calendarCn }, '2023-10-09', DEFAULT_ESCALATION_POLICY);
 * ```
 */
export function warningNotices(findings: readonly WarningView[], context: WarningContext, asOf: CalendarDay, policy: EscalationPolicy): WarningDecision {
  const calendar = context.calendar ?? EVERY_DAY;
  const { inspection, people } = context;
  const quiet = (policy.quiet.restDays && !calendar.isWorkingDay(asOf)) || policy.quiet.days.includes(asOf);
  const lights = new Map<string, FindingLight>();
  const notices: WarningNotice[] = [];
  const unreached: UnreachedRecipient[] = [];
  // Who holds each role and who is in each unit, once for the day rather than once a finding.
  const byRole = new Map<string, string[]>();
  const byUnit = new Map<string, string[]>();
  for (const p of people) {
    for (const role of p.roles) byRole.set(role, [...(byRole.get(role) ?? []), p.id]);
    if (p.unitId !== undefined) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p.id]);
  }
  const withRole = (role: string) => byRole.get(role) ?? [];
  const known = new Set(people.map((p) => p.id));
  for (const f of findings) {
    const light = findingLight(f, asOf, policy, inspection.workflow.cadence, calendar);
    if (light === undefined) continue;
    lights.set(f.finding.id, light);
    if (quiet) continue;
    const a = f.assignment!;
    const told = new Map<string, RecipientRole[]>();
    for (const recipient of light.tier.notify) {
      const role: RecipientRole = typeof recipient === 'string' ? recipient : 'person';
      const ids =
        recipient === 'responsible_person' ? [a.responsiblePersonId]
        : recipient === 'leader_in_charge' ? [a.responsibleLeaderId]
        : recipient === 'lead_unit' ? (byUnit.get(a.leadUnitId) ?? [])
        : recipient === 'principal_leader' ? withRole(Roles.principalLeader)
        : recipient === 'coordinator' ? withRole(Roles.coordinator)
        : recipient === 'inspection_office' ? withRole(Roles.supervisor)
        : [recipient.personId];
      const reached = ids.filter((id) => known.has(id));
      if (reached.length === 0) unreached.push({ findingId: f.finding.id, light: light.light, recipient });
      for (const id of reached) told.set(id, [...(told.get(id) ?? []), role]);
    }
    const repetition = repetitionOf(light, asOf, calendar);
    const openMeasures = f.measures.filter((m) => m.status === 'open').map((m) => ({ ordinal: m.ordinal, text: m.text }));
    for (const [personId, as] of [...told].sort(([x], [y]) => x.localeCompare(y))) {
      notices.push({
        key: JSON.stringify([inspection.id, f.finding.id, light.light, personId, light.deadline, repetition]),
        organisationId: context.organisation.id,
        inspectionId: inspection.id,
        findingId: f.finding.id,
        title: f.finding.title,
        light: light.light,
        reasons: light.reasons,
        deadline: light.deadline,
        daysLeft: light.daysLeft,
        workingDaysLeft: light.workingDaysLeft,
        personId,
        as,
        decidedOn: asOf,
        openMeasures,
      });
    }
  }
  // Red first, then by deadline: the order a list is read in, whatever order the findings came in.
  const severity = (n: WarningNotice) => -LIGHTS.indexOf(n.light);
  notices.sort((x, y) => severity(x) - severity(y) || x.deadline.localeCompare(y.deadline) || byCode(x.findingId, y.findingId) || byCode(x.personId, y.personId));
  return { lights, notices, unreached, quiet };
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which repetition of its tier a finding is in on a day: 0 for a tier that does not repeat. */
function repetitionOf(light: FindingLight, asOf: CalendarDay, calendar: Calendar): number {
  const every = light.tier.repeatEveryWorkingDays;
  if (every === 0) return 0;
  // Counted from the first working day of the tier, so that a tier that starts on a rest day repeats from when work resumes.
  const first = nextWorkingDay(calendar, light.since);
  return asOf < first ? 0 : Math.floor(workingDaysBetween(calendar, first, asOf) / every);
}

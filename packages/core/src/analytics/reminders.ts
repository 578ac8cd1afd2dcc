import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addWorkingDays, nextWorkingDay } from '../calendar/working-days.js';
import { daysBetween, type CalendarDay } from '../dates/calendar-day.js';
import { isOpenStatus } from '../lifecycle/status.js';
import { isSustained, type FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import { monthlyReportsOwed, nextLedgerUpdate } from './cadence.js';

/**
 * What a reminder is about: the finding's deadline (整改时限), a measure's own
 * deadline, a look-back review (回头看), the next ledger update (每周更新), a monthly
 * report (每月一报), or the inspection's rectification report (整改情况报告, due two
 * months after the feedback: `Inspection.reportDueDate`).
 */
export type ReminderKind = 'finding_deadline' | 'measure_deadline' | 'review' | 'ledger_update' | 'monthly_report' | 'rectification_report';

/** The kinds of reminder, in the order a list shows them on the same day. */
export const REMINDER_KINDS: readonly ReminderKind[] = ['rectification_report', 'finding_deadline', 'measure_deadline', 'review', 'monthly_report', 'ledger_update'];

/** Something someone must do by a day, for an app that sends e-mail or messages, or a calendar feed. */
export interface Reminder {
  kind: ReminderKind;
  /** The organisation it belongs to (the inspected body): a feed over several organisations says whose each item is. */
  organisationId: string;
  /** The finding it concerns; absent for the rectification report, which is the whole inspection's. */
  findingId: string | undefined;
  /** The finding's title (the inspection's, for the rectification report). */
  title: string;
  /** What in the finding it concerns: the measure's or review's id, the report's month, the inspection's id for its rectification report; absent for the deadline and ledger update. */
  subject?: string;
  /** Words for the subject, when its id says nothing to a reader: the measure's text, the month. */
  subjectText?: string;
  /** The last day allowed (a deadline on a rest day moves to the next working day of the calendar). */
  dueOn: CalendarDay;
  /** `overdue` after `dueOn`, `due_today` on it, `upcoming` before. */
  state: 'overdue' | 'due_today' | 'upcoming';
  /** Calendar days from the reminder's day to `dueOn`: negative when overdue. */
  daysLeft: number;
  /** Who must act: the responsible person first, then whoever else answers for it. */
  personIds: string[];
  /** The lead unit. */
  unitId: string | undefined;
}

/** Options of {@link reminders}. */
export interface ReminderOptions {
  /** Only what this person must act on. */
  personId?: string;
  /** Only what this lead unit must act on. */
  unitId?: string;
  /** Only reminders of these kinds (every kind when absent): a feed of deadlines without the 月报 that are past. */
  kinds?: readonly ReminderKind[];
  /** How far ahead to look, in working days of the calendar (default the cadence's `dueSoonDays`). Overdue items are always listed. */
  horizonDays?: number;
  /** Which days are working days (default every day). */
  calendar?: Calendar;
  /**
   * The day the rectification report went out, if it did: then it is no longer due.
   * `readReminders` takes it from the inspection's first published version.
   */
  reportedOn?: CalendarDay | undefined;
  /**
   * Who writes and answers for the rectification report: the coordinating office and the
   * principal leader of the organisation's people (`readReminders` passes them). Without
   * them the reminder names nobody.
   */
  reportPersonIds?: readonly string[];
}

/**
 * What is due or overdue as of a day, for everyone or for one person or unit: finding
 * and measure deadlines of work still open, look-back reviews not yet done, the next
 * ledger update, monthly reports not made (but for findings signed off). Overdue items first (oldest first), then the
 * rest by day. Pure: apps that send e-mail, messages or a calendar feed
 * (`toICalendar` in `@rectify/report-data`) call it with today's date.
 *
 * @example
 * ```ts
 * for (const r of reminders(findings, inspection, '2023-11-15', { personId: 'p-resp' }))
 *   send(r.personIds[0], `${r.title}: ${r.kind} ${r.state} (${r.dueOn})`);
 * ```
 */
export function reminders(findings: readonly FindingState[], inspection: Inspection, asOf: CalendarDay, options: ReminderOptions = {}): Reminder[] {
  const calendar = options.calendar ?? EVERY_DAY;
  const cadence = inspection.workflow.cadence;
  const until = addWorkingDays(calendar, asOf, options.horizonDays ?? cadence.dueSoonDays);
  const out: Reminder[] = [];
  for (const f of findings) {
    const a = f.assignment;
    if (options.unitId !== undefined && a?.leadUnitId !== options.unitId) continue;
    const add = (kind: ReminderKind, due: CalendarDay, personIds: (string | undefined)[], subject?: { id: string; text?: string }) => {
      const dueOn = nextWorkingDay(calendar, due);
      if (dueOn > until) return;
      const people = [...new Set(personIds.filter((p): p is string => p !== undefined))];
      if (options.personId !== undefined && !people.includes(options.personId)) return;
      const daysLeft = daysBetween(asOf, dueOn);
      if (options.kinds !== undefined && !options.kinds.includes(kind)) return;
      out.push({
        kind,
        organisationId: inspection.subjectOrganisationId,
        findingId: f.finding.id,
        title: f.finding.title,
        ...(subject === undefined ? {} : { subject: subject.id }),
        ...(subject?.text === undefined ? {} : { subjectText: subject.text }),
        dueOn,
        state: daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'due_today' : 'upcoming',
        daysLeft,
        personIds: people,
        unitId: a?.leadUnitId,
      });
    };
    const responsible = [a?.responsiblePersonId, a?.responsibleLeaderId];
    if (a !== undefined && isOpenStatus(f.status)) add('finding_deadline', a.deadline, responsible);
    if (f.status !== 'signed_off') {
      for (const m of f.measures) {
        if (m.status === 'open' && m.kind !== 'long_term' && m.deadline !== undefined) add('measure_deadline', m.deadline, responsible, { id: m.id, text: m.text });
      }
    }
    for (const r of f.reviews) if (r.outcome === undefined) add('review', r.dueOn, [r.reviewerId ?? r.scheduledBy], { id: r.id });
    const ledger = nextLedgerUpdate(f, cadence);
    if (ledger !== undefined) add('ledger_update', ledger.dueOn, [a?.responsiblePersonId]);
    // A finding signed off has nothing left to report (a report it missed is history, not a
    // task), unless its long-term work goes on.
    if (f.status !== 'signed_off' || isSustained(f)) for (const report of monthlyReportsOwed(f, until, cadence)) add('monthly_report', report.dueOn, [a?.responsiblePersonId], { id: report.period, text: report.period });
  }
  // 两个月内报送整改情况报告: the inspection's, once, until it is reported.
  const report = rectificationReport(inspection, asOf, options.reportedOn, calendar);
  if (report !== undefined && report.state !== 'reported' && options.unitId === undefined && (options.kinds === undefined || options.kinds.includes('rectification_report'))) {
    const personIds = [...new Set(options.reportPersonIds ?? [])];
    if (report.dueOn <= until && (options.personId === undefined || personIds.includes(options.personId))) {
      out.push({ kind: 'rectification_report', organisationId: inspection.subjectOrganisationId, findingId: undefined, title: inspection.title, subject: inspection.id, dueOn: report.dueOn, state: report.state, daysLeft: report.daysLeft, personIds, unitId: undefined });
    }
  }
  const order = (k: ReminderKind) => REMINDER_KINDS.indexOf(k);
  return out.sort((x, y) => x.dueOn.localeCompare(y.dueOn) || order(x.kind) - order(y.kind) || (x.findingId ?? '').localeCompare(y.findingId ?? '') || (x.subject ?? '').localeCompare(y.subject ?? ''));
}

/** Where the inspection's rectification report (整改情况报告) stands as of a day. */
export interface RectificationReportStatus {
  /** The last day allowed: `reportDueDate`, or the next working day when it falls on a rest day. */
  dueOn: CalendarDay;
  /** `reported` once it went out (on or before the day); else as a reminder's state. */
  state: 'reported' | 'overdue' | 'due_today' | 'upcoming';
  /** Calendar days from the day to `dueOn`: negative when overdue. */
  daysLeft: number;
  reportedOn: CalendarDay | undefined;
}

/**
 * The rectification report that the seed's rules want within two months of the feedback
 * (`Inspection.reportDueDate`): due, overdue or reported as of a day. `undefined` when the
 * inspection sets no such day. The one definition the reminders and the status use.
 */
export function rectificationReport(inspection: Inspection, asOf: CalendarDay, reportedOn: CalendarDay | undefined, calendar: Calendar = EVERY_DAY): RectificationReportStatus | undefined {
  if (inspection.reportDueDate === undefined) return undefined;
  const dueOn = nextWorkingDay(calendar, inspection.reportDueDate);
  const daysLeft = daysBetween(asOf, dueOn);
  const reported = reportedOn !== undefined && reportedOn <= asOf;
  return { dueOn, state: reported ? 'reported' : daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'due_today' : 'upcoming', daysLeft, reportedOn: reported ? reportedOn : undefined };
}

/**
 * Beyond the seed notice: what the organisation does next with the same store. A
 * deadline set in working days over 国庆, one leader's reminders as a calendar feed, the
 * notice masked and published as numbered versions. Used by `main.ts` and checked by
 * `test/follow-up.test.ts`; the guide `docs/deadlines-reminders-publishing.md` quotes it.
 */
import { calendarCn } from '@rectify/calendar-cn';
import {
  addWorkingDays,
  countRedactions,
  diffLines,
  publicRedactionRules,
  redactText,
  reminders,
  type CalendarDay,
  type DiffLine,
  type PublishedVersion,
  type Reminder,
  type Store,
} from '@rectify/core';
import { toICalendar } from '@rectify/report-data';
import { SEED_INSPECTION, SEED_SCOPE } from './history.js';

/** "15个工作日内": the deadline of a task given on `from`, in mainland China's working days. */
export function workingDayDeadline(from: CalendarDay, days: number): CalendarDay {
  return addWorkingDays(calendarCn, from, days);
}

/** What one person must do as of a day, in China's working days, and the same as an iCalendar feed. */
export async function remindersFor(store: Store, personId: string, asOf: CalendarDay, now: string): Promise<{ items: Reminder[]; ics: string }> {
  const findings = await store.findingsAsOf(SEED_SCOPE, asOf);
  const items = reminders(findings, SEED_INSPECTION, asOf, { personId, calendar: calendarCn, horizonDays: 10 });
  const ics = toICalendar(items, { now, name: `整改提醒（${personId}）`, locale: 'zh-CN' });
  return { items, ics };
}

/**
 * Masks a notice before it goes out (the people interviewed, phone numbers and e-mail
 * addresses but the declared contacts, ID numbers), then records it as the next
 * published version, and answers what changed against the version before.
 */
export async function publishNotice(store: Store, text: string, publishedAt: string, publishedBy: string): Promise<{ version: PublishedVersion; changes: DiffLine[] }> {
  const findings = await store.findingsAsOf(SEED_SCOPE, publishedAt.slice(0, 10));
  const people = await store.people(SEED_SCOPE.organisationId);
  const { text: safe, redactions } = redactText(text, publicRedactionRules(SEED_INSPECTION, findings, people));
  const before = (await store.publications(SEED_SCOPE, 'notice')).at(-1);
  const version = await store.publish({ ...SEED_SCOPE, format: 'notice', text: safe, publishedAt, publishedBy, redacted: countRedactions(redactions) });
  return { version, changes: diffLines(before?.text ?? '', safe).filter((d) => d.kind !== 'same') };
}

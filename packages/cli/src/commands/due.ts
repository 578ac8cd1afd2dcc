import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatDay,
  isRectifyError,
  nameOf,
  readReminders,
  REMINDER_KIND_LABELS,
  REMINDER_STATE_LABELS,
  type CalendarDay,
  type Inspection,
  type Locale,
  type Person,
  type Reminder,
  type ReminderKind,
  type Store,
} from '@rectify/core';
import { toICalendar } from '@rectify/report-data';
import { instantAt, resolveScope, today, type GlobalOptions, type Io, type Scope } from '../context.js';
import { UsageError } from '../exit.js';

/** Options of `rectify due`. */
export interface DueOptions {
  asOf: CalendarDay | undefined;
  person: string | undefined;
  unit: string | undefined;
  /** Working days to look ahead; the inspection's due-soon days by default. */
  days: number | undefined;
  /** Only reminders of these kinds. */
  kinds?: readonly ReminderKind[] | undefined;
  json: boolean;
  /** Writes an iCalendar feed to this file instead of the list. */
  ics: string | undefined;
}

const T = {
  'zh-CN': { title: '待办提醒', none: '无待办事项', days: '天', feed: '提醒日历' },
  en: { title: 'Reminders', none: 'nothing due', days: 'days', feed: 'Reminders' },
} as const satisfies Record<Locale, unknown>;

/**
 * `rectify due`: what is due or overdue as of a day (today by default), for everyone or
 * one person (`--person`) or lead unit (`--unit`): deadlines, measure deadlines,
 * look-backs, ledger updates, monthly reports. `--json` for programs that send
 * messages; `--ics FILE` writes an iCalendar feed for a calendar app.
 */
export async function dueCommand(store: Store, global: GlobalOptions, options: DueOptions, io: Io): Promise<void> {
  const scope = await resolveScope(store, global);
  const inspection = (await store.inspection(scope))!;
  const asOf = options.asOf ?? today(io, inspection.utcOffset);
  const due = await dueFor(store, scope, asOf, global, options);
  const t = T[global.lang];
  if (options.ics !== undefined) {
    writeFileSync(resolve(io.cwd, options.ics), feedOf(due, io, global.lang));
    io.out(`${options.ics}: ${due.items.length}`);
    return;
  }
  if (options.json) {
    io.out(JSON.stringify({ scope, asOf, personId: due.personId ?? null, unitId: due.unitId ?? null, reminders: due.items }, null, 2));
    return;
  }
  io.out(`${inspection.title} · ${t.title}${due.who ? ` · ${due.who}` : ''} · ${formatDay(asOf, global.lang)}`);
  if (due.items.length === 0) io.out(t.none);
  for (const r of due.items) io.out(line(r, global.lang, t.days, (id) => nameOf(due.people, id)));
}

/** The reminders of a scope as of a day, for one person or unit when asked, with what a list or feed shows. */
export interface Due {
  inspection: Inspection;
  items: Reminder[];
  personId: string | undefined;
  unitId: string | undefined;
  /** Whom the list is for, by name (empty for everyone). */
  who: string;
  people: Person[];
}

/**
 * The reminders `rectify due` and the served feed show, read in one snapshot. A person or
 * unit is named by id or name; one the organisation does not have is a usage error naming
 * it, not an empty list.
 */
export async function dueFor(store: Store, scope: Scope, asOf: CalendarDay, global: GlobalOptions, options: { person?: string | undefined; unit?: string | undefined; days?: number | undefined; kinds?: readonly ReminderKind[] | undefined }): Promise<Due> {
  try {
    const read = await store.read((reader) => readReminders(reader, scope, asOf, {
      calendar: global.calendar, person: options.person, unit: options.unit, ...(options.days === undefined ? {} : { horizonDays: options.days }), ...(options.kinds === undefined ? {} : { kinds: options.kinds }),
    }));
    const who = [read.personId && nameOf(read.people, read.personId), read.unitId && nameOf(read.organisation.units, read.unitId)].filter(Boolean).join(' · ');
    return { inspection: read.inspection, items: read.items, personId: read.personId, unitId: read.unitId, who, people: read.people };
  } catch (error) {
    const details = isRectifyError(error, 'not_found') ? error.details : {};
    if (details['kind'] === 'person' || details['kind'] === 'unit') throw new UsageError(`No ${details['kind']} "${String(details['id'])}" in ${scope.organisationId}: give a ${details['kind']}'s id or name`);
    throw error;
  }
}

/** The reminders as an iCalendar feed, named after whom they are for. */
export function feedOf(due: Due, io: Io, lang: Locale): string {
  const t = T[lang];
  return toICalendar(due.items, { now: instantAt(io.now(), due.inspection.utcOffset), name: `${t.feed}${due.who ? `（${due.who}）` : ''}`, locale: lang });
}

function line(r: Reminder, lang: Locale, days: string, person: (id: string) => string): string {
  const when = r.state === 'overdue' ? `${-r.daysLeft} ${days}` : r.state === 'due_today' ? '' : `${r.daysLeft} ${days}`;
  const subject = r.subjectText === undefined ? '' : `：${r.subjectText}`;
  return `${r.dueOn} ${REMINDER_STATE_LABELS[r.state][lang]}${when ? ` ${when}` : ''} · ${REMINDER_KIND_LABELS[r.kind][lang]} · ${r.title}${subject} · ${r.personIds.map(person).join('、')}`;
}

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatDay,
  nameOf,
  REMINDER_KIND_LABELS,
  REMINDER_STATE_LABELS,
  reminders,
  type CalendarDay,
  type Locale,
  type Reminder,
  type Store,
} from '@rectify/core';
import { toICalendar } from '@rectify/report-data';
import { instantAt, resolveScope, today, type GlobalOptions, type Io } from '../context.js';

/** Options of `rectify due`. */
export interface DueOptions {
  asOf: CalendarDay | undefined;
  person: string | undefined;
  unit: string | undefined;
  /** Working days to look ahead; the inspection's due-soon days by default. */
  days: number | undefined;
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
  const organisation = (await store.organisation(scope.organisationId))!;
  const people = await store.people(scope.organisationId);
  const asOf = options.asOf ?? today(io, inspection.utcOffset);
  const unitId = options.unit === undefined ? undefined : (organisation.units.find((u) => u.id === options.unit || u.name === options.unit)?.id ?? options.unit);
  const personId = options.person === undefined ? undefined : (people.find((p) => p.id === options.person || p.name === options.person)?.id ?? options.person);
  const items = reminders(await store.findingsAsOf(scope, asOf), inspection, asOf, {
    calendar: global.calendar,
    ...(personId === undefined ? {} : { personId }),
    ...(unitId === undefined ? {} : { unitId }),
    ...(options.days === undefined ? {} : { horizonDays: options.days }),
  });
  const t = T[global.lang];
  const who = [personId && nameOf(people, personId), unitId && nameOf(organisation.units, unitId)].filter(Boolean).join(' · ');
  if (options.ics !== undefined) {
    const feed = toICalendar(items, { now: instantAt(io.now(), inspection.utcOffset), name: `${t.feed}${who ? `（${who}）` : ''}`, locale: global.lang });
    writeFileSync(resolve(io.cwd, options.ics), feed);
    io.out(`${options.ics}: ${items.length}`);
    return;
  }
  if (options.json) {
    io.out(JSON.stringify({ scope, asOf, personId: personId ?? null, unitId: unitId ?? null, reminders: items }, null, 2));
    return;
  }
  io.out(`${inspection.title} · ${t.title}${who ? ` · ${who}` : ''} · ${formatDay(asOf, global.lang)}`);
  if (items.length === 0) io.out(t.none);
  for (const r of items) io.out(line(r, global.lang, t.days, (id) => nameOf(people, id)));
}

function line(r: Reminder, lang: Locale, days: string, person: (id: string) => string): string {
  const when = r.state === 'overdue' ? `${-r.daysLeft} ${days}` : r.state === 'due_today' ? '' : `${r.daysLeft} ${days}`;
  const subject = r.subjectText !== undefined && r.kind !== 'review' ? `：${r.subjectText}` : '';
  return `${r.dueOn} ${REMINDER_STATE_LABELS[r.state][lang]}${when ? ` ${when}` : ''} · ${REMINDER_KIND_LABELS[r.kind][lang]} · ${r.title}${subject} · ${r.personIds.map(person).join('、')}`;
}

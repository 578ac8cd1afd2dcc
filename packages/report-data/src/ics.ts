import {
  addCalendarDays,
  InstantSchema,
  label,
  LocaleSchema,
  parseWith,
  REMINDER_KIND_LABELS,
  REMINDER_STATE_LABELS,
  type Instant,
  type Locale,
  type Reminder,
} from '@rectify/core';
import { z } from 'zod';

/** Options of {@link toICalendar}. */
export interface ICalendarOptions {
  /** When the feed is made (its DTSTAMP): an ISO-8601 instant with an offset. Passed in, so the same reminders give the same bytes. */
  now: Instant;
  /** The calendar's name as apps show it (X-WR-CALNAME), e.g. 巡察整改提醒（张三）. */
  name: string;
  locale?: Locale;
  /** Days before a due day to alert (VALARM); none when empty. Default [1]. */
  alertDaysBefore?: readonly number[];
  /** Appended to each event's UID to keep feeds of different stores apart (default `rectify`). */
  uidDomain?: string;
}

const OptionsSchema = z.object({
  now: InstantSchema,
  name: z.string().min(1).max(200),
  locale: LocaleSchema.optional(),
  alertDaysBefore: z.array(z.number().int().min(0).max(60)).max(5).optional(),
  uidDomain: z.string().regex(/^[A-Za-z0-9.-]{1,100}$/, 'Letters, digits, dots and hyphens only').optional(),
});

/**
 * An iCalendar (RFC 5545) feed of reminders (`reminders` in `@rectify/core`): one
 * all-day event per reminder on its due day, with an alert the day before, for a
 * person's or a unit's calendar app (served as `text/calendar`, subscribed to by URL).
 *
 * Each event's UID is stable (kind, finding, subject), so a refreshed feed updates the
 * events instead of duplicating them. Text is escaped, and lines are folded at 75
 * octets without splitting a character (Chinese takes three octets each).
 *
 * @example
 * ```ts
 * const ics = toICalendar(reminders(findings, inspection, '2023-11-15', { personId: 'p-resp' }), {
 *   now: '2023-11-15T08:00:00+08:00', name: '巡察整改提醒', locale: 'zh-CN',
 * });
 * ```
 */
export function toICalendar(items: readonly Reminder[], options: ICalendarOptions): string {
  const o = parseWith(OptionsSchema, options, 'iCalendar options');
  const locale = o.locale ?? 'zh-CN';
  const stamp = utcStamp(o.now);
  const domain = o.uidDomain ?? 'rectify';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//rectify//reminders//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(o.name)}`];
  for (const r of items) {
    const kind = label(REMINDER_KIND_LABELS[r.kind], locale);
    const what = r.subjectText === undefined ? r.title : `${r.title}：${r.subjectText}`;
    const state = label(REMINDER_STATE_LABELS[r.state], locale);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidPart(r.kind)}.${uidPart(r.findingId ?? 'inspection')}${r.subject === undefined ? '' : `.${uidPart(r.subject)}`}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(r.dueOn)}`,
      `DTEND;VALUE=DATE:${compact(addCalendarDays(r.dueOn, 1))}`,
      `SUMMARY:${escapeText(`【${kind}】${what}`)}`,
      `DESCRIPTION:${escapeText(`${kind} · ${state} · ${r.dueOn}\n${r.title}${r.subjectText === undefined ? '' : `\n${r.subjectText}`}${r.findingId === undefined ? '' : `\n${r.findingId}`}`)}`,
      `CATEGORIES:${escapeText(kind)}`,
      'TRANSP:TRANSPARENT',
    );
    for (const days of o.alertDaysBefore ?? [1]) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-P${days}D`, `DESCRIPTION:${escapeText(`【${kind}】${r.title}`)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** `2023-11-15` → `20231115`. */
const compact = (day: string) => day.replaceAll('-', '');

/** An instant as UTC `20231115T000000Z`, as DTSTAMP requires. */
function utcStamp(instant: Instant): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Ids may hold any character; a UID keeps letters, digits, `-` and `_`, the rest percent-encoded. */
const uidPart = (id: string) => encodeURIComponent(id).replace(/[.!'()*~%]/g, (c) => (c === '%' ? '=' : `=${c.charCodeAt(0).toString(16).toUpperCase()}`));

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded (a line break, then a space).
 * Folds between characters, counting UTF-8 octets, so a Chinese character (three
 * octets) or an emoji (four) is never cut in two.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    // The first line holds 75 octets; the following ones 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Octets of a code point in UTF-8 (no `Buffer`: this package also runs in browsers). */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

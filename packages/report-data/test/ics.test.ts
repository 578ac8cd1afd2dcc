import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore, reminders, unholdableCharacter, type Reminder } from '@rectify/core';
import { buildWorld, HOSTILE_STRINGS } from '@rectify/testing';
import { fold, toICalendar } from '../src/index.js';

/** The events of a feed as a calendar app reads them (ical.js, Mozilla's parser). */
function readFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        allDay: e.startDate.isDate,
        alarms: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
      };
    }),
  };
}

async function worldReminders(asOf: string): Promise<Reminder[]> {
  const store = await openStore(memoryDriver());
  const world = await buildWorld(store, 24);
  const scope = { organisationId: world.a.organisationId, inspectionId: world.a.inspectionId };
  const inspection = (await store.inspection(scope))!;
  return reminders(await store.findingsAsOf(scope, asOf), inspection, asOf, { horizonDays: 60 });
}

const NOW = '2023-11-15T08:00:00+08:00';

describe('the iCalendar feed of reminders', () => {
  it('holds one all-day event per reminder, with a stable id and an alert the day before, as a calendar app reads it', async () => {
    const items = await worldReminders('2023-11-15');
    expect(items.length).toBeGreaterThan(10);
    const text = toICalendar(items, { now: NOW, name: '巡察整改提醒（法治股）' });
    const feed = readFeed(text);
    expect(feed.name).toBe('巡察整改提醒（法治股）');
    expect(feed.events).toHaveLength(items.length);
    expect(new Set(feed.events.map((e) => e.uid)).size).toBe(items.length);
    feed.events.forEach((e, i) => {
      const r = items[i]!;
      expect(e.allDay).toBe(true);
      expect(e.start).toBe(r.dueOn);
      expect(e.summary).toContain(r.title);
      expect(e.description).toContain(r.findingId);
      expect(e.alarms).toEqual(['-P1D']);
    });
    // The same reminders and the same `now` give the same bytes; a later refresh keeps the ids.
    expect(toICalendar(items, { now: NOW, name: '巡察整改提醒（法治股）' })).toBe(text);
    const later = readFeed(toICalendar(await worldReminders('2023-11-16'), { now: '2023-11-16T08:00:00+08:00', name: 'x' }));
    const shared = later.events.filter((e) => feed.events.some((f) => f.uid === e.uid));
    expect(shared.length).toBeGreaterThan(0);
    for (const e of shared) expect(e.start).toBe(feed.events.find((f) => f.uid === e.uid)!.start);
  });

  it('carries any title exactly, escaped and folded at 75 octets without cutting a character', () => {
    // What a title can hold (line breaks aside: the feed writes every break as one \n).
    const titles = HOSTILE_STRINGS.filter((s) => s.length > 0 && unholdableCharacter(s) === undefined && !/[\t\r\n]/.test(s));
    titles.push('整改，措施；“一村一法律顾问”\\工作\n存在短板'.repeat(4));
    const items: Reminder[] = titles.map((title, i) => ({
      kind: 'finding_deadline', organisationId: 'org', findingId: `f;${i},x`, title, dueOn: '2023-12-31', state: 'upcoming', daysLeft: 46, personIds: ['p'], unitId: undefined,
    }));
    const text = toICalendar(items, { now: NOW, name: '提醒', locale: 'en', alertDaysBefore: [] });
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/\uFFFD/);
    const feed = readFeed(text);
    expect(feed.events.map((e) => e.summary)).toEqual(titles.map((t) => `【rectification deadline】${t}`));
    expect(feed.events.every((e) => e.alarms.length === 0)).toBe(true);
    expect(new Set(feed.events.map((e) => e.uid)).size).toBe(titles.length);
  });

  it('folds by octets: 25 Chinese characters fill a line exactly', () => {
    expect(fold('整'.repeat(25))).toBe('整'.repeat(25));
    expect(fold('整'.repeat(26))).toBe(`${'整'.repeat(25)}\r\n 整`);
    expect(fold(`a${'🚩'.repeat(19)}`)).toBe(`a${'🚩'.repeat(18)}\r\n 🚩`);
  });

  it('refuses options it cannot honour, naming them', () => {
    expect(() => toICalendar([], { now: '2023-11-15 08:00', name: 'x' })).toThrow(/now/);
    expect(() => toICalendar([], { now: NOW, name: 'x', uidDomain: 'a b' })).toThrow(/uidDomain: Letters, digits, dots and hyphens only/);
  });
});

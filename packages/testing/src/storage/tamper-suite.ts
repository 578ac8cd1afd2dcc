import { expect, it } from 'vitest';
import { sealEvent, type ChainBreak, type FindingEvent, type Store } from '@rectify/core';
import { buildWorld } from '../world.js';
import type { SuiteContext } from './context.js';

const SCOPE = { organisationId: 'org-a' };

/** The breaks `verify` names, as `kind finding@version`, for readable failures. */
async function breaksOf(store: Store): Promise<string[]> {
  return (await store.verify('org-a')).breaks.map((b: ChainBreak) => `${b.kind} ${b.findingId}@${b.version}`);
}

/** A finding of the world with at least four events, and its history. */
async function longHistory(store: Store): Promise<{ id: string; events: FindingEvent[] }> {
  const world = await buildWorld(store, 6);
  for (const id of world.a.findingIds) {
    const events = await store.history(SCOPE, id);
    if (events.length >= 4) return { id, events };
  }
  throw new Error('the world has no finding of four events');
}

/**
 * Tamper evidence: events rewritten behind the store's back (raw SQL, an edited file)
 * are named by `verify`, through the hash chain of each finding's events: an event
 * edited (with or without its hash computed again), removed from the middle or the end,
 * or inserted. The adapter must keep every event's body as written, `prev` and `hash`
 * included.
 */
export function tamperEvidenceSuite(ctx: SuiteContext): void {
  const tamper = (driver: Parameters<NonNullable<SuiteContext['options']['tamper']>>[0]) => ctx.options.tamper!(driver);

  it('verifies a history written through the store, every event chained', async () => {
    const { store } = await ctx.open();
    const { events } = await longHistory(store);
    expect(events.every((e) => e.hash !== undefined)).toBe(true);
    expect(await breaksOf(store)).toEqual([]);
  });

  it('names an event whose stored body was edited, and one edited with its hash computed again', async () => {
    const { store, driver } = await ctx.open();
    const { id, events } = await longHistory(store);
    // Another actor written into event 2, as an UPDATE of its body would.
    await tamper(driver).updateEvent('org-a', id, 2, (body) => JSON.stringify({ ...JSON.parse(body), actorId: 'org-a-principal' }));
    expect(await breaksOf(store)).toEqual([`edited ${id}@2`]);
    // Event 3 rewritten by someone who knows how the hash is made, and made it again.
    await tamper(driver).updateEvent('org-a', id, 3, (body) => {
      const event = JSON.parse(body) as FindingEvent;
      return JSON.stringify(sealEvent({ ...event, at: events[2]!.at.replace(/T\d\d/, 'T00') }, event.prev));
    });
    expect(await breaksOf(store)).toEqual([`edited ${id}@2`, `edited ${id}@3`]);
  });

  it('names an event deleted from the middle of a history, and one deleted from its end', async () => {
    const { store, driver } = await ctx.open();
    const { id, events } = await longHistory(store);
    await tamper(driver).deleteEvent('org-a', id, 2);
    expect(await breaksOf(store)).toEqual([`removed ${id}@2`]);
    await tamper(driver).deleteEvent('org-a', id, events.length);
    expect(await breaksOf(store)).toEqual([`removed ${id}@2`, `removed ${id}@${events.length}`]);
  });

  it('names an event inserted after the last one', async () => {
    const { store, driver } = await ctx.open();
    const { id, events } = await longHistory(store);
    const last = events.at(-1)!;
    const forged = { ...last, version: last.version + 1, commandId: 'forged-1', prev: last.hash };
    await tamper(driver).insertEvent('org-a', id, forged.version, JSON.stringify(forged));
    expect(await breaksOf(store)).toContain(`inserted ${id}@${forged.version}`);
  });
}

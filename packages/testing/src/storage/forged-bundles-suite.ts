import { expect, it } from 'vitest';
import { chainHistories, dayOfInstant, isRectifyError, ValidationError, type Bundle, type FindingEvent, type Store } from '@rectify/core';
import { buildWorld } from '../world.js';
import type { SuiteContext } from './context.js';

/**
 * Organisation A of a small world, relabelled `org-<label>` (its inspection, people,
 * findings and command ids too), so that each forgery can be imported on its own next
 * to the world it was taken from.
 */
function relabelled(bundle: Bundle, label: string): Bundle {
  const text = JSON.stringify(bundle)
    .replaceAll('org-a', `org-${label}`)
    .replaceAll('ins-a', `ins-${label}`)
    .replaceAll('"w-', `"${label}-w-`);
  const renamed = JSON.parse(text) as Bundle;
  // Renamed on purpose: chained again, as its maker would, so that only the rules decide.
  return { ...renamed, events: chainHistories(renamed.events) };
}

/** A forger who knows how the chain is made: the forged events chained again, so that the rules, not the hashes, must catch them. */
function rechained(bundle: Bundle): Bundle {
  return { ...bundle, events: chainHistories(bundle.events) };
}

/** The first signed-off finding of the bundle, and where in the bundle its `nth` event of a type stands. */
function signedOff(bundle: Bundle): { findingId: string; indexOf: (type: string, nth?: number) => number } {
  const findingId = bundle.events.find((e) => e.type === 'signed_off')!.findingId;
  return {
    findingId,
    indexOf: (type, nth = 0) => bundle.events.map((e, i) => [e, i] as const).filter(([e]) => e.findingId === findingId && e.type === type)[nth]![1],
  };
}

/** Numbers a finding's events 1, 2, 3… again in bundle order, as a forger would after taking some out. */
function renumbered(events: FindingEvent[], findingId: string): FindingEvent[] {
  let version = 0;
  return events.map((e) => (e.findingId === findingId ? { ...e, version: ++version } : e));
}

/** The one issue a refused import names: its path, message and code. */
async function refusal(store: Store, bundle: Bundle): Promise<{ path: string; message: string; code: string }> {
  const error = await store.importBundle(bundle).then(() => undefined, (e: unknown) => e);
  expect(isRectifyError(error, 'validation'), String(error)).toBe(true);
  const issues = (error as ValidationError).issues;
  expect(issues).toHaveLength(1);
  return { path: issues[0]!.path, message: issues[0]!.message, code: issues[0]!.code };
}

/**
 * A bundle's history is held to the rules live commands meet: forged bundles (an
 * approval removed, an actor without the role, events out of order, a sign-off before
 * its approvals, a field the command never set) are refused naming the event, the
 * finding and the rule, writing nothing; the world's own export imports; a trusted
 * restore takes a forged history but the store records that it did.
 */
export function forgedBundlesSuite(ctx: SuiteContext): void {
  it('refuses forged histories, naming the event, the finding and the rule, and writes nothing', async () => {
    const { store, driver } = await ctx.open();
    await buildWorld(store, 8);
    const world = await store.exportBundle({ organisationId: 'org-a' });
    expect(world.events.some((e) => e.type === 'signed_off')).toBe(true);

    // The untouched export, under another name, imports whole: real histories pass the checks.
    const honest = relabelled(world, 'ok');
    expect((await store.importBundle(honest)).events).toBe(world.events.length);

    const forgeries: [string, (b: Bundle) => { bundle: Bundle; index: number; findingId: string }, RegExp][] = [
      ['approvals removed', (b) => {
        const f = signedOff(b);
        const removed = new Set([f.indexOf('approved', 0), f.indexOf('approved', 1)]);
        const events = renumbered(b.events.filter((_, i) => !removed.has(i)), f.findingId);
        return { bundle: { ...b, events }, index: events.findIndex((e) => e.findingId === f.findingId && e.type === 'signed_off'), findingId: f.findingId };
      }, /signed_off by [^)]*\): .*\[approvals\.complete\] missing preliminary review/s],
      ['final approval by someone without the role', (b) => {
        const f = signedOff(b);
        const index = f.indexOf('approved', 1);
        const events = b.events.map((e, i) => (i === index ? { ...e, actorId: e.actorId.replace('principal', 'coord') } : e));
        return { bundle: { ...b, events }, index, findingId: f.findingId };
      }, /approved by org-\w+-coord\): org-\w+-coord may not approve: needs one of the roles principal_leader/],
      ['events out of order', (b) => {
        const f = signedOff(b);
        const index = f.indexOf('approved', 0);
        const earlier = new Date(Date.parse(b.events[index - 1]!.at) - 60_000).toISOString();
        const events = b.events.map((e, i) => (i === index ? { ...e, at: earlier, on: dayOfInstant(earlier, '+08:00') } : e));
        return { bundle: { ...b, events }, index, findingId: f.findingId };
      }, /before the finding's last event/],
      ['signed off before its approvals', (b) => {
        const f = signedOff(b);
        const [first, sign] = [f.indexOf('approved', 0), f.indexOf('signed_off')];
        // The sign-off taken out and put in front of the first approval, at its instant (instants stay in order).
        const early = { ...b.events[sign]!, at: b.events[first]!.at, on: b.events[first]!.on };
        const rest = b.events.filter((_, i) => i !== sign);
        const events = renumbered([...rest.slice(0, first), early, ...rest.slice(first)], f.findingId);
        return { bundle: { ...b, events }, index: first, findingId: f.findingId };
      }, /signed_off by [^)]*\): .*\[approvals\.complete\] missing preliminary review/s],
      ['a field its command never set', (b) => {
        const f = signedOff(b);
        const index = f.indexOf('signoff_requested');
        const events = b.events.map((e, i) => (i === index ? { ...e, payload: { ...e.payload, stages: ['final'] } } as FindingEvent : e));
        return { bundle: { ...b, events }, index, findingId: f.findingId };
      }, /not the one its command produces/],
    ];
    for (const [i, [name, forge, reason]] of forgeries.entries()) {
      const label = `forged${i}`;
      const { bundle, index, findingId } = forge(relabelled(world, label));
      // Left as forged, the hashes give it away; chained again, the rules do.
      await expect(store.importBundle(bundle), name).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ code: expect.stringMatching(/^history\.(edited|removed|inserted)$/) })]) });
      const refused = await refusal(store, rechained(bundle));
      expect(refused.path, name).toBe(`events[${index}]`);
      expect(refused.message, name).toContain(`finding ${findingId}, event `);
      expect(refused.message, name).toMatch(reason);
      expect(await ctx.countEvents(store, driver, `org-${label}`), name).toBe(0);
      expect(await ctx.countFindings(store, driver, `org-${label}`), name).toBe(0);
    }
  });

  it('takes a forged history only as a trusted restore, and records that it did', async () => {
    const { store } = await ctx.open();
    await buildWorld(store, 8);
    const world = relabelled(await store.exportBundle({ organisationId: 'org-a' }), 'restored');
    const f = signedOff(world);
    const approvals = new Set([f.indexOf('approved', 0), f.indexOf('approved', 1)]);
    const forged = rechained({ ...world, events: renumbered(world.events.filter((_, i) => !approvals.has(i)), f.findingId) });
    expect(await store.restorations('org-restored')).toEqual([]);
    const report = await store.importBundle(forged, { trusted: true });
    expect(report.events).toBe(forged.events.length);
    expect((await store.finding({ organisationId: 'org-restored' }, f.findingId))?.status).toBe('signed_off');
    const latest = forged.events.map((e) => e.at).sort().at(-1)!;
    expect(await store.restorations('org-restored')).toEqual([
      { id: 'restoration-1', at: latest, findings: report.findings, events: forged.events.length, checked: false },
    ]);
    // The chain is still checked: the same forgery with its hashes left as they were is refused.
    const unchained = relabelled(await store.exportBundle({ organisationId: 'org-a' }), 'careless');
    const g = signedOff(unchained);
    const gone = new Set([g.indexOf('approved', 0), g.indexOf('approved', 1)]);
    await expect(store.importBundle({ ...unchained, events: renumbered(unchained.events.filter((_, i) => !gone.has(i)), g.findingId) }, { trusted: true })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ code: expect.stringMatching(/^history\.(edited|removed)$/), message: expect.stringContaining(g.findingId) })]),
    });
    // Structure is still checked: a history that does not replay is refused even so.
    const broken = relabelled(await store.exportBundle({ organisationId: 'org-a' }), 'broken');
    broken.events = broken.events.slice(1); // the first finding's history now starts at version 2
    await expect(store.importBundle(broken, { trusted: true })).rejects.toMatchObject({ code: 'validation' });
    // An organisation restored from nothing unchecked has no record.
    expect(await store.restorations('org-a')).toEqual([]);
  });
}

import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  eventHash,
  historyDigest,
  memoryDriver,
  openStore,
  replay,
  sealEvent,
  sha256Hex,
  verifyChain,
  type FindingEvent,
} from '../src/index.js';
import { Harness, PEOPLE, UNITS } from './harness.js';

/** A finding of five events, each chained to the one before. */
function chained(): FindingEvent[] {
  const h = new Harness();
  h.createAssigned('f-1');
  h.ok('p-resp', 'start');
  h.ok('p-resp', 'record_progress', { kind: 'update', text: '开展自查' });
  h.ok('p-resp', 'record_progress', { kind: 'update', text: '建立台账' });
  return h.events.get('f-1')!;
}

const kinds = (breaks: ReturnType<typeof verifyChain>) => breaks.map((b) => `${b.kind} ${b.version}`);
const edited = (e: FindingEvent, text: string): FindingEvent => ({ ...e, payload: { ...(e.payload as object), text } }) as FindingEvent;

describe('canonical JSON', () => {
  it('is the same text whatever order the keys were written in, and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, '整改'], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[1,null,"整改"]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('SHA-256', () => {
  it('is the same function on Node\'s engine and on the JavaScript one a browser uses', () => {
    // FIPS 180-2's test vector, then text with CJK, an extension character and an emoji.
    for (const engine of ['fastest', 'javascript'] as const) expect(sha256Hex('abc', engine)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const text = '整改台账𠀀🚩'.repeat(1000);
    expect(sha256Hex(text, 'javascript')).toBe(sha256Hex(text, 'fastest'));
  });
});

describe('the hash chain of a finding', () => {
  it('links every event decided to the one before, and the state to the latest', () => {
    const events = chained();
    expect(events[0]!.prev).toBeUndefined();
    for (const [k, e] of events.entries()) {
      expect(e.hash).toBe(eventHash(e));
      if (k > 0) expect(e.prev).toBe(events[k - 1]!.hash);
    }
    const state = replay(events)!;
    expect(state.head).toBe(events.at(-1)!.hash);
    expect(verifyChain(events, { version: state.version, head: state.head })).toEqual([]);
  });

  it('names an event edited in place, whether or not its hash was computed again', () => {
    const events = chained();
    const inPlace = events.map((e) => (e.version === 4 ? edited(e, '改写的进展') : e));
    expect(kinds(verifyChain(inPlace))).toEqual(['edited 4']);
    const rehashed = events.map((e) => (e.version === 4 ? sealEvent(edited(e, '改写的进展'), e.prev) : e));
    expect(kinds(verifyChain(rehashed))).toEqual(['edited 4']);
    // The last one, rehashed: only the head its state records shows it.
    const last = events.map((e) => (e.version === 5 ? sealEvent(edited(e, '改写'), e.prev) : e));
    expect(kinds(verifyChain(last))).toEqual([]);
    expect(kinds(verifyChain(last, { version: 5, head: events[4]!.hash }))).toEqual(['edited 5']);
  });

  it('names an event removed from the middle or the end', () => {
    const events = chained();
    expect(kinds(verifyChain(events.filter((e) => e.version !== 3), { version: 5, head: events[4]!.hash }))).toEqual(['removed 3']);
    expect(kinds(verifyChain(events.slice(0, 4), { version: 5, head: events[4]!.hash }))).toEqual(['removed 5']);
  });

  it('names an event inserted after the last, in a second place of a version, or with a link of its own', () => {
    const events = chained();
    const extra = sealEvent({ ...edited(events[4]!, '伪造的进展'), version: 6, commandId: 'c-forged' } as FindingEvent, events[4]!.hash);
    expect(kinds(verifyChain([...events, extra], { version: 5, head: events[4]!.hash }))).toEqual(['inserted 6']);
    const twice = sealEvent(edited(events[2]!, '插入'), events[1]!.hash);
    expect(kinds(verifyChain([...events.slice(0, 3), twice, ...events.slice(3)]))).toEqual(['inserted 3']);
    // Put in the place of event 4 with a link of its own: the one that is named, not its neighbours.
    const stranger = sealEvent(edited(events[3]!, '替换'), 'f'.repeat(64));
    expect(kinds(verifyChain(events.map((e) => (e.version === 4 ? stranger : e)), { version: 5, head: events[4]!.hash }))).toEqual(['edited 4']);
  });

  it('lists events written before the chain as unchained, and chains what comes after them', () => {
    const events = chained().map(({ hash: _h, prev: _p, ...e }) => e as FindingEvent);
    expect(kinds(verifyChain(events))).toEqual(['unchained 1', 'unchained 2', 'unchained 3', 'unchained 4', 'unchained 5']);
  });

  it('gives one digest for the same histories in any order, and another when one changes', () => {
    const a = { finding: { id: 'f-1' }, version: 5, head: 'a'.repeat(64) };
    const b = { finding: { id: 'f-2' }, version: 2, head: 'b'.repeat(64) };
    expect(historyDigest([a, b])).toBe(historyDigest([b, a]));
    expect(historyDigest([a, { ...b, version: 3 }])).not.toBe(historyDigest([a, b]));
  });
});

describe('a store and the chain', () => {
  const ORG = { id: 'org', name: '测试单位', units: UNITS.map((u) => ({ ...u, name: u.id })) };
  const people = PEOPLE.filter((p) => p.organisationId === 'org').map((person) => ({ tenantId: 'org', person }));
  const bundle = (events: FindingEvent[]) => ({ format: 'rectify.bundle', version: 1, organisations: [ORG], people, inspections: [new Harness().inspection], events });

  it('chains a history imported without hashes (a bundle from before the chain), and verifies it', async () => {
    const store = await openStore(memoryDriver());
    const bare = chained().map(({ hash: _h, prev: _p, ...e }) => e as FindingEvent);
    const report = await store.importBundle(bundle(bare));
    expect(report).toMatchObject({ findings: 1, events: 5, sealed: 1 });
    const kept = await store.history({ organisationId: 'org' }, 'f-1');
    expect(kept).toEqual(chained());
    expect((await store.verify('org')).breaks).toEqual([]);
    // The same old file again changes nothing.
    expect(await store.importBundle(bundle(bare))).toMatchObject({ findings: 0, unchanged: 1 });
  });

  it('refuses a bundle whose chain is broken, trusted or not, naming the event', async () => {
    const events = chained().map((e) => (e.version === 4 ? edited(e, '改写的进展') : e));
    for (const trusted of [false, true]) {
      const store = await openStore(memoryDriver());
      await expect(store.importBundle(bundle(events), { trusted })).rejects.toMatchObject({
        issues: [{ path: 'events[3]', code: 'history.edited', message: expect.stringContaining('finding f-1, event 4') }],
      });
      expect((await store.exportBundle()).events).toEqual([]);
    }
  });

  it('verify names the break and gives a digest that changes with the history', async () => {
    const store = await openStore(memoryDriver());
    await store.importBundle(bundle(chained()));
    const before = await store.verify('org');
    expect(before).toMatchObject({ findings: 1, events: 5, mismatches: [], breaks: [] });
    await store.apply({ organisationId: 'org', type: 'record_progress', commandId: 'c-more', findingId: 'f-1', actorId: 'p-resp', at: '2023-09-30T09:00:00+08:00', kind: 'update', text: '再推进' });
    const after = await store.verify('org');
    expect(after.breaks).toEqual([]);
    expect(after.digest).not.toBe(before.digest);
  });
});

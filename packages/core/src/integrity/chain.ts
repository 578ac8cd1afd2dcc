import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { FindingEvent } from '../lifecycle/events.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The hash an event carries: SHA-256 (lowercase hex) of the canonical JSON of the
 * event without its own `hash`. The body includes `prev`, the hash of the event before
 * it, so every event vouches for the whole history up to it: change one, and its hash
 * no longer matches; fix its hash, and its successor's `prev` no longer does.
 */
export function eventHash(event: FindingEvent): string {
  const { hash: _hash, ...body } = event;
  return sha256Hex(canonicalJson(body));
}

/** One encoder for every hash: making one per call is a third of the time of a hash. */
const UTF8 = new TextEncoder();

/** The part of Node's `crypto` a hash needs. */
interface NodeHash {
  createHash(algorithm: 'sha256'): { update(data: string | Uint8Array, encoding?: 'utf8'): { digest(encoding: 'hex'): string } };
}

/**
 * Node's own SHA-256 where the code runs on Node (`process.getBuiltinModule`, no import,
 * so the core still loads in a browser), five times as fast as the JavaScript one used
 * elsewhere. Both compute the same function: the hash of a text is the same on either.
 */
const NODE_CRYPTO: NodeHash | undefined = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeHash | undefined;

/** SHA-256 of a text's UTF-8 bytes, in lowercase hex. */
export function sha256Hex(text: string, engine: 'fastest' | 'javascript' = 'fastest'): string {
  if (engine === 'fastest' && NODE_CRYPTO !== undefined) return NODE_CRYPTO.createHash('sha256').update(text, 'utf8').digest('hex');
  return bytesToHex(sha256(UTF8.encode(text)));
}

/** SHA-256 of bytes (a file's), in lowercase hex: the key a file is stored and checked by. */
export function sha256HexOfBytes(bytes: Uint8Array, engine: 'fastest' | 'javascript' = 'fastest'): string {
  if (engine === 'fastest' && NODE_CRYPTO !== undefined) return NODE_CRYPTO.createHash('sha256').update(bytes).digest('hex');
  return bytesToHex(sha256(bytes));
}

/** The event with its place in the chain: `prev` (the predecessor's hash, absent for version 1) and its own `hash`. */
export function sealEvent(event: FindingEvent, prev: string | undefined): FindingEvent {
  // Keys in the order the event schema gives them, so that an event sealed here and the
  // same event parsed from JSON are byte-for-byte equal (the hash itself ignores order).
  const { findingId, version, commandId, actorId, at, on, type, payload } = event;
  const linked = { findingId, version, commandId, actorId, at, on, ...(prev === undefined ? {} : { prev }), type, payload } as FindingEvent;
  const hash = eventHash(linked);
  return { findingId, version, commandId, actorId, at, on, ...(prev === undefined ? {} : { prev }), hash, type, payload } as FindingEvent;
}

/** What is wrong with one place of a finding's history. */
export type ChainBreakKind =
  /** The event's body does not give its hash, or its hash is not what its successor names. */
  | 'edited'
  /** An event is missing: a version is skipped, or the finding's state names more events than are kept. */
  | 'removed'
  /** An event is not part of the chain: it names a predecessor that is not the one before it, or comes after the last one the state names. */
  | 'inserted'
  /** The event carries no hash (written before the chain, or stripped of it). */
  | 'unchained';

/** One break in a finding's chain of events. */
export interface ChainBreak {
  findingId: string;
  /** The version of the event concerned (for `removed`, the version that is missing). */
  version: number;
  kind: ChainBreakKind;
  /** In English, for logs: what was found. */
  message: string;
}

/** The end of a finding's chain as the finding's stored state records it. */
export interface ChainHead {
  /** The version of the latest event. */
  version: number;
  /** The hash of the latest event, if it had one. */
  head?: string | undefined;
}

/**
 * Checks one finding's events (in the order stored) against their hashes and, when
 * given, against the head its stored state records. Names every event edited, removed or
 * inserted; an empty list means the history is as it was written.
 *
 * An event edited in place breaks its own hash; one edited with its hash recomputed
 * breaks its successor's `prev` (or, when last, the head). A deleted event leaves a gap
 * in the versions or a head that names an event no longer kept; an inserted one names a
 * predecessor that is not the event before it, or stands past the head.
 *
 * @example
 * ```ts
 * const breaks = verifyChain(events, { version: state.version, head: state.head });
 * if (breaks.length > 0) console.error(breaks.map((b) => b.message).join('\n'));
 * ```
 */
export function verifyChain(events: readonly FindingEvent[], stored?: ChainHead): ChainBreak[] {
  const out: ChainBreak[] = [];
  const breakAt = (e: { findingId: string; version: number }, kind: ChainBreakKind, message: string) =>
    out.push({ findingId: e.findingId, version: e.version, kind, message: `finding ${e.findingId}, event ${e.version}: ${message}` });
  let before: FindingEvent | undefined;
  for (const [i, event] of events.entries()) {
    const expected = (before?.version ?? 0) + 1;
    for (let v = expected; v < event.version; v++) breakAt({ findingId: event.findingId, version: v }, 'removed', 'missing from the history');
    if (event.hash === undefined) breakAt(event, 'unchained', 'carries no hash');
    else if (event.hash !== eventHash(event)) breakAt(event, 'edited', 'its content does not give its hash: it was changed after it was written');
    else if (event.version < expected) {
      // A second event of a version already seen: the chain goes on from the first.
      breakAt(event, 'inserted', `a second event ${event.version}`);
      continue;
    } else if (event.version === expected && event.prev !== before?.hash && !(stored !== undefined && event.version > stored.version)) {
      // Both hashes hold, the link between them does not. If what comes after still
      // vouches for this event, the one before was rewritten and its hash computed again;
      // if not, this one was put in the place of the event that was there.
      const next = events[i + 1];
      const vouched = next !== undefined ? next.prev === event.hash : stored === undefined || stored.head === event.hash;
      if (vouched && before?.hash !== undefined && before.hash === eventHash(before)) {
        breakAt(before, 'edited', `its hash is not the one event ${event.version} names: it was rewritten after it was written`);
      } else if (!vouched) breakAt(event, 'edited', 'it names a predecessor that is not the event before it: it was put in the place of another');
    }
    before = event;
  }
  if (stored !== undefined && before !== undefined) {
    const last = before;
    if (stored.version > last.version) {
      for (let v = last.version + 1; v <= stored.version; v++) breakAt({ findingId: last.findingId, version: v }, 'removed', `the finding's state names ${stored.version} events, the history keeps ${last.version}`);
    } else if (stored.version < last.version) {
      for (const e of events) if (e.version > stored.version) breakAt(e, 'inserted', `the finding's state ends at event ${stored.version}`);
    } else if (stored.head !== undefined && last.hash !== undefined && stored.head !== last.hash) {
      breakAt(last, 'edited', "its hash is not the one the finding's state records: it was rewritten after it was written");
    }
  }
  return dedupe(out);
}

/** One break per event and kind: an event can be reached twice (its own hash and its successor's link). */
function dedupe(breaks: ChainBreak[]): ChainBreak[] {
  const seen = new Set<string>();
  return breaks.filter((b) => {
    const key = `${b.findingId}\u0000${b.version}\u0000${b.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A digest of many findings' histories: SHA-256 over each finding's id, version and
 * chain head, in finding id order. The same histories give the same digest whatever
 * order the findings come in; any event changed, added or removed (with its finding's
 * state kept in step) gives another.
 */
export function historyDigest(findings: Iterable<{ finding: { id: string }; version: number; head?: string | undefined }>): string {
  const heads = [...findings].map((s) => [s.finding.id, s.version, s.head ?? null] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256Hex(canonicalJson(heads));
}

/**
 * Chains events anew: each finding's events, in the order given, each sealed to the one
 * before it of the same finding (`sealEvent`). For a bundle one has changed on purpose
 * (an organisation renamed to merge two stores): its old hashes no longer hold, and a
 * store refuses it until it is chained again. A checked import still holds every event
 * to the rules, so chaining a history anew does not make a forged one pass.
 */
export function chainHistories(events: readonly FindingEvent[]): FindingEvent[] {
  const heads = new Map<string, string>();
  return events.map((event) => {
    const sealed = sealEvent(event, heads.get(event.findingId));
    heads.set(event.findingId, sealed.hash!);
    return sealed;
  });
}

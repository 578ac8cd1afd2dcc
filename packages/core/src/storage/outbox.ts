import { z } from 'zod';
import { EVERY_DAY, type Calendar } from '../calendar/calendar.js';
import { addCalendarDays, CalendarDaySchema, type CalendarDay } from '../dates/calendar-day.js';
import { compareInstants, InstantSchema, type Instant } from '../dates/instant.js';
import { NotFoundError } from '../errors/domain-errors.js';
import { RectifyError } from '../errors/rectify-error.js';
import { parseWith } from '../errors/validation-error.js';
import { IdSchema } from '../model/common.js';
import { DEFAULT_ESCALATION_POLICY, parseEscalationPolicy, type EscalationPolicy } from '../warnings/policy.js';
import { warningNotices, type WarningDecision, type WarningNotice } from '../warnings/notices.js';
import type { WarningView } from '../warnings/view.js';
import type { DriverTransaction } from './driver.js';
import type { StoreReader } from './reader.js';

// The outbox (发件箱) of warnings: a notice to send is recorded once, in the transaction
// that decides it is due, as one entry per channel; a deliverer claims entries, sends
// them and settles each as sent or failed. A deliverer killed mid-send leaves its entries
// claimed; once their lease runs out the next run sends them again under the same key, so
// nothing is lost, and a receiver that deduplicates by the key sees each notice once.
//
// Two lists, where the driver can delete: `notice` keeps every entry for good (as queued,
// then as it ended) and is what makes a notice once; `notice_due` holds the entries still
// to deliver, as they stand, and is all a claim reads. An entry leaves it when it is sent or
// given up, so a deliverer's work does not grow with every notice ever sent (a year of
// daily runs). A driver without `deleteRecord` keeps the one list, and a claim reads it all.

/** Whether the driver keeps the deliverer's list apart (see above). */
const keepsDueList = (tx: DriverTransaction): boolean => tx.deleteRecord !== undefined;

/** Where an outbox entry stands. `dead`: it failed and no retry is left. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';

/** One notice to send through one channel, as the outbox keeps it. */
export interface OutboxEntry {
  /** The notice's key with the channel: the delivery id. */
  id: string;
  channel: string;
  notice: WarningNotice;
  status: OutboxStatus;
  /** How many times a deliverer took it. */
  attempts: number;
  queuedAt: Instant;
  /** Not to be taken before this (a retry's back-off). */
  nextAttemptAt: Instant;
  /** While `sending`: no other deliverer takes it before this. */
  leaseUntil?: Instant;
  sentAt?: Instant;
  /** The last failure, as the channel reported it. */
  lastError?: string;
  failedAt?: Instant;
}

/** What the warnings of a day are computed from: {@link Store.warnings}. */
export interface WarningsInput {
  organisationId: string;
  inspectionId: string;
  /** The day decided. */
  asOf: CalendarDay;
  /** The policy (default {@link DEFAULT_ESCALATION_POLICY}); validated. */
  policy?: unknown;
  /** Which days are working days (default every day). */
  calendar?: Calendar;
}

/** What {@link Store.queueWarnings} takes besides the day's input. */
export interface QueueWarningsInput extends WarningsInput {
  /** The clock's reading, recorded as `queuedAt`. */
  now: Instant;
  /** The channels each notice goes through (default one, `default`): a person with no e-mail address may get only the group robot's. */
  channels?: (notice: WarningNotice) => readonly string[];
}

/** What {@link Store.queueWarnings} did. */
export interface QueuedWarnings extends WarningDecision {
  /** Entries recorded by this call. */
  queued: OutboxEntry[];
  /** Entries of the day's notices that the outbox already held (an earlier run of the day, or of the period). */
  alreadyQueued: number;
}

/** Options of {@link Store.claimOutbox}. */
export interface ClaimOutboxOptions {
  now: Instant;
  /** At most this many entries (default 50). */
  limit?: number;
  /** How long the claim holds before another deliverer may take the entries again (default 300 s). */
  leaseSeconds?: number;
  /** Only entries of these channels. */
  channels?: readonly string[];
}

/** How a delivery went: {@link Store.settleOutbox}. */
export type DeliveryOutcome = { sent: true; at: Instant } | { sent: false; at: Instant; error: string; retryAt?: Instant | undefined };

const InputSchema = z.object({ organisationId: IdSchema, inspectionId: IdSchema, asOf: CalendarDaySchema });
const ClaimSchema = z.object({ now: InstantSchema, limit: z.number().int().positive().default(50), leaseSeconds: z.number().int().min(0).default(300), channels: z.array(z.string().min(1)).optional() });
const OutcomeSchema = z.union([
  z.strictObject({ sent: z.literal(true), at: InstantSchema }),
  z.strictObject({ sent: z.literal(false), at: InstantSchema, error: z.string(), retryAt: InstantSchema.optional() }),
]);

/** The warnings of one inspection as of a day, read through `reader` (one snapshot). */
export async function readWarnings(reader: StoreReader, input: WarningsInput): Promise<WarningDecision & { policy: EscalationPolicy }> {
  const { organisationId, inspectionId, asOf } = parseWith(InputSchema, input, 'warnings');
  const policy = input.policy === undefined ? DEFAULT_ESCALATION_POLICY : parseEscalationPolicy(input.policy);
  const inspection = await reader.inspection({ organisationId, inspectionId });
  if (inspection === undefined) throw new NotFoundError('inspection', inspectionId);
  const organisation = (await reader.organisation(organisationId))!;
  const people = await reader.people(organisationId);
  const findings = await litCandidates(reader, { organisationId, inspectionId }, asOf, policy, input.calendar ?? EVERY_DAY, inspection.utcOffset);
  const decision = warningNotices(findings, { organisation, inspection, people, ...(input.calendar === undefined ? {} : { calendar: input.calendar }) }, asOf, policy);
  return { ...decision, policy };
}

/**
 * The findings that may have a light on a day, as of that day: those open with a deadline in
 * force up to the furthest tier (a raise lights none, so no other can), read from the rows
 * by their indexed deadline when nothing changed after the day (the daily run), and every
 * finding rebuilt from its events as of the day otherwise (a day in the past).
 */
async function litCandidates(reader: StoreReader, scope: { organisationId: string; inspectionId: string }, asOf: CalendarDay, policy: EscalationPolicy, calendar: Calendar, utcOffset: string): Promise<WarningView[]> {
  const latest = (await reader.findings({ ...scope, sort: 'updatedAt', order: 'desc', limit: 1 })).items[0];
  const nextDay = Date.parse(`${addCalendarDays(asOf, 1)}T00:00:00${utcOffset}`);
  if (latest !== undefined && Date.parse(latest.updatedAt) >= nextDay) return reader.findingsAsOf(scope, asOf);
  const furthest = Math.max(0, ...policy.tiers.map((t) => t.workingDaysBefore ?? 0));
  // Each candidate's warning view, not its state: the same lights and notices, for a
  // fraction of the parsing (a third of 100,000 findings can be lit on one day).
  const out: WarningView[] = [];
  for (const filter of [{ overdueAsOf: asOf }, { dueWithin: { asOf, days: furthest } }]) {
    let cursor: string | undefined;
    do {
      // By deadline: the order of the deadline's index, so that each page starts where the last ended.
      const page = await reader.warningViews({ ...scope, ...filter, sort: 'deadline', limit: 1000, ...(cursor === undefined ? {} : { cursor }) }, { calendar });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  return out;
}

/** Records the day's notices in the outbox inside a transaction, each entry once. */
export async function queueWarningsIn(tx: DriverTransaction, reader: StoreReader, input: QueueWarningsInput): Promise<QueuedWarnings> {
  const now = parseWith(InstantSchema, input.now, 'now');
  const decision = await readWarnings(reader, input);
  const tenant = input.organisationId;
  const entries = decision.notices.flatMap((notice) =>
    (input.channels?.(notice) ?? ['default']).map((channel): OutboxEntry => ({ id: JSON.stringify([notice.key, channel]), channel, notice, status: 'pending', attempts: 0, queuedAt: now, nextAttemptAt: now })),
  );
  // Atomic where the driver can: two runs of the same day cannot both record an entry.
  let added: Set<string>;
  if (tx.addRecords !== undefined) added = await tx.addRecords('notice', tenant, entries.map((e) => ({ id: e.id, value: e })));
  else {
    added = new Set();
    for (const e of entries) if (tx.addRecord !== undefined ? await tx.addRecord('notice', tenant, e.id, e) : await putIfAbsent(tx, tenant, e)) added.add(e.id);
  }
  const queued = entries.filter((e) => added.has(e.id));
  if (keepsDueList(tx)) {
    // New to `notice` in this transaction, so new to `notice_due` too.
    if (tx.addRecords !== undefined) await tx.addRecords('notice_due', tenant, queued.map((e) => ({ id: e.id, value: e })));
    else for (const e of queued) await tx.putRecord('notice_due', tenant, e.id, e);
  }
  const alreadyQueued = entries.length - queued.length;
  const { policy: _policy, ...rest } = decision;
  return { ...rest, queued, alreadyQueued };
}

async function putIfAbsent(tx: DriverTransaction, tenant: string, entry: OutboxEntry): Promise<boolean> {
  if ((await tx.getRecord('notice', tenant, entry.id)) !== undefined) return false;
  await tx.putRecord('notice', tenant, entry.id, entry);
  return true;
}

/** The outbox of an organisation, oldest first, each entry as it stands; of some statuses when given. */
export async function listOutbox(tx: DriverTransaction, organisationId: string, statuses?: readonly OutboxStatus[]): Promise<OutboxEntry[]> {
  const all = (await tx.listRecords('notice', organisationId)) as OutboxEntry[];
  if (keepsDueList(tx)) {
    // An entry still to deliver stands as its `notice_due` copy says.
    const due = new Map(((await tx.listRecords('notice_due', organisationId)) as OutboxEntry[]).map((e) => [e.id, e]));
    for (let i = 0; i < all.length; i++) all[i] = due.get(all[i]!.id) ?? all[i]!;
  }
  return all.filter((e) => statuses === undefined || statuses.includes(e.status)).sort(byQueue);
}

// By code unit, not localeCompare: the order must not depend on the machine's locale data.
const byQueue = (a: OutboxEntry, b: OutboxEntry) => compareInstants(a.queuedAt, b.queuedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Takes the entries that are due for delivery, oldest first: pending ones, failed ones
 * whose back-off is over, and claimed ones whose lease ran out (a deliverer that died).
 * Each is marked `sending`, its attempts counted, leased until `now + leaseSeconds`.
 */
export async function claimOutboxIn(tx: DriverTransaction, organisationId: string, options: ClaimOutboxOptions): Promise<OutboxEntry[]> {
  const o = parseWith(ClaimSchema, options, 'claim');
  const now = Date.parse(o.now);
  const due = (e: OutboxEntry) =>
    (o.channels === undefined || o.channels.includes(e.channel)) &&
    (e.status === 'pending' || (e.status === 'failed' && Date.parse(e.nextAttemptAt) <= now) || (e.status === 'sending' && e.leaseUntil !== undefined && Date.parse(e.leaseUntil) <= now));
  // Claims of a tenant take turns: each first writes the tenant's claim record, which the
  // database keeps locked until the claim commits, so that a second claim reads the entries
  // only after the first has marked them (two deliverers never take the same entry, even
  // where transactions that only read and then write would not conflict, as in PostgreSQL's
  // READ COMMITTED).
  await tx.putRecord('outbox_claim', organisationId, 'claim', { at: o.now });
  const list = keepsDueList(tx) ? 'notice_due' : 'notice';
  const open = ((await tx.listRecords(list, organisationId)) as OutboxEntry[]).filter((e) => e.status === 'pending' || e.status === 'failed' || e.status === 'sending');
  const taken = open.filter(due).sort(byQueue).slice(0, o.limit);
  const leaseUntil = new Date(now + o.leaseSeconds * 1000).toISOString();
  const claimed = taken.map((e): OutboxEntry => ({ ...e, status: 'sending', attempts: e.attempts + 1, leaseUntil }));
  for (const e of claimed) await tx.putRecord(list, organisationId, e.id, e);
  return claimed;
}

/** Records how the delivery of a claimed entry went: sent, failed with a retry at a time, or failed for good (`dead`). */
export async function settleOutboxIn(tx: DriverTransaction, organisationId: string, id: string, outcome: DeliveryOutcome): Promise<OutboxEntry> {
  const o = parseWith(OutcomeSchema, outcome, 'outcome');
  const split = keepsDueList(tx);
  const entry = ((split ? await tx.getRecord('notice_due', organisationId, id) : undefined) ?? (await tx.getRecord('notice', organisationId, id))) as OutboxEntry | undefined;
  if (entry === undefined) throw new NotFoundError('outbox entry', id);
  if (entry.status === 'sent') return entry;
  if (entry.status !== 'sending') throw new RectifyError('outbox.not_claimed', `Outbox entry ${id} is ${entry.status}: only a claimed entry is settled`, { details: { id, status: entry.status } });
  const { leaseUntil: _lease, ...rest } = entry;
  const next: OutboxEntry =
    o.sent ? { ...rest, status: 'sent', sentAt: o.at }
    : o.retryAt !== undefined ? { ...rest, status: 'failed', lastError: o.error, failedAt: o.at, nextAttemptAt: o.retryAt }
    : { ...rest, status: 'dead', lastError: o.error, failedAt: o.at };
  if (!split) await tx.putRecord('notice', organisationId, id, next);
  else if (next.status === 'failed') await tx.putRecord('notice_due', organisationId, id, next);
  else {
    // Sent or given up: kept for good, and off the deliverer's list.
    await tx.putRecord('notice', organisationId, id, next);
    await tx.deleteRecord!('notice_due', organisationId, id);
  }
  return next;
}

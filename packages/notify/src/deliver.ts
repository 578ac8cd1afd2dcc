import { instantAt, warningMessage, type Calendar, type Locale, type OutboxEntry, type Person, type Store } from '@rectify/core';
import { channelsFor, DeliveryError, type Channel } from './channel.js';

/** Options of {@link deliverOutbox}. */
export interface DeliverOptions {
  organisationId: string;
  /** The channels, by the names the outbox entries carry. */
  channels: readonly Channel[];
  /** The clock (default `() => new Date()`): when entries are taken, sent and retried. */
  now?: () => Date;
  /** The offset instants are written with (default `+08:00`). */
  utcOffset?: string;
  /** How many times an entry is tried before it is given up as `dead` (default 5). */
  maxAttempts?: number;
  /** Seconds to wait before the retry after the `attempt`-th failure (default 60 · 2^(attempt−1): 1, 2, 4, 8 minutes). */
  backoffSeconds?: (attempt: number) => number;
  /** How long a taken entry is held from other deliverers (default 300 s). */
  leaseSeconds?: number;
  /** Entries taken per transaction (default 20). */
  batch?: number;
  /** The language of the messages (default zh-CN). */
  locale?: Locale;
  /** Called after each entry is settled (progress, logs). */
  onSettled?: (entry: OutboxEntry) => void;
}

/** What one delivery run did. */
export interface DeliveryReport {
  sent: OutboxEntry[];
  /** Failed this time, to be retried after their back-off. */
  failed: OutboxEntry[];
  /** Failed for good: out of attempts, or refused in a way a retry cannot mend. */
  dead: OutboxEntry[];
}

/**
 * Delivers what is due in an organisation's outbox: takes entries a batch at a time
 * (`Store.claimOutbox`), sends each through its channel, and records at once how it
 * went (`Store.settleOutbox`): sent, failed with a retry after its back-off, or dead. A
 * run killed at any point loses nothing (what it took comes back when the lease runs
 * out) and sends nothing twice but, at most, the one message it was sending when killed,
 * again under the same delivery id.
 *
 * @example
 * ```ts
 * const report = await deliverOutbox(store, { organisationId: 'xq-sfj', channels: [smtpChannel({ … }), wecomChannel({ url })] });
 * if (report.failed.length + report.dead.length > 0) process.exitCode = 1;
 * ```
 */
export async function deliverOutbox(store: Store, options: DeliverOptions): Promise<DeliveryReport> {
  const clock = options.now ?? (() => new Date());
  const offset = options.utcOffset ?? '+08:00';
  const at = () => instantAt(clock(), offset);
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = options.backoffSeconds ?? ((attempt: number) => 60 * 2 ** (attempt - 1));
  const byName = new Map(options.channels.map((c) => [c.name, c]));
  // The names the messages use, in one read.
  const { organisation, people } = await store.read(async (r) => ({
    organisation: await r.organisation(options.organisationId),
    people: new Map((await r.people(options.organisationId)).map((p): [string, Person] => [p.id, p])),
  }));
  const report: DeliveryReport = { sent: [], failed: [], dead: [] };
  const settled = (entry: OutboxEntry) => {
    (entry.status === 'sent' ? report.sent : entry.status === 'dead' ? report.dead : report.failed).push(entry);
    options.onSettled?.(entry);
  };
  for (;;) {
    const taken = await store.claimOutbox(options.organisationId, {
      now: at(),
      limit: options.batch ?? 20,
      channels: [...byName.keys()],
      ...(options.leaseSeconds === undefined ? {} : { leaseSeconds: options.leaseSeconds }),
    });
    if (taken.length === 0) break;
    for (const entry of taken) {
      const person = people.get(entry.notice.personId);
      const message = warningMessage(entry.notice, {
        ...(options.locale === undefined ? {} : { locale: options.locale }),
        ...(person === undefined ? {} : { personName: person.name }),
        ...(organisation === undefined ? {} : { organisationName: organisation.name }),
      });
      try {
        await byName.get(entry.channel)!.send({ id: entry.id, notice: entry.notice, message, person });
        settled(await store.settleOutbox(options.organisationId, entry.id, { sent: true, at: at() }));
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        const retry = !(e instanceof DeliveryError && !e.retryable) && entry.attempts < maxAttempts;
        const retryAt = retry ? instantAt(new Date(clock().getTime() + backoff(entry.attempts) * 1000), offset) : undefined;
        settled(await store.settleOutbox(options.organisationId, entry.id, { sent: false, at: at(), error, retryAt }));
      }
    }
  }
  return report;
}

/** Options of {@link queueWarnings}: the day, the policy and the channels. */
export interface QueueOptions {
  organisationId: string;
  /** The day decided. */
  asOf: string;
  /** The clock's reading, an instant with its offset. */
  now: string;
  channels: readonly Channel[];
  policy?: unknown;
  calendar?: Calendar;
  /** Only these inspections (default every one of the organisation). */
  inspections?: readonly string[];
}

/**
 * Records the day's warnings of every inspection of an organisation in its outbox, one
 * entry per notice and channel that takes it (`Channel.accepts`). A second call on the
 * same day records nothing more.
 */
export async function queueWarnings(store: Store, options: QueueOptions) {
  const ids = options.inspections ?? (await store.inspections(options.organisationId)).map((i) => i.id);
  const results = [];
  for (const inspectionId of ids) {
    results.push(
      await store.queueWarnings({
        organisationId: options.organisationId,
        inspectionId,
        asOf: options.asOf,
        now: options.now,
        ...(options.policy === undefined ? {} : { policy: options.policy }),
        ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
        channels: (notice) => channelsFor(options.channels, notice),
      }),
    );
  }
  return results;
}

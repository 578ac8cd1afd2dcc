import { createHash } from 'node:crypto';
import type { Person, RecipientRole, WarningMessage, WarningNotice } from '@rectify/core';

/** One warning as a channel is given it: the delivery id, the notice, its words, and the person told. */
export interface OutgoingMessage {
  /**
   * The outbox entry's id: the same notice through the same channel always has the same
   * one, and a redelivery (after a deliverer was killed between sending and recording it)
   * carries it again, so that a receiver can drop what it already has.
   */
  id: string;
  notice: WarningNotice;
  message: WarningMessage;
  /** The person told, as the organisation has them (`undefined` when they were since removed). */
  person: Person | undefined;
}

/**
 * A way to deliver warnings: e-mail, a webhook, a group robot, or one of your own. A
 * channel throws when a message did not go through (the deliverer retries it later with
 * back-off); anything it resolves counts as sent.
 *
 * @example
 * ```ts
 * const sms: Channel = {
 *   name: 'sms',
 *   accepts: (notice) => notice.light === 'red',
 *   async send({ id, message, person }) { await mySmsGateway.send(person!.id, message.subject, { dedupeKey: id }); },
 * };
 * ```
 */
export interface Channel {
  /** Its name in the outbox: an entry is queued per notice and channel. */
  readonly name: string;
  /** Whether it takes a notice at all (an e-mail channel only those whose person has an address); every notice when absent. */
  accepts?(notice: WarningNotice): boolean;
  /** Sends one message; throws if it did not go through. */
  send(message: OutgoingMessage): Promise<void>;
  /** Releases connections (an SMTP pool). */
  close?(): Promise<void>;
}

/** The names of the channels that take a notice (see {@link Channel.accepts}): the entries it is queued as. */
export function channelsFor(channels: readonly Channel[], notice: WarningNotice): string[] {
  return channels.filter((c) => c.accepts?.(notice) ?? true).map((c) => c.name);
}

/**
 * The delivery id as a header carries it: the hex SHA-256 of the outbox entry's id
 * (which holds the finding's and the person's ids, any text), ASCII whatever the ids, and
 * the same for the same notice through the same channel.
 */
export function deliveryDigest(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** A failed delivery as a channel reports it: what the other side answered. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** False when retrying cannot help (the address is refused, the robot's key is wrong). */
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Which of a notice's roles a channel takes: see {@link onlyRoles}. */
export type RoleFilter = readonly RecipientRole[] | undefined;

/**
 * A test of the notices whose person is told in one of these roles: a group robot posts
 * to a whole group, so it takes one notice per finding and light (the responsible
 * person's) rather than one for each person the tier names.
 */
export function onlyRoles(roles: RoleFilter): ((notice: WarningNotice) => boolean) | undefined {
  return roles === undefined ? undefined : (notice) => notice.as.some((r) => roles.includes(r));
}

/** POSTs JSON with a time limit, answering the status and the body's text. */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new DeliveryError(`POST ${redact(url)} failed: ${(e as Error).message}`);
  }
  return { status: response.status, text: await response.text() };
}

/** A URL for messages, its query (where robots carry their keys) left out. */
export function redact(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}${u.search === '' ? '' : '?…'}`;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { deliveryDigest, DeliveryError, postJson, redact, type Channel, type OutgoingMessage } from '../channel.js';

/** Options of {@link webhookChannel}. */
export interface WebhookChannelOptions {
  /** Its name in the outbox (default `webhook`). */
  name?: string;
  url: string;
  /** The shared secret of the signature. */
  secret: string;
  /** Give up on an answer after this long (default 10 s). */
  timeoutMs?: number;
  /** Which notices it takes (default all). */
  accepts?: Channel['accepts'];
  /** The clock, in milliseconds (default `Date.now`): the signature's timestamp. */
  now?: () => number;
}

/** The headers of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  /** The delivery id's digest ({@link deliveryDigest}): the same notice redelivered has the same one. */
  delivery: 'x-rectify-delivery',
  /** Seconds since 1970 when it was signed. */
  timestamp: 'x-rectify-timestamp',
  /** `sha256=` and the hex HMAC-SHA256 of `timestamp + "." + body` under the secret. */
  signature: 'x-rectify-signature',
} as const;

/** The body a webhook receives. */
export interface WebhookBody {
  id: string;
  notice: OutgoingMessage['notice'];
  subject: string;
  text: string;
}

/**
 * A generic webhook: POSTs each warning as JSON ({@link WebhookBody}), signed with
 * HMAC-SHA256 over the timestamp and the body, so that a receiver can check it came from
 * you and is not a replay ({@link verifyWebhook}). Any answer but 2xx is a failure; 4xx
 * other than 408 and 429 is not retried.
 */
export function webhookChannel(options: WebhookChannelOptions): Channel {
  const now = options.now ?? Date.now;
  return {
    name: options.name ?? 'webhook',
    ...(options.accepts === undefined ? {} : { accepts: options.accepts }),
    async send({ id, notice, message }) {
      const body = JSON.stringify({ id, notice, subject: message.subject, text: message.text } satisfies WebhookBody);
      const timestamp = String(Math.floor(now() / 1000));
      const { status, text } = await postJson(options.url, body, {
        [WEBHOOK_HEADERS.delivery]: deliveryDigest(id),
        [WEBHOOK_HEADERS.timestamp]: timestamp,
        [WEBHOOK_HEADERS.signature]: signWebhook(options.secret, timestamp, body),
      }, options.timeoutMs ?? 10_000);
      if (status < 200 || status > 299) throw new DeliveryError(`${redact(options.url)} answered ${status}: ${text.slice(0, 200)}`, status >= 500 || status === 408 || status === 429);
    },
  };
}

/** The signature header of a body at a timestamp: `sha256=` and the hex HMAC-SHA256 of `timestamp.body`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Checks a webhook delivery as a receiver: the signature matches the body and the
 * timestamp under the secret, and the timestamp is within `toleranceSeconds` (default
 * 300) of the receiver's clock, so that a captured request cannot be replayed later.
 *
 * @example
 * ```ts
 * const ok = verifyWebhook({ secret, body: await request.text(), timestamp: request.headers.get('x-rectify-timestamp'), signature: request.headers.get('x-rectify-signature') });
 * ```
 */
export function verifyWebhook(input: { secret: string; body: string; timestamp: string | null | undefined; signature: string | null | undefined; now?: number; toleranceSeconds?: number }): boolean {
  const { timestamp, signature } = input;
  if (timestamp == null || signature == null || !/^\d+$/.test(timestamp)) return false;
  const age = Math.abs((input.now ?? Date.now()) / 1000 - Number(timestamp));
  if (age > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

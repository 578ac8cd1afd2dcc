import nodemailer from 'nodemailer';
import type { Channel } from '../channel.js';
import { deliveryDigest, DeliveryError } from '../channel.js';

/** Options of {@link smtpChannel}. */
export interface SmtpChannelOptions {
  /** Its name in the outbox (default `email`). */
  name?: string;
  /** The SMTP server. */
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The sender, e.g. `整改办 <zgb@example.gov.cn>`. */
  from: string;
  /** Each person's e-mail address, by person id: a person with none gets no e-mail (the channel does not take their notices). */
  addresses: Readonly<Record<string, string>>;
  /** Accept a server certificate that does not verify (a test server); never in production. */
  allowUnverifiedTls?: boolean;
}

/**
 * E-mail over SMTP (nodemailer): one message per warning to the person's address, its
 * `Message-ID` and `X-Rectify-Delivery` header derived from the delivery id
 * ({@link deliveryDigest}), so that a redelivered notice is the same message to a mail
 * system that drops duplicates.
 * A refusal of the address (5xx) is not retried; a lost connection or 4xx is.
 */
export function smtpChannel(options: SmtpChannelOptions): Channel {
  // A pool: a day's warnings go over a few connections, not one each.
  const transport = nodemailer.createTransport({
    pool: true,
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.allowUnverifiedTls === true ? { tls: { rejectUnauthorized: false } } : {}),
  });
  const domain = options.from.replace(/^.*@/, '').replace(/>.*$/, '') || 'rectify.invalid';
  return {
    name: options.name ?? 'email',
    accepts: (notice) => options.addresses[notice.personId] !== undefined,
    async send({ id, notice, message }) {
      const to = options.addresses[notice.personId];
      if (to === undefined) throw new DeliveryError(`No e-mail address for ${notice.personId}`, false);
      try {
        await transport.sendMail({
          from: options.from,
          to,
          subject: message.subject,
          text: message.text,
          messageId: `<${deliveryDigest(id)}@${domain}>`,
          headers: { 'X-Rectify-Delivery': deliveryDigest(id) },
        });
      } catch (e) {
        const code = (e as { responseCode?: number }).responseCode;
        throw new DeliveryError(`SMTP ${options.host}:${options.port}: ${(e as Error).message}`, code === undefined || code < 500);
      }
    },
    async close() {
      transport.close();
    },
  };
}

import { parseWith, RecipientSchema } from '@rectify/core';
import { z } from 'zod';
import { onlyRoles, type Channel } from './channel.js';
import { dingtalkChannel } from './channels/dingtalk.js';
import { smtpChannel } from './channels/smtp.js';
import { webhookChannel } from './channels/webhook.js';
import { wecomChannel } from './channels/wecom.js';

const Roles = z.array(z.union([RecipientSchema.options[0], z.literal('person')])).optional();
const Name = z.string().min(1).optional();

/**
 * The channels of a notify configuration file (`rectify notify --channels FILE`), as JSON.
 * A secret may be written as `{ "env": "NAME" }` to be read from the environment, so
 * that the file can be kept in version control.
 */
export const NotifyConfigSchema = z.strictObject({
  channels: z.array(
    z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('smtp'), name: Name, host: z.string().min(1), port: z.number().int().positive(), secure: z.boolean().optional(), user: z.string().optional(), password: z.union([z.string(), z.strictObject({ env: z.string() })]).optional(), from: z.string().min(3), addresses: z.record(z.string(), z.string().email()), only: Roles }),
      z.strictObject({ type: z.literal('webhook'), name: Name, url: z.url(), secret: z.union([z.string().min(16), z.strictObject({ env: z.string() })]), only: Roles }),
      z.strictObject({ type: z.literal('wecom'), name: Name, url: z.union([z.url(), z.strictObject({ env: z.string() })]), format: z.enum(['markdown', 'text']).optional(), only: Roles }),
      z.strictObject({ type: z.literal('dingtalk'), name: Name, url: z.union([z.url(), z.strictObject({ env: z.string() })]), secret: z.union([z.string(), z.strictObject({ env: z.string() })]).optional(), format: z.enum(['markdown', 'text']).optional(), only: Roles }),
    ]),
  ).min(1),
});

/** A notify configuration file, parsed. */
export type NotifyConfig = z.infer<typeof NotifyConfigSchema>;

/** Options of {@link channelsFromConfig}. */
export interface ChannelsFromConfigOptions {
  /** Where `{ env }` secrets are read (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock of the signatures, in milliseconds (default `Date.now`). */
  now?: () => number;
}

/**
 * The channels a configuration names, validated (a `ValidationError` with the field
 * path: `channels[1].url`); secrets given as `{ env }` are read from `env`. Group robots
 * take by default only the responsible person's notice of each finding and light (one
 * post per finding, not one per person told); `only` says otherwise.
 */
export function channelsFromConfig(input: unknown, options: ChannelsFromConfigOptions = {}): Channel[] {
  const env = options.env ?? process.env;
  const config = parseWith(NotifyConfigSchema, input, 'notify config');
  return config.channels.map((c, i) => {
    const secret = (value: string | { env: string }, field: string) => {
      if (typeof value === 'string') return value;
      const found = env[value.env];
      if (found === undefined || found === '') throw new Error(`channels[${i}].${field}: the environment variable ${value.env} is not set`);
      return found;
    };
    const accepts = onlyRoles(c.only ?? (c.type === 'wecom' || c.type === 'dingtalk' ? ['responsible_person'] : undefined));
    const common = { ...(c.name === undefined ? {} : { name: c.name }), ...(accepts === undefined ? {} : { accepts }) };
    switch (c.type) {
      case 'smtp': {
        const channel = smtpChannel({ ...common, host: c.host, port: c.port, from: c.from, addresses: c.addresses, ...(c.secure === undefined ? {} : { secure: c.secure }), ...(c.user === undefined ? {} : { auth: { user: c.user, pass: c.password === undefined ? '' : secret(c.password, 'password') } }) });
        // An e-mail goes only to a person with an address, and then only in the roles asked for.
        return accepts === undefined ? channel : { ...channel, accepts: (n) => channel.accepts!(n) && accepts(n) };
      }
      case 'webhook':
        return webhookChannel({ ...common, url: c.url, secret: secret(c.secret, 'secret'), ...(options.now === undefined ? {} : { now: options.now }) });
      case 'wecom':
        return wecomChannel({ ...common, url: secret(c.url, 'url'), ...(c.format === undefined ? {} : { format: c.format }) });
      case 'dingtalk':
        return dingtalkChannel({ ...common, ...(options.now === undefined ? {} : { now: options.now }), url: secret(c.url, 'url'), ...(c.secret === undefined ? {} : { secret: secret(c.secret, 'secret') }), ...(c.format === undefined ? {} : { format: c.format }) });
    }
  });
}

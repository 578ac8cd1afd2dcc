import { createHmac } from 'node:crypto';
import type { Person } from '@rectify/core';
import type { Channel } from '../channel.js';
import { postToRobot, truncateUtf8 } from './robot.js';

/** Options of {@link dingtalkChannel}. */
export interface DingtalkChannelOptions {
  /** Its name in the outbox (default `dingtalk`). */
  name?: string;
  /** The robot's webhook address, `https://oapi.dingtalk.com/robot/send?access_token=…`. */
  url: string;
  /** The robot's 加签 secret (`SEC…`), when its security setting is signing: each request is signed. */
  secret?: string;
  /** `markdown` (default) or `text`. */
  format?: 'markdown' | 'text';
  /** The 钉钉 userId of a person, to @-mention them. */
  mentionOf?: (person: Person) => string | undefined;
  /** Which notices it takes (default all). */
  accepts?: Channel['accepts'];
  /** The clock, in milliseconds (default `Date.now`): the signature's timestamp. */
  now?: () => number;
  timeoutMs?: number;
}

/** The most this channel sends to a 钉钉 robot, in bytes of UTF-8. */
export const DINGTALK_MAX_BYTES = 20_000;

/**
 * The group robot of 钉钉 (DingTalk): posts each warning as a Markdown or text message,
 * @-mentioning the person when `mentionOf` knows their userId; with a `secret`, signs
 * each request the way the robot's 加签 setting wants (`timestamp` and `sign`, the
 * Base64 HMAC-SHA256 of `timestamp + "\n" + secret`, added to the address).
 */
export function dingtalkChannel(options: DingtalkChannelOptions): Channel {
  const format = options.format ?? 'markdown';
  const now = options.now ?? Date.now;
  return {
    name: options.name ?? 'dingtalk',
    ...(options.accepts === undefined ? {} : { accepts: options.accepts }),
    async send({ message, person }) {
      const mention = person === undefined ? undefined : options.mentionOf?.(person);
      const at = { atUserIds: mention === undefined ? [] : [mention], isAtAll: false };
      const payload =
        format === 'markdown'
          ? { msgtype: 'markdown', markdown: { title: message.subject, text: truncateUtf8(`${message.markdown}${mention === undefined ? '' : `\n\n@${mention}`}`, DINGTALK_MAX_BYTES) }, at }
          : { msgtype: 'text', text: { content: truncateUtf8(`${message.subject}\n${message.text}`, DINGTALK_MAX_BYTES) }, at };
      await postToRobot(options.secret === undefined ? options.url : signedUrl(options.url, options.secret, now()), payload, options.timeoutMs ?? 10_000);
    },
  };
}

/** The robot's address with `timestamp` and `sign` of its 加签 setting. */
export function signedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestampMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

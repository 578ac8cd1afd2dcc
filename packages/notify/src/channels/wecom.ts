import type { Person } from '@rectify/core';
import type { Channel } from '../channel.js';
import { postToRobot, truncateUtf8 } from './robot.js';

/** Options of {@link wecomChannel}. */
export interface WecomChannelOptions {
  /** Its name in the outbox (default `wecom`). */
  name?: string;
  /** The robot's webhook address, `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`. */
  url: string;
  /** `markdown` (default) or `text`: only a text message can @-mention people. */
  format?: 'markdown' | 'text';
  /** The 企业微信 userid of a person, to @-mention them in a text message. */
  mentionOf?: (person: Person) => string | undefined;
  /** Which notices it takes (default all; `onlyRoles(['responsible_person'])` posts one per finding and light). */
  accepts?: Channel['accepts'];
  timeoutMs?: number;
}

/** The most a 企业微信 robot takes: 4096 bytes of Markdown, 2048 of text. */
export const WECOM_LIMITS = { markdown: 4096, text: 2048 } as const;

/**
 * The group robot of 企业微信 (WeCom): posts each warning to the group as a Markdown or
 * text message (`msgtype`), the text one @-mentioning the person when `mentionOf` knows
 * their userid. A message over the robot's limit is cut, not refused.
 */
export function wecomChannel(options: WecomChannelOptions): Channel {
  const format = options.format ?? 'markdown';
  return {
    name: options.name ?? 'wecom',
    ...(options.accepts === undefined ? {} : { accepts: options.accepts }),
    async send({ message, person }) {
      const mention = person === undefined ? undefined : options.mentionOf?.(person);
      const payload =
        format === 'markdown'
          ? { msgtype: 'markdown', markdown: { content: truncateUtf8(message.markdown, WECOM_LIMITS.markdown) } }
          : { msgtype: 'text', text: { content: truncateUtf8(`${message.subject}\n${message.text}`, WECOM_LIMITS.text), ...(mention === undefined ? {} : { mentioned_list: [mention] }) } };
      await postToRobot(options.url, payload, options.timeoutMs ?? 10_000);
    },
  };
}

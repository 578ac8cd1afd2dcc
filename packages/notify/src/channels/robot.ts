import { DeliveryError, postJson, redact } from '../channel.js';

/** What group robots of 企业微信 and 钉钉 answer: `errcode` 0 when the message was taken. */
export async function postToRobot(url: string, payload: unknown, timeoutMs: number): Promise<void> {
  const { status, text } = await postJson(url, JSON.stringify(payload), {}, timeoutMs);
  if (status < 200 || status > 299) throw new DeliveryError(`${redact(url)} answered ${status}: ${text.slice(0, 200)}`, status >= 500 || status === 429);
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new DeliveryError(`${redact(url)} answered what is not JSON: ${text.slice(0, 200)}`);
  }
  // Both robots answer 200 with an error code for a refused message (a bad key, too many a minute).
  if (answer.errcode !== 0) throw new DeliveryError(`${redact(url)} refused the message: errcode ${String(answer.errcode)} ${String(answer.errmsg ?? '')}`);
}

/**
 * Cuts a text to at most `maxBytes` of UTF-8 (the robots limit a message in bytes, and a
 * Chinese character is three), on a character boundary, marking the cut with `…`.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = encoder.encode(ch).length;
    if (bytes + n > maxBytes - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

import { HttpError } from './errors.js';

/**
 * A request's body, read to its end unless it passes `limit` bytes: a `Content-Length`
 * over the limit is refused before anything is read, and a body sent without one (or
 * lying about it) is cut off as soon as it passes the limit, so that no request can make
 * the server hold more than `limit` bytes.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(limit: number): HttpError {
  return new HttpError('http.too_large', `The body is larger than this endpoint takes (${limit} bytes)`, { limit });
}

/** A JSON body: bytes within the limit, sent as JSON, parsed; anything else is a bad request naming why. */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new HttpError('http.unsupported_media_type', `Send the body as JSON (Content-Type: application/json), not "${type || 'nothing'}"`);
  const bytes = await readBody(request, limit);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new HttpError('http.bad_request', `The body is not JSON in UTF-8: ${(error as Error).message}`);
  }
}

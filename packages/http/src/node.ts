import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FetchHandler } from './handler.js';

/**
 * A Fetch handler as a `node:http` request listener: the request becomes a `Request`
 * (its body streamed, never read whole here), the `Response` is written back.
 *
 * @example
 * ```ts
 * createServer(nodeListener(createRectifyHandler({ store, authenticate }))).listen(8080, '127.0.0.1');
 * ```
 */
export function nodeListener(handler: FetchHandler, options: { origin?: string } = {}): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const origin = options.origin ?? `http://${req.headers.host ?? 'localhost'}`;
      let url: URL;
      try {
        url = new URL(req.url ?? '/', origin);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(url, {
        method: req.method ?? 'GET',
        headers,
        ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
      } as RequestInit);
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body === null || req.method === 'HEAD') {
        res.end();
        return;
      }
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
      console.error(error);
    });
  };
}

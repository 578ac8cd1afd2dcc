import { parseWith, type Calendar, type Store } from '@rectify/core';
import type { HttpActor } from './access.js';
import { HttpError, json, problemResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { DEFAULT_UPLOAD_ROLES, routes, type HttpReportFormat, type Route, type RouteOptions } from './routes.js';

/** A request handler on the Fetch API: what node:http (with `nodeListener`), Hono, Deno, Bun and workers all take. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Options of {@link createRectifyHandler}. */
export interface RectifyHandlerOptions {
  store: Store;
  /**
   * Who the request is from, by the app's own login (a session cookie, a token, a header
   * a gateway sets), or `null` when nobody is signed in (answered 401). The API never
   * trusts an actor named in a body: a command is issued by this person.
   */
  authenticate(request: Request): HttpActor | null | Promise<HttpActor | null>;
  /** The clock commands are stamped with (default the system's). */
  now?: () => Date;
  /** A new command id when a command comes without one (default `crypto.randomUUID`). */
  newId?: () => string;
  /** Which days are working days, for overdue, reminders and roll-ups (default every day). */
  calendar?: Calendar;
  /**
   * Report formats besides `json` (the report model), by name: `{ notice: { renderer:
   * noticeTextRenderer, internal: false } }`. The renderers live in their own packages,
   * so the API carries none it is not given.
   */
  formats?: Readonly<Record<string, HttpReportFormat>>;
  /** The largest JSON body taken, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** The largest evidence file taken, in bytes (default 20 MiB; the store has a limit of its own). */
  maxFileBytes?: number;
  /** Roles that may store evidence files (default those who record progress). */
  uploadRoles?: readonly string[];
  /** Where the API is mounted, e.g. `/api` (default the root). */
  basePath?: string;
  /** Called with every error that is not the caller's (a 5xx), for the server's log. */
  onError?(error: unknown): void;
}

/** A route with its path as a pattern. */
interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route, basePath: string): Compiled {
  const names: string[] = [];
  const source = (basePath + route.path).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/**
 * A JSON API over a store, as one Fetch handler: organisations, inspections, findings
 * (filters and cursor pages), a finding's history, totals and roll-ups, reports, the
 * reminders feed, evidence files and commands, with its OpenAPI 3.1 document at
 * `/openapi.json`. Every read is one read-only snapshot; every command is decided by the
 * core's permission policy and rules, as the signed-in person; an organisation the caller
 * may not read is answered as one that does not exist. Errors are problem documents
 * (RFC 9457) with the status of {@link HTTP_STATUS}.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * const handler = createRectifyHandler({ store, authenticate: (req) => sessions.actorOf(req) });
 * createServer(nodeListener(handler)).listen(8080);
 * ```
 */
export function createRectifyHandler(options: RectifyHandlerOptions): FetchHandler {
  const basePath = (options.basePath ?? '').replace(/\/$/, '');
  const resolved: RouteOptions = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => crypto.randomUUID()),
    calendar: options.calendar,
    formats: options.formats ?? {},
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxFileBytes: options.maxFileBytes ?? 20 * 1024 * 1024,
    uploadRoles: options.uploadRoles ?? DEFAULT_UPLOAD_ROLES,
  };
  const all = routes();
  const document = openApiDocument(all, { formats: Object.keys(resolved.formats) });
  const compiled = all.map((r) => compile(r, basePath));
  const openapiPath = `${basePath}/openapi.json`;

  return async (request) => {
    try {
      const url = new URL(request.url);
      if (url.pathname === openapiPath) {
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError('http.method_not_allowed', 'GET /openapi.json');
        return json(document);
      }
      const matches = compiled.map((c) => ({ c, m: c.pattern.exec(url.pathname) })).filter((x) => x.m !== null);
      if (matches.length === 0) throw new HttpError('http.not_found', `No route ${url.pathname}`);
      const found = matches.find((x) => x.c.route.method === request.method || (request.method === 'HEAD' && x.c.route.method === 'GET'));
      if (found === undefined) {
        const allow = [...new Set(matches.map((x) => x.c.route.method))].join(', ');
        return problemResponse(new HttpError('http.method_not_allowed', `${request.method} is not allowed here: ${allow}`), options.onError);
      }
      const actor = await options.authenticate(request);
      if (actor === null) {
        return withHeaders(problemResponse(new HttpError('http.unauthenticated', 'Sign in first: this API answers only the people of the organisations it holds')), { 'www-authenticate': 'Bearer' });
      }
      const params: Record<string, string> = {};
      found.c.names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(found.m![i + 1]!);
        } catch {
          throw new HttpError('http.bad_request', `The path's ${name} is not percent-encoded UTF-8`);
        }
      });
      const query = found.c.route.query === undefined ? {} : parseWith(found.c.route.query, Object.fromEntries(url.searchParams), 'query');
      const response = await found.c.route.handle({ request, url, params, query: query as Record<string, unknown>, actor, options: resolved });
      return request.method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
    } catch (error) {
      return problemResponse(error, options.onError);
    }
  };
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

import { createServer, type Server } from 'node:http';
import { readReportModel, type Store } from '@rectify/core';
import { dashboardHtml, supervisionHtml } from '@rectify/report-html';
import { FIRST_DAY, isSupportedDay, LAST_DAY, resolveScope, today, type GlobalOptions, type Io } from '../context.js';
import { UsageError } from '../exit.js';
import { createRectifyHandler, HttpError, nodeListener, problemResponse, type FetchHandler, type HttpActor } from '@rectify/http';
import { readApiUsers } from './api-users.js';
import { FORMATS } from './formats.js';
import { dueFor, feedOf } from './due.js';

/** Options of `rectify serve`. */
export interface ServeOptions {
  port: number;
  /** 127.0.0.1 by default: the dashboard shows internal data and has no login. */
  host: string;
  /** Mask personal data in the dashboard as `report --redact` does (for a screen others see). */
  redact?: boolean;
  /**
   * A supervising office's pages: `/` ranks every organisation of the store (its
   * roll-up), `/ORG/INSPECTION` is that round's dashboard.
   */
  all?: boolean;
  /**
   * The JSON API of `@rectify/http` at `/api/`, for the people of this file
   * (`readApiUsers`): read-only unless `write`.
   */
  users?: string | undefined;
  /** With `users`: the API takes commands too, each from the person whose token it carries. */
  write?: boolean;
}

/** The day of the supervising office's pages when none is asked for: today in China. */
const OFFICE_OFFSET = '+08:00';

/**
 * `rectify serve`: the dashboard on a local web server, rendered afresh from the store
 * on every load (`?as-of=YYYY-MM-DD` for a past day), and the reminders as an iCalendar
 * feed a calendar app subscribes to (`/reminders.ics`, `?person=ID` or `?unit=ID` for
 * one person's or unit's). Read-only: it answers GET and HEAD of those two paths and
 * nothing else. With `all`, a supervising office's pages instead: every organisation
 * ranked at `/`, each round's dashboard at `/ORG/INSPECTION`.
 */
export async function serveCommand(store: Store, global: GlobalOptions, options: ServeOptions, io: Io): Promise<Server> {
  const scope = options.all ? undefined : await resolveScope(store, global);
  if (options.write && options.users === undefined) throw new UsageError('--write needs --users FILE: the people who may send commands, each with the SHA-256 of their token');
  const api = options.users === undefined ? undefined : apiListener(store, global, io, readApiUsers(io.cwd, options.users), options.write ?? false);
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // `//` and the like are no URL: a bad request, never a crash of the server.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    if (!allowedHost(req.headers.host)) {
      // DNS rebinding: a page on evil.example resolving its name to 127.0.0.1 reads the dashboard unless the Host is checked.
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Host not allowed');
      return;
    }
    if (api !== undefined && (url.pathname === '/api' || url.pathname.startsWith('/api/'))) return void api(req, res);
    const asked = url.searchParams.get('as-of');
    if (asked !== null && !isSupportedDay(asked)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`as-of must be a real day from ${FIRST_DAY} to ${LAST_DAY}, written YYYY-MM-DD`);
      return;
    }
    const round = scope === undefined ? roundOf(url.pathname) : undefined;
    const known = scope === undefined ? url.pathname === '/' || round !== undefined : url.pathname === '/' || url.pathname === '/reminders.ics';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !known) {
      res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const send = (html: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(req.method === 'HEAD' ? undefined : html);
    void (async () => {
      try {
        if (scope === undefined) {
          // The supervising office's index, or one round's dashboard (a round the store does not have: 404).
          if (round === undefined) {
            const asOf = asked ?? today(io, OFFICE_OFFSET);
            const { rollup, units } = await store.read(async (reader) => ({
              rollup: await reader.rollup({ asOf, calendar: global.calendar }),
              units: new Map((await reader.organisations()).map((o) => [o.id, o.units])),
            }));
            const query = asked === null ? '' : `?as-of=${asOf}`;
            return void send(supervisionHtml(rollup, { locale: global.lang, units, href: (o, i) => `/${encodeURIComponent(o)}/${encodeURIComponent(i)}${query}` }));
          }
          // One read: the round (its day is where it is) and its model.
          const built = await store.read(async (reader) => {
            const inspection = await reader.inspection(round);
            if (inspection === undefined) return undefined;
            return readReportModel(reader, round, asked ?? today(io, inspection.utcOffset), { internal: true, calendar: global.calendar, redact: options.redact ?? false });
          });
          if (built === undefined) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          return void send(dashboardHtml(built.model, { locale: global.lang }));
        }
        const inspection = (await store.inspection(scope))!;
        const asOf = asked ?? today(io, inspection.utcOffset);
        if (url.pathname === '/reminders.ics') {
          const due = await dueFor(store, scope, asOf, global, { person: url.searchParams.get('person') ?? undefined, unit: url.searchParams.get('unit') ?? undefined });
          res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(req.method === 'HEAD' ? undefined : feedOf(due, io, global.lang));
          return;
        }
        const { model } = await store.read((reader) => readReportModel(reader, scope, asOf, { internal: true, calendar: global.calendar, redact: options.redact ?? false }));
        send(dashboardHtml(model, { locale: global.lang }));
      } catch (error) {
        // A person or unit the organisation does not have is the caller's to fix.
        if (error instanceof UsageError) return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(error.message);
        io.err(String(error));
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The dashboard could not be rendered; see the server log.');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new UsageError(`Cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`)));
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const hosts = hostsFor(options.host, port);
  function allowedHost(header: string | undefined): boolean {
    return hosts === 'any' || (header !== undefined && hosts.has(header.toLowerCase()));
  }
  if (api !== undefined) io.out(`api: http://${options.host}:${port}/api/openapi.json (${options.write ? 'commands accepted' : 'read-only'})`);
  if (scope === undefined) {
    io.out(`organisations: http://${options.host}:${port}/`);
  } else {
    io.out(`dashboard: http://${options.host}:${port}/`);
    io.out(`reminders: http://${options.host}:${port}/reminders.ics?person=ID`);
  }
  return server;
}

/**
 * The JSON API at `/api/` for the users of `--users`: every route of `@rectify/http`,
 * commands only with `--write` (without it a POST is answered 405, saying so).
 */
function apiListener(store: Store, global: GlobalOptions, io: Io, actorOf: (authorization: string | null) => HttpActor | null, write: boolean) {
  const handler = createRectifyHandler({
    store,
    basePath: '/api',
    authenticate: (request) => actorOf(request.headers.get('authorization')),
    now: io.now,
    calendar: global.calendar,
    // The formats of rectify report, each loaded the first time it is asked for (json is the API's own).
    formats: Object.fromEntries(Object.entries(FORMATS).filter(([name]) => name !== 'json').map(([name, f]) => [name, { renderer: f.load, internal: f.internal }])),
    onError: (error) => io.err(String(error)),
  });
  const readOnly: FetchHandler = async (request) =>
    request.method === 'GET' || request.method === 'HEAD' || write
      ? handler(request)
      : problemResponse(new HttpError('http.method_not_allowed', 'This server is read-only: start it with rectify serve --write --users FILE to take commands'));
  return nodeListener(readOnly);
}

/** `/ORG/INSPECTION` as a round's scope (each part percent-decoded), else `undefined`. */
function roundOf(pathname: string): { organisationId: string; inspectionId: string } | undefined {
  const parts = pathname.split('/');
  if (parts.length !== 3 || parts[1] === '' || parts[2] === '') return undefined;
  try {
    return { organisationId: decodeURIComponent(parts[1]!), inspectionId: decodeURIComponent(parts[2]!) };
  } catch {
    return undefined; // `%E0` and the like: no round
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The `Host` headers the server answers: its own address and port, and for a loopback
 * address every loopback name. Bound to every address (0.0.0.0, ::) it has no one
 * name, and answers any Host: such a server is meant for a network, not a desktop.
 */
function hostsFor(host: string, port: number): Set<string> | 'any' {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'any';
  const names = LOOPBACK.has(host) ? [...LOOPBACK].filter((h) => h !== '::1') : [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
  return new Set(names.map((name) => `${name.toLowerCase()}:${port}`));
}

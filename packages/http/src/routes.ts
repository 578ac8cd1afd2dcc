import { z } from 'zod';
import {
  analyze,
  CalendarDaySchema,
  EVERY_DAY,
  dayOfInstant,
  DEFAULT_ROLE_TABLE,
  fileReferences,
  FINDING_STATUSES,
  IdSchema,
  instantAt,
  isRectifyError,
  LocaleSchema,
  NotFoundError,
  parseWith,
  PermissionDeniedError,
  readReminders,
  REMINDER_KINDS,
  readReportModel,
  rectificationReport,
  reportedOn,
  Sha256Schema,
  SORT_KEYS,
  type Calendar,
  type FindingQueryInput,
  type Locale,
  type ReminderKind,
  type ReportRenderer,
  type Store,
  type StoreReader,
} from '@rectify/core';
import { accessTo, type Access, type HttpActor } from './access.js';
import { readBody, readJson } from './body.js';
import { HttpError, json } from './errors.js';

/** A report format the API serves: its renderer, and whether it is internal (names people). */
export interface HttpReportFormat {
  /** The renderer, or a function that loads it the first time it is asked for (a format's heavy library stays unloaded until then). */
  renderer: ReportRenderer | (() => Promise<ReportRenderer>);
  /** Internal reports (ledger, dashboard) name people; a public notice does not. */
  internal: boolean;
}

/** The options every route reads, defaults filled in. */
export interface RouteOptions {
  store: Store;
  /** The clock commands are stamped with. */
  now: () => Date;
  /** A new command id, for a command sent without one. */
  newId: () => string;
  calendar: Calendar | undefined;
  formats: Readonly<Record<string, HttpReportFormat>>;
  maxBodyBytes: number;
  maxFileBytes: number;
  uploadRoles: readonly string[];
}

/** What a route's handler is given. */
export interface RouteContext {
  request: Request;
  url: URL;
  /** The path's parameters, percent-decoded. */
  params: Record<string, string>;
  /** The query, parsed by the route's schema. */
  query: Record<string, unknown>;
  actor: HttpActor;
  options: RouteOptions;
}

/** One response a route may give, for the OpenAPI document. */
export interface RouteResponse {
  description: string;
  /** A JSON Schema of the body (JSON unless `contentType` says otherwise). */
  schema?: Record<string, unknown>;
  contentType?: string;
}

/** One operation of the API: how it is called, what it answers, and how it is answered. */
export interface Route {
  method: 'GET' | 'POST';
  /** The path with `{name}` for each parameter, e.g. `/organisations/{organisationId}/findings`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The query parameters, each a string in the URL. */
  query?: z.ZodObject;
  /** The body: JSON of a schema, or raw bytes. */
  body?: { kind: 'json' | 'bytes'; description: string };
  /** Whether the route answers without a login (the OpenAPI document only). */
  public?: boolean;
  responses: Record<number, RouteResponse>;
  /** Answers the request; a thrown error becomes its problem document. */
  handle(ctx: RouteContext): Promise<Response>;
}

const object = (description: string): Record<string, unknown> => ({ type: 'object', description });
const list = (description: string): Record<string, unknown> => ({ type: 'array', description, items: { type: 'object' } });
const day = CalendarDaySchema.optional();
/** Reminder kinds separated by commas, each one of {@link REMINDER_KINDS}. */
const REMINDER_KIND_LIST = new RegExp(`^(${REMINDER_KINDS.join('|')})(,(${REMINDER_KINDS.join('|')}))*$`);
const commaList = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''));

/** An organisation the actor may read, read in the same snapshot; one it may not is answered as one that does not exist. */
async function readable(reader: StoreReader, actor: HttpActor, organisationId: string): Promise<Access> {
  const access = await accessTo(reader, actor, organisationId);
  if (!access.readable) throw new NotFoundError('organisation', organisationId);
  return access;
}

/** Today where the organisation is, at the offset given. */
const todayAt = (options: RouteOptions, offset: string) => dayOfInstant(options.now().toISOString(), offset);

/** `"7"` (or `W/"7"`) of an `If-Match` header as a version, or the bad request that says it is not one. */
/**
 * A read of one inspection as of a day, in one snapshot: the caller may read the
 * organisation, the inspection exists, and the day is `asOf` of the query or today where
 * the inspection is.
 */
async function readOfDay<T>(
  options: RouteOptions,
  actor: HttpActor,
  params: Record<string, string>,
  query: Record<string, unknown>,
  work: (reader: StoreReader, scope: { organisationId: string; inspectionId: string }, asOf: string) => Promise<T>,
): Promise<{ scope: { organisationId: string; inspectionId: string }; read: T }> {
  const scope = { organisationId: params['organisationId']!, inspectionId: params['inspectionId']! };
  const read = await options.store.read(async (r) => {
    await readable(r, actor, scope.organisationId);
    const inspection = await r.inspection(scope);
    if (inspection === undefined) throw new NotFoundError('inspection', scope.inspectionId);
    return work(r, scope, (query['asOf'] as string | undefined) ?? todayAt(options, inspection.utcOffset));
  });
  return { scope, read };
}

function versionOf(header: string | null): number | undefined {
  if (header === null) return undefined;
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (m === null) throw new HttpError('http.bad_request', `If-Match must be a finding's ETag, e.g. "7" (its version), not ${header}`);
  return Number(m[1]);
}

/** The ETag of a finding at a version. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The API's routes, in the order the OpenAPI document lists them: the router and the
 * document are made from this one list, so that neither can drift from the other.
 */
export function routes(): Route[] {
  return [
    {
      method: 'GET', path: '/organisations', operationId: 'listOrganisations', tag: 'organisations',
      summary: 'The organisations the caller acts in or oversees',
      responses: { 200: { description: 'Organisations, by id', schema: list('Organisation (id, name, units)') } },
      async handle({ actor, options }) {
        const out = await options.store.read(async (r) => {
          const all = await r.organisations();
          const kept = [];
          for (const o of all) if ((await accessTo(r, actor, o.id)).readable) kept.push(o);
          return kept;
        });
        return json(out);
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}', operationId: 'getOrganisation', tag: 'organisations',
      summary: 'One organisation with its units',
      responses: { 200: { description: 'The organisation', schema: object('Organisation') }, 404: { description: 'No such organisation, or not the caller\'s' } },
      async handle({ actor, params, options }) {
        return json(await options.store.read(async (r) => (await readable(r, actor, params['organisationId']!), (await r.organisation(params['organisationId']!))!)));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/people', operationId: 'listPeople', tag: 'organisations',
      summary: 'The people who act in the organisation\'s process, with their roles',
      responses: { 200: { description: 'People, by id', schema: list('Person') }, 404: { description: 'No such organisation' } },
      async handle({ actor, params, options }) {
        const id = params['organisationId']!;
        return json(await options.store.read(async (r) => (await readable(r, actor, id), r.people(id))));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/inspections', operationId: 'listInspections', tag: 'organisations',
      summary: 'Every inspection (round) of the organisation',
      responses: { 200: { description: 'Inspections, by id', schema: list('Inspection') }, 404: { description: 'No such organisation' } },
      async handle({ actor, params, options }) {
        const id = params['organisationId']!;
        return json(await options.store.read(async (r) => (await readable(r, actor, id), r.inspections(id))));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/findings', operationId: 'listFindings', tag: 'findings',
      summary: 'One page of findings, filtered and sorted in the database',
      query: z.object({
        inspection: IdSchema.optional().describe('Only this inspection\'s findings'),
        category: IdSchema.optional().describe('Only this category'),
        unit: IdSchema.optional().describe('Only this lead unit'),
        person: IdSchema.optional().describe('Only this responsible person'),
        status: commaList.pipe(z.array(z.enum(FINDING_STATUSES as [string, ...string[]]))).optional().describe(`Comma-separated statuses: ${FINDING_STATUSES.join(', ')}`),
        overdueAsOf: day.describe('Only findings overdue as of this day'),
        text: z.string().min(1).max(200).optional().describe('Only titles containing this text'),
        sort: z.enum(SORT_KEYS).optional(),
        order: z.enum(['asc', 'desc']).optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional().describe('Page size (default 50)'),
        cursor: z.string().optional().describe('The nextCursor of the page before'),
      }),
      responses: { 200: { description: 'A page: items (finding states) and nextCursor when more follow', schema: { type: 'object', properties: { items: list('Finding state'), nextCursor: { type: 'string' } }, required: ['items'] } } },
      async handle({ actor, params, query, options }) {
        const organisationId = params['organisationId']!;
        const q = query as Record<string, string | string[] | number | undefined>;
        const input: FindingQueryInput = {
          organisationId,
          ...(q['inspection'] === undefined ? {} : { inspectionId: q['inspection'] as string }),
          ...(q['category'] === undefined ? {} : { categoryId: q['category'] as string }),
          ...(q['unit'] === undefined ? {} : { unitId: q['unit'] as string }),
          ...(q['person'] === undefined ? {} : { personId: q['person'] as string }),
          ...(q['status'] === undefined ? {} : { status: q['status'] as FindingQueryInput['status'] }),
          ...(q['overdueAsOf'] === undefined ? {} : { overdueAsOf: q['overdueAsOf'] as string }),
          ...(q['text'] === undefined ? {} : { text: q['text'] as string }),
          ...(q['sort'] === undefined ? {} : { sort: q['sort'] as FindingQueryInput['sort'] & string }),
          ...(q['order'] === undefined ? {} : { order: q['order'] as 'asc' | 'desc' }),
          ...(q['limit'] === undefined ? {} : { limit: q['limit'] as number }),
          ...(q['cursor'] === undefined ? {} : { cursor: q['cursor'] as string }),
        };
        const calendar = options.calendar;
        return json(await options.store.read(async (r) => (await readable(r, actor, organisationId), r.findings(input, calendar === undefined ? {} : { calendar }))));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/findings/{findingId}', operationId: 'getFinding', tag: 'findings',
      summary: 'A finding as it stands; its ETag is its version, for If-Match on a command',
      responses: { 200: { description: 'The finding\'s state', schema: object('Finding state') }, 404: { description: 'No such finding' } },
      async handle({ actor, params, options }) {
        const organisationId = params['organisationId']!;
        const state = await options.store.read(async (r) => (await readable(r, actor, organisationId), r.finding({ organisationId }, params['findingId']!)));
        if (state === undefined) throw new NotFoundError('finding', params['findingId']!);
        return json(state, 200, { etag: etagOf(state.version) });
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/findings/{findingId}/history', operationId: 'getHistory', tag: 'findings',
      summary: 'A finding\'s events, oldest first, each chained to the one before by its hash',
      responses: { 200: { description: 'Events', schema: list('Event') }, 404: { description: 'No such finding' } },
      async handle({ actor, params, options }) {
        const organisationId = params['organisationId']!;
        const events = await options.store.read(async (r) => (await readable(r, actor, organisationId), r.history({ organisationId }, params['findingId']!)));
        if (events.length === 0) throw new NotFoundError('finding', params['findingId']!);
        return json(events);
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/totals', operationId: 'getTotals', tag: 'analysis',
      summary: 'Findings counted by status, category and unit, with the rates of a notice',
      query: z.object({ inspection: IdSchema.optional() }),
      responses: { 200: { description: 'Totals', schema: object('Totals') } },
      async handle({ actor, params, query, options }) {
        const organisationId = params['organisationId']!;
        const inspectionId = query['inspection'] as string | undefined;
        return json(await options.store.read(async (r) => (await readable(r, actor, organisationId), r.totals({ organisationId, ...(inspectionId === undefined ? {} : { inspectionId }) }))));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/inspections/{inspectionId}/analysis', operationId: 'getAnalysis', tag: 'analysis',
      summary: 'The analysis of one inspection as of a day: totals, overdue, due soon, stale ledgers, lagging units, the rectification report',
      query: z.object({ asOf: day.describe('The day (default today where the organisation is)') }),
      responses: { 200: { description: 'The analysis (as rectify status --json gives it)', schema: object('Analysis with rectificationReport') }, 404: { description: 'No such inspection' } },
      async handle({ actor, params, query, options }) {
        const scope = { organisationId: params['organisationId']!, inspectionId: params['inspectionId']! };
        return json(await options.store.read(async (r) => {
          await readable(r, actor, scope.organisationId);
          const inspection = await r.inspection(scope);
          if (inspection === undefined) throw new NotFoundError('inspection', scope.inspectionId);
          const asOf = (query['asOf'] as string | undefined) ?? todayAt(options, inspection.utcOffset);
          const findings = await r.findingsAsOf(scope, asOf);
          const calendar = options.calendar ?? EVERY_DAY;
          return { ...analyze(findings, inspection, asOf, { calendar }), rectificationReport: rectificationReport(inspection, asOf, await reportedOn(r, scope, inspection), calendar) ?? null };
        }));
      },
    },
    {
      method: 'GET', path: '/rollup', operationId: 'getRollup', tag: 'analysis',
      summary: 'A supervising office\'s roll-up of the organisations the caller may read, as of a day',
      query: z.object({
        asOf: CalendarDaySchema.describe('The day of the figures (organisations may be in different time zones, so it is given)'),
        organisations: commaList.optional().describe('Comma-separated organisation ids (default every one the caller may read)'),
      }),
      responses: { 200: { description: 'The roll-up', schema: object('Rollup') } },
      async handle({ actor, query, options }) {
        const asked = query['organisations'] as string[] | undefined;
        return json(await options.store.read(async (r) => {
          const ids: string[] = [];
          if (asked !== undefined) for (const id of asked) ids.push((await readable(r, actor, id), id));
          else for (const o of await r.organisations()) if ((await accessTo(r, actor, o.id)).readable) ids.push(o.id);
          return r.rollup({ asOf: query['asOf'] as string, organisations: ids, ...(options.calendar === undefined ? {} : { calendar: options.calendar }) });
        }));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/inspections/{inspectionId}/report', operationId: 'getReport', tag: 'reports',
      summary: 'A report of one inspection as of a day: the report model as JSON, or a format the server was given',
      query: z.object({
        format: z.string().optional().describe('json (the report model, default) or a format the server was given (notice, docx, xlsx…)'),
        asOf: day.describe('The day of the report (default today where the organisation is)'),
        lang: LocaleSchema.optional(),
        redact: z.enum(['true', 'false']).optional().describe('Mask personal data first, as a notice to publish is masked'),
      }),
      responses: { 200: { description: 'The report', schema: object('Report model (format=json), else the format\'s bytes'), contentType: '*/*' }, 404: { description: 'No such inspection or format' } },
      async handle({ actor, params, query, options }) {
        const scope = { organisationId: params['organisationId']!, inspectionId: params['inspectionId']! };
        const name = (query['format'] as string | undefined) ?? 'json';
        const format = name === 'json' ? undefined : options.formats[name];
        if (name !== 'json' && format === undefined) throw new HttpError('http.not_found', `No report format "${name}": json${Object.keys(options.formats).map((f) => `, ${f}`).join('')}`);
        const { model } = await options.store.read(async (r) => {
          await readable(r, actor, scope.organisationId);
          const inspection = await r.inspection(scope);
          if (inspection === undefined) throw new NotFoundError('inspection', scope.inspectionId);
          const asOf = (query['asOf'] as string | undefined) ?? todayAt(options, inspection.utcOffset);
          return readReportModel(r, scope, asOf, { internal: format?.internal ?? true, redact: query['redact'] === 'true', ...(options.calendar === undefined ? {} : { calendar: options.calendar }) });
        });
        if (format === undefined) return json(model);
        const renderer = typeof format.renderer === 'function' ? await format.renderer() : format.renderer;
        const rendered = await renderer.render(model, { locale: (query['lang'] as Locale | undefined) ?? 'zh-CN' });
        const data = typeof rendered.data === 'string' ? rendered.data : new Uint8Array(rendered.data);
        return new Response(data, { headers: { 'content-type': rendered.mediaType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(rendered.fileName)}`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/inspections/{inspectionId}/reminders', operationId: 'getReminders', tag: 'reports',
      summary: 'What is due or overdue as of a day: deadlines, look-backs, ledger updates, monthly reports',
      query: z.object({
        asOf: day.describe('The day (default today where the organisation is)'),
        person: z.string().optional().describe('Only what this person must act on (id or name)'),
        unit: z.string().optional().describe('Only what this lead unit must act on (id or name)'),
        days: z.coerce.number().int().min(0).max(366).optional().describe('Working days to look ahead'),
        kind: z.string().regex(REMINDER_KIND_LIST, 'Reminder kinds separated by commas').optional().describe(`Only these kinds, separated by commas: ${REMINDER_KINDS.join(', ')}`),
      }),
      responses: { 200: { description: 'Reminders, overdue first, each naming its organisation and inspection', schema: list('Reminder') } },
      async handle({ actor, params, query, options }) {
        const { scope, read } = await readOfDay(options, actor, params, query, (r, scope, asOf) => readReminders(r, scope, asOf, {
          person: query['person'] as string | undefined, unit: query['unit'] as string | undefined,
          ...(query['days'] === undefined ? {} : { horizonDays: query['days'] as number }),
          ...(query['kind'] === undefined ? {} : { kinds: (query['kind'] as string).split(',') as ReminderKind[] }),
          ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
        }));
        return json(read.items.map((item) => ({ inspectionId: scope.inspectionId, ...item })));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/inspections/{inspectionId}/warnings', operationId: 'getWarnings', tag: 'reports',
      summary: 'The 红黄绿灯 warnings of a day under the default escalation policy: each lit finding\'s light and who is told (nothing is recorded or sent)',
      query: z.object({ asOf: day.describe('The day (default today where the organisation is)') }),
      responses: { 200: { description: '{ quiet, lights: { FINDING: { light, reasons, deadline, daysLeft } }, notices, unreached }', schema: object('Warnings') } },
      async handle({ actor, params, query, options }) {
        const { read } = await readOfDay(options, actor, params, query, (r, scope, asOf) => r.warnings({ ...scope, asOf, ...(options.calendar === undefined ? {} : { calendar: options.calendar }) }));
        const lights = Object.fromEntries([...read.lights].map(([id, l]) => [id, { light: l.light, reasons: l.reasons, deadline: l.deadline, daysLeft: l.daysLeft, workingDaysLeft: l.workingDaysLeft, since: l.since }]));
        return json({ quiet: read.quiet, lights, notices: read.notices, unreached: read.unreached });
      },
    },
    {
      method: 'POST', path: '/organisations/{organisationId}/commands', operationId: 'applyCommand', tag: 'commands',
      summary: 'Applies one lifecycle command as the caller, now; If-Match with a finding\'s ETag refuses it if the finding changed',
      body: { kind: 'json', description: 'The command: its type, findingId and fields; commandId to retry safely (a retry returns the first result). Who (actorId) and when (at) are the server\'s: the caller, now.' },
      responses: {
        201: { description: 'Applied: the event and the finding\'s state after it', schema: object('{ event, state, duplicate }') },
        200: { description: 'The same command id again: its first result' },
        403: { description: 'The caller may not issue this command (or acts as someone else)' },
        409: { description: 'Not allowed in the finding\'s status, or a concurrent change' },
        412: { description: 'If-Match named a version the finding is no longer at' },
        413: { description: 'The body is too large' },
        422: { description: 'A sign-off rule is not met: details.unmet names each' },
      },
      async handle({ request, actor, params, options }) {
        const organisationId = params['organisationId']!;
        const expectedVersion = versionOf(request.headers.get('if-match'));
        const body = await readJson(request, options.maxBodyBytes);
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError('http.bad_request', 'The body is a command: a JSON object with its type and findingId');
        const draft = body as Record<string, unknown>;
        const actorId = actor.personId;
        // The caller acts as themself: a command naming another actor is refused, never rewritten.
        if (draft['actorId'] !== undefined && draft['actorId'] !== actorId) throw new PermissionDeniedError(String(draft['type']), actorId, [], `a command is issued by the person signed in (${actorId}), not by ${String(draft['actorId'])}`);
        const offset = await options.store.read(async (r) => {
          const access = await accessTo(r, actor, organisationId);
          if (!access.readable) throw new NotFoundError('organisation', organisationId);
          if (access.person === undefined) throw new PermissionDeniedError(String(draft['type']), actorId, [], `${actorId} oversees ${organisationId} but does not act in it`);
          const finding = typeof draft['findingId'] === 'string' ? await r.finding({ organisationId }, draft['findingId']) : undefined;
          const inspectionId = finding?.finding.inspectionId ?? (draft['finding'] as { inspectionId?: unknown } | undefined)?.inspectionId;
          const inspection = typeof inspectionId === 'string' ? await r.inspection({ organisationId, inspectionId }) : undefined;
          return inspection?.utcOffset ?? '+08:00';
        });
        const { organisationId: _ignored, at: _at, ...fields } = draft;
        const command = {
          ...fields,
          organisationId,
          actorId,
          commandId: typeof draft['commandId'] === 'string' ? draft['commandId'] : request.headers.get('idempotency-key') ?? options.newId(),
          at: instantAt(options.now(), offset),
          ...(expectedVersion === undefined ? {} : { expectedVersion }),
        };
        try {
          const applied = await options.store.apply(command);
          return json(applied, applied.duplicate ? 200 : 201, { etag: etagOf(applied.state.version) });
        } catch (error) {
          if (expectedVersion !== undefined && isRectifyError(error, 'concurrency.conflict')) {
            throw new HttpError('http.precondition_failed', error.message, error.details);
          }
          throw error;
        }
      },
    },
    {
      method: 'POST', path: '/organisations/{organisationId}/files', operationId: 'putFile', tag: 'files',
      summary: 'Stores an evidence file; answers its SHA-256, which a command\'s file evidence then names',
      body: { kind: 'bytes', description: 'The file\'s bytes, as they are' },
      responses: { 201: { description: 'Stored (the same bytes again are kept once)', schema: { type: 'object', properties: { sha256: { type: 'string' }, size: { type: 'integer' } }, required: ['sha256', 'size'] } }, 413: { description: 'Larger than the server takes' } },
      async handle({ request, actor, params, options }) {
        const organisationId = params['organisationId']!;
        await options.store.read(async (r) => {
          const access = await accessTo(r, actor, organisationId);
          if (!access.readable) throw new NotFoundError('organisation', organisationId);
          if (!access.person?.roles.some((role) => options.uploadRoles.includes(role))) {
            throw new PermissionDeniedError('put_file', actor.personId, [...options.uploadRoles], 'only those who record the work may store evidence files');
          }
        });
        const bytes = await readBody(request, options.maxFileBytes);
        return json(await options.store.putFile(organisationId, bytes), 201);
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/files', operationId: 'listFiles', tag: 'files',
      summary: 'The evidence files the organisation holds, each with the findings whose evidence it is',
      responses: { 200: { description: 'Files by hash', schema: list('{ sha256, size, namedBy: [{ findingId, version, name }] }') } },
      async handle({ actor, params, options }) {
        const organisationId = params['organisationId']!;
        return json(await options.store.read(async (r) => {
          await readable(r, actor, organisationId);
          const files = await r.files(organisationId);
          const named = new Map(files.map((f) => [f.sha256, [] as { findingId: string; version: number; name: string | undefined }[]]));
          for (const e of await r.events({ organisationId })) for (const ref of fileReferences(e.payload)) named.get(ref.sha256)?.push({ findingId: e.findingId, version: e.version, name: ref.name });
          return files.map((f) => ({ ...f, namedBy: named.get(f.sha256) ?? [] }));
        }));
      },
    },
    {
      method: 'GET', path: '/organisations/{organisationId}/files/{sha256}', operationId: 'getFile', tag: 'files',
      summary: 'One evidence file, its bytes checked against its SHA-256 before they are sent',
      responses: { 200: { description: 'The bytes', contentType: 'application/octet-stream' }, 404: { description: 'No such file' } },
      async handle({ actor, params, options }) {
        const organisationId = params['organisationId']!;
        const sha256 = parseWith(Sha256Schema, params['sha256'], 'sha256');
        const bytes = await options.store.read(async (r) => (await readable(r, actor, organisationId), r.file(organisationId, sha256)));
        if (bytes === undefined) throw new NotFoundError('file', sha256);
        return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'application/octet-stream', etag: `"${sha256}"`, 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' } });
      },
    },
  ];
}

/** The roles that may store evidence files by default: those who record the work (`record_progress` in the default role table). */
export const DEFAULT_UPLOAD_ROLES: readonly string[] = DEFAULT_ROLE_TABLE.record_progress as readonly string[];

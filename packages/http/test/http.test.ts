import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { fileEvidence, openStore, type Store } from '@rectify/core';
import { noticeTextRenderer } from '@rectify/report-notice';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { buildWorld, type World } from '@rectify/testing';
import { createRectifyHandler, HTTP_STATUS, nodeListener, statusOf, type HttpActor } from '../src/index.js';

/** Tokens of the app's own login, each a person (or a supervising office's reader). */
const TOKENS: Record<string, HttpActor> = {
  coord: { personId: 'org-a-coord' },
  resp: { personId: 'org-a-resp' },
  leader: { personId: 'org-a-leader' },
  principal: { personId: 'org-a-principal' },
  office: { personId: 'office', oversees: 'all' },
  // The same person id in both organisations: coordinator in org-a, observer in org-b.
  shared: { personId: 'shared' },
  b: { personId: 'org-b-coord' },
};

describe('@rectify/http over a real server and a SQLite store', () => {
  let server: Server;
  let base: string;
  let store: Store;
  let world: World;
  let minute = 0;
  const errors: unknown[] = [];

  beforeAll(async () => {
    store = await openStore(sqliteDriver({ filename: join(mkdtempSync(join(tmpdir(), 'rectify-http-')), 'store.db') }), { maxFileBytes: 64 * 1024 });
    world = await buildWorld(store, 6);
    await store.savePeople('org-a', [{ id: 'shared', name: '共用', organisationId: 'org-a', roles: ['coordinator'] }]);
    await store.savePeople('org-b', [{ id: 'shared', name: '共用', organisationId: 'org-b', roles: ['observer'] }]);
    const handler = createRectifyHandler({
      store,
      authenticate: (request) => TOKENS[(request.headers.get('authorization') ?? '').replace(/^Bearer /, '')] ?? null,
      // A clock that moves a minute a call, after the world's history (August 2023).
      now: () => new Date(Date.parse('2024-01-08T01:00:00Z') + ++minute * 60_000),
      formats: { notice: { renderer: noticeTextRenderer, internal: false } },
      maxBodyBytes: 16 * 1024,
      maxFileBytes: 32 * 1024,
      onError: (e) => errors.push(e),
    });
    server = createServer(nodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  /** A request as curl would make it: a path, a token, and a JSON or byte body. */
  const call = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
    if (body instanceof Uint8Array) init.body = body;
    else if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${base}${path}`, init);
    const type = res.headers.get('content-type') ?? '';
    const data: unknown = type.includes('json') ? await res.json() : type.startsWith('text/') ? await res.text() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, data: data as any };
  };

  it('serves an OpenAPI 3.1 document that validates, with every route and the command schema', async () => {
    const { status, data } = await call('GET', '/openapi.json');
    expect(status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(data);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(data.openapi).toBe('3.1.0');
    expect(Object.keys(data.paths)).toEqual(expect.arrayContaining(['/organisations/{organisationId}/findings', '/organisations/{organisationId}/commands', '/rollup', '/organisations/{organisationId}/files/{sha256}']));
    // The command as the API takes it: who and when are the server's.
    const record = data.components.schemas.Command.oneOf.find((v: { properties: { type: { const?: string } } }) => v.properties.type.const === 'record_progress');
    expect(record.required).toEqual(expect.arrayContaining(['type', 'findingId', 'text']));
    expect(record.properties.actorId).toBeUndefined();
    expect(record.required).not.toContain('commandId');
  });

  it('answers nobody signed in with 401, an unknown path with 404 and a wrong method with 405, each a problem document', async () => {
    const anonymous = await call('GET', '/organisations');
    expect(anonymous).toMatchObject({ status: 401, data: { code: 'http.unauthenticated', status: 401 } });
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    expect((await call('GET', '/nowhere', 'coord')).data).toMatchObject({ status: 404, code: 'http.not_found' });
    expect((await call('DELETE', '/organisations', 'coord')).data).toMatchObject({ status: 405, code: 'http.method_not_allowed' });
  });

  it('lists the organisations a caller acts in or oversees, and answers another\'s exactly as one that does not exist', async () => {
    expect((await call('GET', '/organisations', 'coord')).data.map((o: { id: string }) => o.id)).toEqual(['org-a']);
    expect((await call('GET', '/organisations', 'office')).data.map((o: { id: string }) => o.id)).toEqual(['org-a', 'org-b']);
    expect((await call('GET', '/organisations', 'shared')).data.map((o: { id: string }) => o.id)).toEqual(['org-a', 'org-b']);
    const other = await call('GET', '/organisations/org-b/findings', 'coord');
    const none = await call('GET', '/organisations/org-x/findings', 'coord');
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.data).replaceAll('org-b', 'ID')).toBe(JSON.stringify(none.data).replaceAll('org-x', 'ID'));
    for (const path of ['', '/people', '/inspections', '/totals', '/files', '/findings/org-b-f000', '/findings/org-b-f000/history', '/inspections/ins-b/report', '/inspections/ins-b/reminders', '/inspections/ins-b/warnings']) {
      expect((await call('GET', `/organisations/org-b${path}`, 'coord')).status, path).toBe(404);
      expect((await call('GET', `/organisations/org-b${path}`, 'b')).status, path).toBe(200);
    }
  });

  it('pages findings with filters and a cursor, as the store does, and names a bad filter', async () => {
    const expected = (await store.findings({ organisationId: 'org-a', limit: 1000 })).items.map((f) => f.finding.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call('GET', `/organisations/org-a/findings?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, 'coord');
      expect(page.status).toBe(200);
      seen.push(...page.data.items.map((f: { finding: { id: string } }) => f.finding.id));
      cursor = page.data.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual(expected);
    const open = await call('GET', '/organisations/org-a/findings?status=in_progress,not_started&sort=deadline', 'coord');
    expect(open.data.items.map((f: { finding: { id: string } }) => f.finding.id)).toEqual((await store.findings({ organisationId: 'org-a', status: ['in_progress', 'not_started'], sort: 'deadline' })).items.map((f) => f.finding.id));
    const bad = await call('GET', '/organisations/org-a/findings?status=finished&limit=0', 'coord');
    expect(bad).toMatchObject({ status: 400, data: { code: 'validation' } });
    expect(bad.data.details.issues.map((i: { path: string }) => i.path)).toEqual(['status[0]', 'limit']);
  });

  it('gives a finding with its version as ETag, its history, totals, the roll-up, reports and reminders', async () => {
    const id = world.a.findingIds[0]!;
    const finding = await call('GET', `/organisations/org-a/findings/${id}`, 'coord');
    expect(finding.status).toBe(200);
    expect(finding.headers.get('etag')).toBe(`"${finding.data.version}"`);
    expect((await call('GET', `/organisations/org-a/findings/${id}/history`, 'coord')).data).toHaveLength(finding.data.version);
    expect((await call('GET', '/organisations/org-a/findings/nope', 'coord')).status).toBe(404);
    expect((await call('GET', '/organisations/org-a/totals', 'coord')).data).toEqual(await store.totals({ organisationId: 'org-a' }));

    const everyone = await call('GET', '/rollup?asOf=2023-11-20', 'office');
    expect(everyone.data).toEqual(await store.rollup({ asOf: '2023-11-20', organisations: ['org-a', 'org-b'] }));
    expect((await call('GET', '/rollup?asOf=2023-11-20', 'coord')).data).toEqual(await store.rollup({ asOf: '2023-11-20', organisations: ['org-a'] }));
    expect((await call('GET', '/rollup?asOf=2023-11-20&organisations=org-a,org-b', 'coord')).status).toBe(404);
    expect((await call('GET', '/rollup', 'office')).data.details.issues[0].path).toBe('asOf');

    const analysis = await call('GET', '/organisations/org-a/inspections/ins-a/analysis?asOf=2023-11-20', 'coord');
    expect(analysis.data).toMatchObject({ totals: { total: 6 }, rectificationReport: null });
    // One definition of overdue: the analysis names the findings the store's overdue filter finds.
    const overdue = (await store.findings({ organisationId: 'org-a', overdueAsOf: '2023-11-20', limit: 1000 })).items.map((f) => f.finding.id).sort();
    expect(overdue.length).toBeGreaterThan(0);
    expect(analysis.data.overdue.map((o: { findingId: string }) => o.findingId).sort()).toEqual(overdue);
    expect((await call('GET', '/organisations/org-b/inspections/ins-b/analysis', 'coord')).status).toBe(404);
    const model = await call('GET', '/organisations/org-a/inspections/ins-a/report?asOf=2023-11-20', 'coord');
    expect(model.data.totals.total).toBe(6);
    const notice = await call('GET', '/organisations/org-a/inspections/ins-a/report?asOf=2023-11-20&format=notice', 'coord');
    expect(notice.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(notice.data).toContain('巡察');
    expect((await call('GET', '/organisations/org-a/inspections/ins-a/report?format=pdf', 'coord')).status).toBe(404);
    const reminders = await call('GET', '/organisations/org-a/inspections/ins-a/reminders?asOf=2023-11-20&person=org-a-resp', 'coord');
    expect(reminders.data.length).toBeGreaterThan(0);
    expect(reminders.data.every((r: { organisationId: string; personIds: string[] }) => r.organisationId === 'org-a' && r.personIds.includes('org-a-resp'))).toBe(true);
    const deadlines = await call('GET', '/organisations/org-a/inspections/ins-a/reminders?asOf=2023-11-20&kind=finding_deadline,review', 'coord');
    expect(deadlines.data.length).toBeGreaterThan(0);
    expect(new Set(deadlines.data.map((r: { kind: string }) => r.kind))).toEqual(new Set(['finding_deadline']));
    expect((await call('GET', '/organisations/org-a/inspections/ins-a/reminders?kind=deadline', 'coord')).status).toBe(400);
    const warnings = await call('GET', '/organisations/org-a/inspections/ins-a/warnings?asOf=2023-12-05', 'coord');
    expect(Object.values(warnings.data.lights).some((l) => (l as { light: string }).light === 'red')).toBe(true);
    expect(warnings.data.notices.every((n: { organisationId: string; findingId: string }) => n.organisationId === 'org-a' && warnings.data.lights[n.findingId] !== undefined)).toBe(true);
    expect((await call('GET', '/organisations/org-a/inspections/ins-a/reminders?person=nobody', 'coord')).data).toMatchObject({ status: 404, details: { kind: 'person' } });
  });

  it('applies a command as the caller, now, once per command id, and refuses by the policy, the lifecycle, the rules and If-Match', async () => {
    const id = world.a.findingIds.find((f) => world.states.a.find((s) => s.finding.id === f)?.status === 'in_progress')!;
    const before = (await call('GET', `/organisations/org-a/findings/${id}`, 'coord')).data.version as number;
    const entry = { type: 'record_progress', findingId: id, commandId: 'http-1', text: '本周完成制度修订' };
    const applied = await call('POST', '/organisations/org-a/commands', 'coord', entry, { 'if-match': `"${before}"` });
    expect(applied.status).toBe(201);
    expect(applied.data.event).toMatchObject({ actorId: 'org-a-coord', version: before + 1, type: 'progress_recorded' });
    expect(applied.data.event.at).toMatch(/^2024-01-08T\d\d:\d\d:00\+08:00$/);
    expect(applied.headers.get('etag')).toBe(`"${before + 1}"`);
    // The same command id again: the first result, nothing new.
    expect(await call('POST', '/organisations/org-a/commands', 'coord', entry)).toMatchObject({ status: 200, data: { duplicate: true } });
    // A stale If-Match: 412, naming the versions.
    expect((await call('POST', '/organisations/org-a/commands', 'coord', { ...entry, commandId: 'http-2' }, { 'if-match': `"${before}"` })).data).toMatchObject({ status: 412, details: { expectedVersion: before, actualVersion: before + 1 } });
    expect((await call('POST', '/organisations/org-a/commands', 'coord', { ...entry, commandId: 'http-3' }, { 'if-match': 'soon' })).status).toBe(400);
    // The policy: a leader in charge records no progress; nobody acts as someone else.
    expect((await call('POST', '/organisations/org-a/commands', 'leader', { ...entry, commandId: 'http-4' })).data).toMatchObject({ status: 403, code: 'permission.denied' });
    expect((await call('POST', '/organisations/org-a/commands', 'resp', { ...entry, commandId: 'http-5', actorId: 'org-a-coord' })).data).toMatchObject({ status: 403, code: 'permission.denied' });
    // The lifecycle and the rules.
    expect((await call('POST', '/organisations/org-a/commands', 'coord', { type: 'sign_off', findingId: id, commandId: 'http-6' })).data).toMatchObject({ status: 409, code: 'lifecycle.invalid_transition' });
    // Across tenants: nothing of org-b through org-a's people, and an overseer reads but does not act.
    expect((await call('POST', '/organisations/org-b/commands', 'coord', { ...entry, findingId: 'org-b-f000', commandId: 'http-7' })).status).toBe(404);
    expect((await call('POST', '/organisations/org-b/commands', 'office', { ...entry, findingId: 'org-b-f000', commandId: 'http-8' })).data).toMatchObject({ status: 403 });
    expect((await call('POST', '/organisations/org-b/commands', 'shared', { ...entry, findingId: 'org-b-f000', commandId: 'http-9' })).data).toMatchObject({ status: 403, code: 'permission.denied' });
    // Bodies: too large, not JSON, not an object, a malformed command.
    expect((await call('POST', '/organisations/org-a/commands', 'coord', { ...entry, commandId: 'http-10', text: '长'.repeat(10_000) })).data).toMatchObject({ status: 413, code: 'http.too_large' });
    expect((await call('POST', '/organisations/org-a/commands', 'coord', 'text=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('POST', '/organisations/org-a/commands', 'coord', '{"type":', {})).data).toMatchObject({ status: 400, code: 'http.bad_request' });
    expect((await call('POST', '/organisations/org-a/commands', 'coord', [1, 2])).status).toBe(400);
    expect((await call('POST', '/organisations/org-a/commands', 'coord', { type: 'record_progress', findingId: id })).data).toMatchObject({ status: 400, code: 'validation' });
    expect((await store.history({ organisationId: 'org-a' }, id)).length).toBe(before + 1);
  });

  it('takes a new finding from its creation to 销号 with a file attached, by requests alone', async () => {
    const scan = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256);
    const sha256 = createHash('sha256').update(scan).digest('hex');
    // Only those who record the work store files; a file past the limit is refused before it is read whole.
    expect((await call('POST', '/organisations/org-a/files', 'leader', scan)).status).toBe(403);
    expect((await call('POST', '/organisations/org-a/files', 'resp', new Uint8Array(40 * 1024))).data).toMatchObject({ status: 413 });
    expect((await call('POST', '/organisations/org-a/files', 'b', scan)).status).toBe(404);
    expect((await call('POST', '/organisations/org-a/files', 'resp', scan)).data).toEqual({ sha256, size: 5000 });

    const f = 'org-a-http';
    const post = async (token: string, command: Record<string, unknown>) => {
      const r = await call('POST', '/organisations/org-a/commands', token, { findingId: f, ...command });
      expect(r.status, JSON.stringify(r.data)).toBe(201);
      return r.data.state as { status: string };
    };
    await post('coord', { type: 'create', finding: { inspectionId: 'ins-a', ordinal: 99, title: '财务档案资料管理不规范' }, measures: [{ id: 'm1', ordinal: 1, text: '一是建立制度' }] });
    await post('coord', { type: 'assign', assignment: { responsibleLeaderId: 'org-a-leader', leadUnitId: 'u-law', responsiblePersonId: 'org-a-resp', deadline: '2024-03-31' } });
    await post('resp', { type: 'record_progress', text: '印发制度', evidence: [{ kind: 'document', title: '财务档案管理办法', issuedOn: '2024-01-08' }] });
    // A file named as evidence that the organisation does not hold is refused, naming where.
    const missing = await call('POST', '/organisations/org-a/commands', 'resp', { findingId: f, type: 'complete_measure', measureId: 'm1', evidence: [fileEvidence('缺失.pdf', new Uint8Array([9]))] });
    expect(missing.data).toMatchObject({ status: 400, details: { issues: [{ path: 'evidence[0].sha256' }] } });
    await post('resp', { type: 'complete_measure', measureId: 'm1', evidence: [{ ...fileEvidence('整改报告.pdf', scan) }] });
    await post('resp', { type: 'complete' });
    await post('resp', { type: 'request_signoff' });
    // The final review before the preliminary one: a rule, 422, each unmet rule named.
    const early = await call('POST', '/organisations/org-a/commands', 'principal', { findingId: f, type: 'approve', stage: 'final' });
    expect(early.data).toMatchObject({ status: 422, code: 'rule.unmet' });
    await post('leader', { type: 'approve', stage: 'preliminary' });
    await post('principal', { type: 'approve', stage: 'final' });
    expect((await post('coord', { type: 'sign_off' })).status).toBe('signed_off');

    const files = await call('GET', '/organisations/org-a/files', 'coord');
    expect(files.data).toEqual([{ sha256, size: 5000, namedBy: [{ findingId: f, version: 4, name: '整改报告.pdf' }] }]);
    const back = await call('GET', `/organisations/org-a/files/${sha256}`, 'leader');
    expect(back.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.compare(back.data, scan)).toBe(0);
    expect((await call('GET', `/organisations/org-b/files/${sha256}`, 'b')).status).toBe(404);
    expect((await call('GET', '/organisations/org-a/files/not-a-hash', 'coord')).status).toBe(400);
    expect(errors).toEqual([]);
  });

  it('has a status for every error code the packages raise, none left to the 500 of an unknown code', () => {
    const root = join(import.meta.dirname, '..', '..');
    const codes = new Set<string>();
    for (const dir of readdirSync(root)) {
      const src = join(root, dir, 'src');
      if (!existsSync(src)) continue;
      for (const file of readdirSync(src, { recursive: true }) as string[]) {
        if (!file.endsWith('.ts')) continue;
        const text = readFileSync(join(src, file), 'utf8');
        for (const m of text.matchAll(/(?:super|new RectifyError)\(\s*'([a-z_.]+)'/g)) codes.add(m[1]!);
      }
    }
    expect(codes.size).toBeGreaterThan(10);
    const unmapped = [...codes].filter((code) => HTTP_STATUS[code] === undefined && HTTP_STATUS[code.split('.')[0]!] === undefined);
    expect(unmapped).toEqual([]);
    expect([...codes].filter((c) => !c.startsWith('storage')).map((c) => [c, statusOf(c)]).filter(([, s]) => (s as number) >= 500 && (s as number) !== 501)).toEqual([]);
  });
});

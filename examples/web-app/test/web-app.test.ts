import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { account, createApp } from '../src/app.js';

describe('the web app guide: Hono, its own login, rectify under /api', () => {
  let store: Store;
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    store = await openStore(sqliteDriver({ filename: join(mkdtempSync(join(tmpdir(), 'rectify-web-')), 'rectify.db') }));
    await store.saveOrganisation({ id: 'xq', name: '潮州市湘桥区司法局党组', units: [{ id: 'u-law', name: '法治股' }] });
    await store.savePeople('xq', [
      { id: 'clerk', name: '政工室', organisationId: 'xq', roles: ['coordinator'] },
      { id: 'li', name: '李振华', organisationId: 'xq', unitId: 'u-law', roles: ['responsible_person'] },
      { id: 'lin', name: '林文斌', organisationId: 'xq', roles: ['leader_in_charge'] },
    ]);
    await store.saveInspection({ id: 'xc-2023', kind: 'xuncha', title: '区委第一巡察组巡察', inspector: { name: '区委第一巡察组' }, subjectOrganisationId: 'xq' });
    const app = createApp(store, [account('clerk', 'clerk-pass'), account('li', 'li-pass'), account('lin', 'lin-pass')]);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  const login = async (personId: string, password: string) => {
    const res = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId, password }) });
    return { status: res.status, token: ((await res.json()) as { token?: string }).token };
  };
  const api = async (token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, etag: res.headers.get('etag'), data: (await res.json()) as any };
  };

  it('signs people in with the app\'s own accounts and lets rectify decide what each may do', async () => {
    expect((await login('clerk', 'wrong')).status).toBe(401);
    const clerk = (await login('clerk', 'clerk-pass')).token!;
    const li = (await login('li', 'li-pass')).token!;
    expect((await api(undefined, 'GET', '/organisations')).status).toBe(401);
    expect((await api(clerk, 'GET', '/organisations')).data.map((o: { id: string }) => o.id)).toEqual(['xq']);

    const created = await api(clerk, 'POST', '/organisations/xq/commands', {
      type: 'create', findingId: 'f1', finding: { inspectionId: 'xc-2023', ordinal: 1, title: '财务档案资料管理不规范' }, measures: [{ id: 'm1', ordinal: 1, text: '建立档案管理制度' }],
    });
    expect(created.status).toBe(201);
    // The responsible person may not assign: the core's policy, through the API.
    const assignment = { type: 'assign', findingId: 'f1', assignment: { responsibleLeaderId: 'lin', leadUnitId: 'u-law', responsiblePersonId: 'li', deadline: '2027-03-31' } };
    expect((await api(li, 'POST', '/organisations/xq/commands', assignment)).status).toBe(403);
    const assigned = await api(clerk, 'POST', '/organisations/xq/commands', assignment, { 'if-match': created.etag! });
    expect(assigned).toMatchObject({ status: 201, etag: '"2"' });
    // Someone who read version 1 and writes now is told the finding changed.
    expect((await api(li, 'POST', '/organisations/xq/commands', { type: 'record_progress', findingId: 'f1', text: '已起草制度' }, { 'if-match': created.etag! })).status).toBe(412);
    expect((await api(li, 'POST', '/organisations/xq/commands', { type: 'record_progress', findingId: 'f1', text: '已起草制度' }, { 'if-match': '"2"' })).status).toBe(201);

    const page = await api(li, 'GET', '/organisations/xq/findings?status=in_progress');
    expect(page.data.items.map((f: { finding: { id: string }; progress: unknown[] }) => [f.finding.id, f.progress.length])).toEqual([['f1', 1]]);
    const notice = await fetch(`${base}/api/organisations/xq/inspections/xc-2023/report?format=notice`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(await notice.text()).toContain('财务档案资料管理不规范');
    expect((await api(undefined, 'GET', '/openapi.json')).data.info.description).toContain('json, notice');
  });
});

import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run, type Running } from '../src/index.js';
import { io, say } from './in-process.js';

const SEED = join(import.meta.dirname, '..', '..', '..', 'examples', 'xiangqiao', 'data', 'seed-notice.txt');
const NOW = '2024-05-06T01:00:00Z';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('rectify serve --users [--write]: the JSON API for the people of a file', () => {
  it('reads for those people, takes commands only with --write, each as the person whose token it carries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-serve-api-'));
    copyFileSync(SEED, join(dir, '通报.txt'));
    for (const args of [
      ['import', '通报.txt', '--org', 'xq'], ['units', 'add', '--id', 'u-law', '--name', '法治股'],
      ['people', 'add', '--id', 'p-lin', '--name', '林文斌', '--role', '分管领导'],
      ['people', 'add', '--id', 'p-li', '--name', '李振华', '--role', '责任人', '--unit', 'u-law'],
      ['people', 'add', '--id', 'p-wang', '--name', '王书记', '--role', '主要领导'],
    ]) expect((await say(dir, args, NOW)).code, args.join(' ')).toBe(EXIT.ok);
    const tokens = { importer: 'tok-importer-0f3a9c', 'p-li': 'tok-li-77e1b2', 'p-lin': 'tok-lin-5d0c4e', 'p-wang': 'tok-wang-a81f36' };
    writeFileSync(join(dir, 'users.json'), JSON.stringify(Object.entries(tokens).map(([personId, token]) => ({ personId, tokenSha256: sha(token) }))));
    writeFileSync(join(dir, 'bad-users.json'), JSON.stringify([{ personId: 'p-li', tokenSha256: 'tok-li-77e1b2' }]));

    const serve = async (extra: string[]) => {
      const out = io(dir, NOW);
      const server = (await run(['serve', '--port', '0', ...extra], out, {})) as Running;
      const port = Number(/:(\d+)\//.exec(out.lines.find((l) => l.startsWith('api:'))!)![1]);
      const call = async (method: string, path: string, person?: keyof typeof tokens, body?: unknown) => {
        const headers: Record<string, string> = person ? { authorization: `Bearer ${tokens[person]}` } : {};
        if (body !== undefined && !(body instanceof Uint8Array)) headers['content-type'] = 'application/json';
        const res = await fetch(`http://127.0.0.1:${port}/api${path}`, { method, headers, ...(body === undefined ? {} : { body: body instanceof Uint8Array ? body : JSON.stringify(body) }) });
        return { status: res.status, data: ((res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text()) as any };
      };
      return { server, call, out };
    };

    // A users file with a token where its hash belongs is refused, naming the place; --write alone too.
    const bad = io(dir, NOW);
    expect(await run(['serve', '--port', '0', '--users', 'bad-users.json'], bad, {})).toBe(EXIT.badInput);
    expect(bad.errors.join('\n')).toContain('[0].tokenSha256');
    expect(await run(['serve', '--port', '0', '--write'], io(dir, NOW), {})).toBe(EXIT.badInput);

    const readOnly = await serve(['--users', 'users.json']);
    try {
      expect(readOnly.out.lines.find((l) => l.startsWith('api:'))).toMatch(/^api: http:\/\/127\.0\.0\.1:\d+\/api\/openapi\.json \(read-only\)$/);
      expect((await readOnly.call('GET', '/organisations')).status).toBe(401);
      expect((await readOnly.call('GET', '/organisations', 'p-li')).data.map((o: { id: string }) => o.id)).toEqual(['xq']);
      expect((await readOnly.call('GET', '/openapi.json')).data.openapi).toBe('3.1.0');
      // rectify report's formats, loaded when first asked for.
      const notice = await readOnly.call('GET', '/organisations/xq/inspections/notice/report?format=notice&asOf=2024-05-06', 'p-li');
      expect(notice.status).toBe(200);
      expect(notice.data).toContain('学习贯彻习近平法治思想不够深入');
      const refused = await readOnly.call('POST', '/organisations/xq/commands', 'importer', { type: 'assign', findingId: 'n1' });
      expect(refused).toMatchObject({ status: 405, data: { code: 'http.method_not_allowed' } });
    } finally {
      await readOnly.server.stop();
    }

    const writable = await serve(['--users', 'users.json', '--write']);
    try {
      const post = async (person: keyof typeof tokens, command: Record<string, unknown>) => {
        const r = await writable.call('POST', '/organisations/xq/commands', person, { findingId: 'n1', ...command });
        expect(r.status, JSON.stringify(r.data)).toBe(201);
        expect(r.data.event.actorId).toBe(person);
        return r.data.state.status as string;
      };
      await post('importer', { type: 'assign', assignment: { responsibleLeaderId: 'p-lin', leadUnitId: 'u-law', responsiblePersonId: 'p-li', deadline: '2024-06-30' } });
      const report = new TextEncoder().encode('%PDF-1.4 整改报告');
      const stored = await writable.call('POST', '/organisations/xq/files', 'p-li', report);
      expect(stored).toMatchObject({ status: 201, data: { size: report.length } });
      const file = { kind: 'file', name: '整改报告.pdf', mediaType: 'application/pdf', sha256: stored.data.sha256, size: report.length };
      await post('p-li', { type: 'start' });
      for (const measureId of ['m1', 'm2', 'm3']) await post('p-li', { type: 'complete_measure', measureId, evidence: [file] });
      await post('p-li', { type: 'complete' });
      await post('p-li', { type: 'request_signoff' });
      // The principal leader may not give the preliminary review: the policy decides, over HTTP as anywhere.
      expect((await writable.call('POST', '/organisations/xq/commands', 'p-wang', { findingId: 'n1', type: 'approve', stage: 'preliminary' })).status).toBe(403);
      await post('p-lin', { type: 'approve', stage: 'preliminary' });
      await post('p-wang', { type: 'approve', stage: 'final' });
      expect(await post('importer', { type: 'sign_off' })).toBe('signed_off');
    } finally {
      await writable.server.stop();
    }
    // What went in over HTTP is in the store: the history verifies, the file with it.
    const verified = await say(dir, ['verify'], NOW);
    expect(verified.code).toBe(EXIT.ok);
    expect(verified.out).toContain('1 个佐证附件');
    expect(JSON.parse((await say(dir, ['status', '--json'], NOW)).out).totals.byStatus.signed_off).toBe(1);
  });
});

import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyWebhook } from '@rectify/notify';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/index.js';
import { say as sayAt } from './in-process.js';

const SEED = join(import.meta.dirname, '..', '..', '..', 'examples', 'xiangqiao', 'data', 'seed-notice.txt');

/** A real webhook receiver on a free port: answers `status()` and keeps each body with its headers. */
async function receiver(status: () => number) {
  const got: { body: string; timestamp: string; signature: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      got.push({ body, timestamp: String(req.headers['x-rectify-timestamp']), signature: String(req.headers['x-rectify-signature']) });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('rectify notify', () => {
  it('prints the day’s lights and who is told, sends them once through the channels of a file, and exits 3 when a delivery fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-notify-cli-'));
    copyFileSync(SEED, join(dir, '通报.txt'));
    const now = '2024-05-21T00:30:00Z'; // 08:30 in China, 21 May 2024, a Tuesday
    const say = (...args: string[]) => sayAt(dir, args, now);
    const ok = async (...args: string[]) => {
      const r = await say(...args);
      expect(r.code, `${args.join(' ')}\n${r.text}`).toBe(EXIT.ok);
      return r;
    };
    await sayAt(dir, ['import', '通报.txt', '--org', 'xq'], '2024-05-06T01:00:00Z');
    await ok('units', 'add', '--id', 'u-law', '--name', '法治股');
    await ok('people', 'add', '--id', 'p-lin', '--name', '林文斌', '--role', '分管领导');
    await ok('people', 'add', '--id', 'p-li', '--name', '李振华', '--role', 'responsible_person', '--unit', 'u-law');
    await ok('people', 'add', '--id', 'p-wang', '--name', '王书记', '--role', '主要领导');
    const assign = (finding: string, deadline: string) => sayAt(dir, ['apply', 'assign', '--finding', finding, '--as', 'importer', '--leader', 'p-lin', '--unit', 'u-law', '--person', 'p-li', '--deadline', deadline], '2024-05-07T01:00:00Z');
    for (const [f, d] of [['n1', '2024-05-20'], ['n2', '2024-05-30'], ['n3', '2024-06-14'], ['n4', '2024-09-30']] as const) expect((await assign(f, d)).code).toBe(EXIT.ok);

    // A dry run: the lights and each person told, nothing written. The ledger has not been
    // updated since the assignment two weeks ago, so the default policy raises every light
    // that is on a step (n4, due in September, has none to raise).
    const dry = await ok('notify', '--calendar', 'cn');
    const stale = '；台账未按周更新';
    expect(dry.out.split('\n')).toEqual([
      '潮州市湘桥区司法局党组关于巡察集中整改进展情况的通报 · 预警 · 2024年5月21日 · 亮灯 红灯 2 黄灯 1 绿灯 0',
      ...['李振华', '林文斌', '王书记'].map((p) => `红灯 · ${p} · 【红灯预警】“学习贯彻习近平法治思想不够深入”已逾期1天${stale}`),
      ...['李振华', '林文斌', '王书记'].map((p) => `红灯 · ${p} · 【红灯预警】“未能严格执行理论学习“第一议题”制度”距整改时限还有9天（7个工作日）${stale}`),
      ...['李振华', '林文斌'].map((p) => `黄灯 · ${p} · 【黄灯预警】“法治政府建设牵头抓总作用发挥不充分”距整改时限还有24天（17个工作日）${stale}`),
    ]);
    // The seed names no inspection office (纪委、巡察办): said, not silently dropped.
    expect(dry.err).toBe('n1 红灯: inspection_office 无人可通知\nn2 红灯: inspection_office 无人可通知');
    // With a policy of the deadline alone, n2 is yellow 9 days before it.
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ tiers: [{ light: 'yellow', workingDaysBefore: 10, notify: ['responsible_person'] }, { light: 'red', notify: ['responsible_person'] }], raise: { staleLedger: false, missedMonthlyReport: false, relapse: false } }));
    expect((await ok('notify', '--calendar', 'cn', '--policy', 'policy.json')).out.split('\n').slice(1)).toEqual([
      '红灯 · 李振华 · 【红灯预警】“学习贯彻习近平法治思想不够深入”已逾期1天',
      '黄灯 · 李振华 · 【黄灯预警】“未能严格执行理论学习“第一议题”制度”距整改时限还有9天（7个工作日）',
    ]);
    writeFileSync(join(dir, 'bad-policy.json'), JSON.stringify({ tiers: [{ light: 'red', notify: ['everyone'] }] }));
    const bad = await say('notify', '--policy', 'bad-policy.json');
    expect([bad.code, bad.err]).toEqual([EXIT.badInput, expect.stringContaining('tiers[0].notify[0]')]);
    const json = JSON.parse((await ok('notify', '--calendar', 'cn', '--json', '--lang', 'en')).out);
    expect(json.lights).toEqual({ green: 0, yellow: 1, red: 2 });
    expect(json.notices[0]).toMatchObject({ findingId: 'n1', light: 'red', personId: 'p-li', as: ['responsible_person', 'lead_unit'], daysLeft: -1, channels: [] });

    // --send: recorded once, delivered once, however often the cron runs it.
    let status = 200;
    const hook = await receiver(() => status);
    try {
      const secret = 'the-secret-of-this-office-webhook';
      writeFileSync(join(dir, 'channels.json'), JSON.stringify({ channels: [{ type: 'webhook', url: hook.url, secret: { env: 'NOPE_NOT_SET' } }] }));
      const unset = await say('notify', '--send', '--channels', 'channels.json');
      expect([unset.code, unset.err]).toEqual([EXIT.badInput, '--channels channels.json: channels[0].secret: the environment variable NOPE_NOT_SET is not set']);
      writeFileSync(join(dir, 'channels.json'), JSON.stringify({ channels: [{ type: 'webhook', url: hook.url, secret }] }));
      const sent = await ok('notify', '--calendar', 'cn', '--send', '--channels', 'channels.json');
      expect(sent.out.split('\n').at(-1)).toBe('新记入发件箱 8 · 已在发件箱 0 · 已发送 8 · 发送失败，待重试 0 · 发送失败，不再重试 0');
      expect(hook.got).toHaveLength(8);
      expect(hook.got.every((g) => verifyWebhook({ secret, ...g, now: Date.parse(now) }))).toBe(true);
      const again = await ok('notify', '--calendar', 'cn', '--send', '--channels', 'channels.json');
      expect(again.out.split('\n').at(-1)).toBe('新记入发件箱 0 · 已在发件箱 8 · 已发送 0 · 发送失败，待重试 0 · 发送失败，不再重试 0');
      expect(hook.got).toHaveLength(8);

      // A week later n1's red is in its next period: new notices, and a receiver that fails makes exit 3.
      status = 503;
      const failing = await sayAt(dir, ['notify', '--calendar', 'cn', '--send', '--channels', 'channels.json', '--as-of', '2024-05-28'], '2024-05-28T00:30:00Z');
      expect(failing.code).toBe(EXIT.store);
      expect(failing.err).toContain('answered 503');
      expect(failing.err).toContain('notices could not be delivered: they stay in the outbox');
    } finally {
      await hook.close();
    }
    // --all: every organisation's inspections, for a supervising office's cron.
    copyFileSync(SEED, join(dir, '另一单位通报.txt'));
    expect((await sayAt(dir, ['import', '另一单位通报.txt', '--org', 'other'], '2024-05-06T01:00:00Z')).code).toBe(EXIT.ok);
    const all = JSON.parse((await ok('notify', '--all', '--json', '--calendar', 'cn')).out);
    expect(all.inspections.map((i: { scope: { organisationId: string }; lights: object }) => [i.scope.organisationId, i.lights])).toEqual([
      ['other', { green: 0, yellow: 0, red: 0 }],
      ['xq', { green: 0, yellow: 1, red: 2 }],
    ]);
    // With --send, each organisation's outbox is delivered once, after all its inspections (xq's
    // failed entries wait for their back-off: nothing is due to go now).
    const sent = await say('notify', '--all', '--json', '--calendar', 'cn', '--send', '--channels', 'channels.json');
    expect(sent.code, sent.err).toBe(EXIT.ok);
    const output = JSON.parse(sent.out) as { inspections: { alreadyQueued: number }[]; deliveries: { organisationId: string; sent: number; failed: unknown[] }[] };
    expect(output.deliveries.map((d) => [d.organisationId, d.sent, d.failed.length])).toEqual([['other', 0, 0], ['xq', 0, 0]]);
    expect(output.inspections.map((i) => i.alreadyQueued)).toEqual([0, 8]);
    expect((await say('notify', '--all', '--org', 'xq')).code).toBe(EXIT.badInput);
    expect((await say('notify', '--send', '--dry-run')).code).toBe(EXIT.badInput);
    expect((await say('notify', '--send')).err).toContain('--send needs --channels FILE');
  });
});

import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCalendarDays, DEFAULT_ESCALATION_POLICY, openStore, parseEscalationPolicy, type FindingState, type Store } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { buildWorld } from '@rectify/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { channelsFromConfig, deliverOutbox, deliveryDigest, dingtalkChannel, onlyRoles, queueWarnings, smtpChannel, verifyWebhook, webhookChannel, wecomChannel, WEBHOOK_HEADERS } from '../src/index.js';
import { httpReceiver, smtpReceiver } from './servers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A SQLite file with the kit's world: two organisations, 24 findings each over the whole lifecycle. */
async function worldStore(): Promise<{ store: Store; states: FindingState[]; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-notify-'));
  const file = join(dir, 'store.db');
  const store = await openStore(sqliteDriver(file));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close());
  const world = await buildWorld(store);
  return { store, states: world.states.a, file };
}

// The deadline alone decides, every day a working day: the expected count below is plain date arithmetic.
const policy = parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, raise: { staleLedger: false, missedMonthlyReport: false, relapse: false } });
const ORG = 'org-a';
const addresses = { 'org-a-resp': 'resp@example.org', 'org-a-leader': 'leader@example.org', 'org-a-principal': 'shuji@example.org', 'org-a-coord': 'zgb@example.org' };
const decode = (deliveryId: string) => {
  const [noticeKey, channel] = JSON.parse(deliveryId) as [string, string];
  const [, findingId, light, personId, deadline, repetition] = JSON.parse(noticeKey) as string[];
  return { findingId, light, personId, deadline, repetition, channel };
};

describe('warnings delivered over 90 days', () => {
  it('sends exactly the notices the policy gives, per tier and recipient, through a real SMTP server and a webhook', async () => {
    const { store, states } = await worldStore();
    const smtp = await smtpReceiver();
    const hook = await httpReceiver(() => ({ status: 204, body: '' }));
    cleanups.push(smtp.close, hook.close);
    const secret = 'a-webhook-secret-of-some-length';
    const channels = [
      smtpChannel({ host: '127.0.0.1', port: smtp.port, from: '整改办 <zgb@example.org>', addresses }),
      webhookChannel({ url: `${hook.url}/hooks/rectify`, secret, accepts: onlyRoles(['responsible_person']) }),
    ];
    cleanups.push(() => channels[0]!.close?.());
    const first = '2023-10-01';
    const last = '2023-12-29';
    for (let day = first; day <= last; day = addCalendarDays(day, 1)) {
      await queueWarnings(store, { organisationId: ORG, asOf: day, now: `${day}T08:00:00+08:00`, channels, policy });
      const report = await deliverOutbox(store, { organisationId: ORG, channels, now: () => new Date(`${day}T08:05:00+08:00`) });
      expect(report.failed.concat(report.dead)).toEqual([]);
    }

    // What the policy gives, by plain date arithmetic: each open finding's responsible person
    // once at green (20 days before), with the leader once at yellow (10 before), and from the day
    // after the deadline the responsible person, the leader, the principal leader and the people of
    // the lead unit once every 5 days (the world has no inspection office to tell).
    const expected = new Map<string, number>();
    const add = (light: string, person: string, n = 1) => expected.set(`${light} ${person}`, (expected.get(`${light} ${person}`) ?? 0) + n);
    const lead = { 'u-law': ['org-a-resp'], 'u-office': ['org-a-coord'], 'u-fin': [] } as Record<string, string[]>;
    for (const f of states) {
      if (!['not_started', 'in_progress', 'reopened'].includes(f.status) || f.assignment === undefined) continue;
      const d = f.assignment.deadline;
      const dayNo = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
      if (dayNo(d) - 20 <= dayNo(last)) add('green', 'org-a-resp');
      if (dayNo(d) - 10 <= dayNo(last)) for (const p of ['org-a-resp', 'org-a-leader']) add('yellow', p);
      const redFrom = dayNo(d) + 1;
      if (redFrom <= dayNo(last)) {
        const periods = Math.floor((dayNo(last) - redFrom) / 5) + 1;
        for (const p of new Set(['org-a-resp', 'org-a-leader', 'org-a-principal', ...lead[f.assignment.leadUnitId]!])) add('red', p, periods);
      }
    }
    const byAddress = Object.fromEntries(Object.entries(addresses).map(([id, a]) => [a, id]));
    const outbox = await store.outbox(ORG);
    const byDigest = new Map(outbox.map((e) => [deliveryDigest(e.id), e.id]));
    const mailed = new Map<string, number>();
    for (const m of smtp.mails) {
      const to = Array.isArray(m.to) ? m.to[0]! : m.to!;
      const n = decode(byDigest.get(String(m.headers.get('x-rectify-delivery')))!);
      expect(m.messageId).toBe(`<${deliveryDigest(JSON.stringify([JSON.parse(byDigest.get(String(m.headers.get('x-rectify-delivery')))!)[0], 'email']))}@example.org>`);
      expect(byAddress[to.value[0]!.address!]).toBe(n.personId);
      mailed.set(`${n.light} ${n.personId}`, (mailed.get(`${n.light} ${n.personId}`) ?? 0) + 1);
    }
    expect(Object.fromEntries([...mailed].sort())).toEqual(Object.fromEntries([...expected].sort()));
    expect(expected.get('red org-a-principal')).toBeGreaterThan(10); // the world does hold overdue findings
    // Each mail once: no two with the same delivery id or Message-ID.
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(smtp.mails.length);
    const first_ = smtp.mails.find((m) => m.subject?.startsWith('【红灯预警】'))!;
    expect(first_.text).toContain('整改时限：');

    // The webhook: the responsible person's notices, each signed and once.
    const hooked = hook.received.map((r) => JSON.parse(r.body) as { id: string; notice: { light: string; personId: string } });
    const forResp = [...expected].filter(([k]) => k.endsWith(' org-a-resp')).reduce((n, [, v]) => n + v, 0);
    expect(hooked.length).toBe(forResp);
    expect(new Set(hooked.map((h) => h.id)).size).toBe(hooked.length);
    for (const r of hook.received) {
      expect(r.url).toBe('/hooks/rectify');
      expect(verifyWebhook({ secret, body: r.body, timestamp: r.headers[WEBHOOK_HEADERS.timestamp] as string, signature: r.headers[WEBHOOK_HEADERS.signature] as string })).toBe(true);
      expect(r.headers[WEBHOOK_HEADERS.delivery]).toBe(deliveryDigest((JSON.parse(r.body) as { id: string }).id));
    }
    expect(outbox.every((e) => e.status === 'sent' && e.attempts === 1)).toBe(true);
    expect(outbox.length).toBe(smtp.mails.length + hook.received.length);
  }, 180_000);
});

describe('a webhook', () => {
  it('that fails 3 times and then succeeds is delivered once, after the back-off, its failures recorded', async () => {
    const { store } = await worldStore();
    let calls = 0;
    const hook = await httpReceiver(() => (++calls <= 3 ? { status: 503, body: 'busy' } : { status: 200, body: 'ok' }));
    cleanups.push(hook.close);
    const channel = webhookChannel({ url: hook.url, secret: 'a-webhook-secret-of-some-length', accepts: (n) => n.personId === 'org-a-principal' && n.findingId === 'org-a-f000' });
    await queueWarnings(store, { organisationId: ORG, asOf: '2023-12-05', now: '2023-12-05T08:00:00+08:00', channels: [channel], policy });
    expect((await store.outbox(ORG)).length).toBe(1);
    let clock = Date.parse('2023-12-05T09:00:00+08:00');
    const run = () => deliverOutbox(store, { organisationId: ORG, channels: [channel], now: () => new Date(clock) });
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await run();
      statuses.push([...r.sent, ...r.failed, ...r.dead].map((e) => `${e.status}#${e.attempts}`).join(',') || '-');
      clock += 61_000; // one minute on: the first back-off is over, the second (2 min) not yet
    }
    expect(statuses).toEqual(['failed#1', 'failed#2', '-', 'failed#3', '-', '-']);
    clock += 4 * 60_000;
    expect((await run()).sent.map((e) => e.attempts)).toEqual([4]);
    expect(calls).toBe(4);
    expect(hook.received.filter((r) => r.headers[WEBHOOK_HEADERS.delivery] === hook.received[0]!.headers[WEBHOOK_HEADERS.delivery])).toHaveLength(4);
    const [entry] = await store.outbox(ORG);
    expect(entry).toMatchObject({ status: 'sent', attempts: 4, lastError: expect.stringContaining('answered 503: busy') });
    expect((await run()).sent).toEqual([]);
  });

  it('that answers 410 is given up at once, and a receiver refuses a forged, changed or replayed delivery', async () => {
    const { store } = await worldStore();
    const hook = await httpReceiver(() => ({ status: 410, body: 'gone' }));
    cleanups.push(hook.close);
    const secret = 'a-webhook-secret-of-some-length';
    const channel = webhookChannel({ url: hook.url, secret, accepts: (n) => n.findingId === 'org-a-f000' && n.personId === 'org-a-resp', now: () => Date.parse('2023-12-05T09:00:00+08:00') });
    await queueWarnings(store, { organisationId: ORG, asOf: '2023-12-05', now: '2023-12-05T08:00:00+08:00', channels: [channel], policy });
    const r = await deliverOutbox(store, { organisationId: ORG, channels: [channel], now: () => new Date('2023-12-05T09:00:00+08:00') });
    expect(r.dead.map((e) => e.lastError)).toEqual([expect.stringContaining('answered 410')]);
    const { body, headers } = hook.received[0]!;
    const check = (o: Partial<Parameters<typeof verifyWebhook>[0]>) =>
      verifyWebhook({ secret, body, timestamp: headers[WEBHOOK_HEADERS.timestamp] as string, signature: headers[WEBHOOK_HEADERS.signature] as string, now: Date.parse('2023-12-05T09:01:00+08:00'), ...o });
    expect(check({})).toBe(true);
    expect(check({ secret: 'another-secret-of-some-length' })).toBe(false);
    expect(check({ body: body.replace('org-a-resp', 'org-a-leader') })).toBe(false);
    expect(check({ now: Date.parse('2023-12-05T09:10:00+08:00') })).toBe(false); // a replay ten minutes later
    expect(check({ signature: null })).toBe(false);
  });
});

describe('the group robots', () => {
  it('post 企业微信 and 钉钉 messages in their formats, 钉钉 signed, and count an errcode as a failure', async () => {
    const { store } = await worldStore();
    const now = Date.parse('2023-12-05T09:00:00+08:00');
    const dingSecret = 'SEC0123456789abcdef';
    let refuse = true;
    const wecom = await httpReceiver(() => ({ status: 200, body: refuse ? '{"errcode":45009,"errmsg":"api freq out of limit"}' : '{"errcode":0,"errmsg":"ok"}' }));
    const ding = await httpReceiver(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
    cleanups.push(wecom.close, ding.close);
    const mine = (n: { findingId: string; personId: string }) => n.findingId === 'org-a-f000' && n.personId === 'org-a-resp';
    const channels = [
      wecomChannel({ url: `${wecom.url}/cgi-bin/webhook/send?key=abc`, accepts: mine }),
      wecomChannel({ name: 'wecom-text', url: `${wecom.url}/cgi-bin/webhook/send?key=abc`, format: 'text', mentionOf: (p) => `wx-${p.id}`, accepts: mine }),
      dingtalkChannel({ url: `${ding.url}/robot/send?access_token=tok`, secret: dingSecret, mentionOf: (p) => `dd-${p.id}`, now: () => now, accepts: mine }),
    ];
    await queueWarnings(store, { organisationId: ORG, asOf: '2023-12-05', now: '2023-12-05T08:00:00+08:00', channels, policy });
    const first = await deliverOutbox(store, { organisationId: ORG, channels, now: () => new Date(now) });
    expect(first.failed.map((e) => [e.channel, e.lastError])).toEqual([
      ['wecom', expect.stringContaining('errcode 45009')],
      ['wecom-text', expect.stringContaining('errcode 45009')],
    ]);
    refuse = false;
    const second = await deliverOutbox(store, { organisationId: ORG, channels, now: () => new Date(now + 120_000) });
    expect(second.sent.map((e) => e.channel).sort()).toEqual(['wecom', 'wecom-text']);

    const [markdown, text] = wecom.received.map((r) => JSON.parse(r.body) as Record<string, { content: string; mentioned_list?: string[] }>);
    expect(markdown).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringMatching(/^\*\*【红灯预警】/) } });
    expect(markdown!.markdown!.content).toContain('> 1. 一是建立制度');
    expect(text).toMatchObject({ msgtype: 'text', text: { mentioned_list: ['wx-org-a-resp'] } });
    expect(text!.text!.content).toContain('责任人同志：');

    const [post] = ding.received;
    const url = new URL(post!.url, ding.url);
    expect(url.searchParams.get('access_token')).toBe('tok');
    expect(url.searchParams.get('timestamp')).toBe(String(now));
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', dingSecret).update(`${now}\n${dingSecret}`).digest('base64'));
    const body = JSON.parse(post!.body) as { msgtype: string; markdown: { title: string; text: string }; at: { atUserIds: string[] } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toMatch(/^【红灯预警】/);
    expect(body.markdown.text).toContain('@dd-org-a-resp');
    expect(body.at.atUserIds).toEqual(['dd-org-a-resp']);
  });

  it('are built from a configuration file, secrets from the environment, a wrong field named', () => {
    const channels = channelsFromConfig(
      { channels: [{ type: 'smtp', host: 'smtp.example.org', port: 25, from: 'zgb@example.org', addresses: { 'p-1': 'p1@example.org' } }, { type: 'wecom', url: { env: 'WECOM_URL' } }, { type: 'webhook', name: 'oa', url: 'https://oa.example.org/hook', secret: { env: 'HOOK_SECRET' } }] },
      { env: { WECOM_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', HOOK_SECRET: 'a-webhook-secret-of-some-length' } },
    );
    expect(channels.map((c) => c.name)).toEqual(['email', 'wecom', 'oa']);
    const notice = { personId: 'p-1', as: ['leader_in_charge'] } as never;
    expect(channels.map((c) => c.accepts?.(notice) ?? true)).toEqual([true, false, true]); // the robot takes only the responsible person's
    expect(() => channelsFromConfig({ channels: [{ type: 'wecom', url: { env: 'NOPE' } }] }, { env: {} })).toThrow('channels[0].url: the environment variable NOPE is not set');
    expect(() => channelsFromConfig({ channels: [{ type: 'webhook', url: 'not a url', secret: 'short' }] }, { env: {} })).toThrow(/channels\[0\]\.url[\s\S]*channels\[0\]\.secret/);
  });
});

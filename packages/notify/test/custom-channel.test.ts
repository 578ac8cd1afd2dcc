import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { buildWorld } from '@rectify/testing';
import { expect, it } from 'vitest';
import { deliverOutbox, queueWarnings, type Channel } from '../src/index.js';

/** A text-message gateway as an app would have one: it takes a number, a text and a key it drops repeats by. */
class SmsGateway {
  readonly sent = new Map<string, { to: string; text: string }>();
  async send(message: { to: string; text: string; dedupeKey: string }): Promise<void> {
    if (!this.sent.has(message.dedupeKey)) this.sent.set(message.dedupeKey, { to: message.to, text: message.text });
  }
}

async function deliverByText(store: Store, gateway: SmsGateway, phones: Record<string, string>) {
  // A channel of one's own: a name, which notices it takes, and how it sends one.
  const sms: Channel = {
    name: 'sms',
    accepts: (notice) => notice.light === 'red' && phones[notice.personId] !== undefined,
    async send({ id, notice, message }) {
      await gateway.send({ to: phones[notice.personId]!, text: message.subject, dedupeKey: id });
    },
  };
  await queueWarnings(store, { organisationId: 'org-a', asOf: '2023-12-05', now: '2023-12-05T08:00:00+08:00', channels: [sms] });
  return deliverOutbox(store, { organisationId: 'org-a', channels: [sms] });
}

it('delivers through a channel of one’s own: the red notices of the people it has a number for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-sms-'));
  const store = await openStore(sqliteDriver(join(dir, 'store.db')));
  try {
    await buildWorld(store);
    const gateway = new SmsGateway();
    const report = await deliverByText(store, gateway, { 'org-a-principal': '13800000000' });
    expect(report.sent.length).toBeGreaterThan(0);
    expect(report.sent.every((e) => e.notice.light === 'red' && e.notice.personId === 'org-a-principal')).toBe(true);
    expect([...gateway.sent.values()].every((m) => m.to === '13800000000' && m.text.startsWith('【红灯预警】'))).toBe(true);
    expect(gateway.sent.size).toBe(report.sent.length);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

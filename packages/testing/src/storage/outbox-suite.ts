import { expect, it } from 'vitest';
import { parseEscalationPolicy, DEFAULT_ESCALATION_POLICY } from '@rectify/core';
import { buildWorld } from '../world.js';
import type { SuiteContext } from './context.js';

// The deadline alone, so that the counts do not hang on the world's ledger entries.
const policy = parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, raise: { staleLedger: false, missedMonthlyReport: false, relapse: false } });

/**
 * The outbox of warnings: each notice recorded once per channel in its tenant, however
 * often and however concurrently the day is run; entries taken under a lease, settled,
 * taken back when the lease runs out.
 */
export function outboxSuite(ctx: SuiteContext): void {
  it('records the day’s notices once per channel, in their tenant alone, even when two runs race', async () => {
    const { store } = await ctx.open();
    await buildWorld(store, 12);
    const day = { organisationId: 'org-a', inspectionId: 'ins-a', asOf: '2023-11-20', policy, channels: () => ['email', 'wecom'] };
    const [one, two] = await Promise.all([
      store.queueWarnings({ ...day, now: '2023-11-20T08:00:00+08:00' }),
      store.queueWarnings({ ...day, now: '2023-11-20T08:00:01+08:00' }),
    ]);
    const notices = one!.notices.length;
    expect(notices).toBeGreaterThan(0);
    expect(one!.queued.length + two!.queued.length).toBe(notices * 2);
    expect(one!.alreadyQueued + two!.alreadyQueued).toBe(notices * 2);
    const entries = await store.outbox('org-a');
    expect(entries.length).toBe(notices * 2);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.every((e) => e.status === 'pending' && e.notice.organisationId === 'org-a')).toBe(true);
    expect(await store.outbox('org-b')).toEqual([]);
    // The next day holds nothing new for a tier that does not repeat.
    const next = await store.queueWarnings({ ...day, asOf: '2023-11-21', now: '2023-11-21T08:00:00+08:00' });
    expect(next.queued.filter((e) => e.notice.light !== 'red')).toEqual([]);
  });

  it('hands each entry out once under its lease, keeps what was settled, and takes back what a dead deliverer held', async () => {
    const { store } = await ctx.open();
    await buildWorld(store, 12);
    await store.queueWarnings({ organisationId: 'org-a', inspectionId: 'ins-a', asOf: '2023-12-05', policy, now: '2023-12-05T08:00:00+08:00' });
    const total = (await store.outbox('org-a')).length;
    const at = (minute: number) => new Date(Date.parse('2023-12-05T09:00:00+08:00') + minute * 60_000).toISOString();
    const [first, second] = await Promise.all([store.claimOutbox('org-a', { now: at(0), limit: 3 }), store.claimOutbox('org-a', { now: at(0), limit: 3 })]);
    const taken = [...first!, ...second!].map((e) => e.id);
    expect(new Set(taken).size).toBe(taken.length);
    for (const e of first!) await store.settleOutbox('org-a', e.id, { sent: true, at: at(1) });
    expect((await store.outbox('org-a', ['sent'])).length).toBe(first!.length);
    // A third takes the rest at 09:02; the second deliverer died: its entries come back once
    // their lease (300 s) ran out at 09:05, attempted twice, and the third's not before 09:07.
    expect((await store.claimOutbox('org-a', { now: at(2), limit: 1000 })).length).toBe(total - taken.length);
    const back = await store.claimOutbox('org-a', { now: at(6), limit: 1000 });
    expect(back.map((e) => e.id).sort()).toEqual(second!.map((e) => e.id).sort());
    expect(back.find((e) => e.id === second![0]?.id)?.attempts).toBe(2);
    expect((await store.outbox('org-a', ['sent'])).map((e) => e.sentAt)).toEqual(first!.map(() => expect.stringContaining('2023-12-05T01:01:00')));
  });
}

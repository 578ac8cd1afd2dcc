import { expect, it } from 'vitest';
import { parseEscalationPolicy, DEFAULT_ESCALATION_POLICY, warningNotices, warningView, type FindingQueryInput, type Page } from '@rectify/core';
import { buildWorld, instant } from '../world.js';
import type { SuiteContext } from './context.js';

// The deadline alone, so that the counts do not hang on the world's ledger entries.
const policy = parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, raise: { staleLedger: false, missedMonthlyReport: false, relapse: false } });

/**
 * The outbox of warnings: each notice recorded once per channel in its tenant, however
 * often and however concurrently the day is run; entries taken under a lease, settled,
 * taken back when the lease runs out.
 */
export function outboxSuite(ctx: SuiteContext): void {
  it('reads each finding’s warning view page for page as its state gives it, and decides a day with every raise as a replay does', async () => {
    const { store } = await ctx.open();
    const world = await buildWorld(store, 24);
    // Monthly reports on the findings in progress (after the world's last command, before the
    // days decided), so that the views carry months reported.
    let n = 0;
    for (const s of world.states.a.filter((f) => f.status === 'in_progress')) {
      await store.apply({ organisationId: 'org-a', commandId: `view-${++n}`, at: instant(1_000 + n), type: 'record_progress', findingId: s.finding.id, actorId: 'org-a-coord', kind: 'monthly_report', period: '2023-10', text: '十月月报' });
    }
    expect(n).toBeGreaterThan(0);
    const scope = { organisationId: 'org-a', inspectionId: 'ins-a' };
    const queries: FindingQueryInput[] = [
      { ...scope, limit: 7 },
      { ...scope, overdueAsOf: '2023-11-20', limit: 3 },
      { ...scope, dueWithin: { asOf: '2023-11-20', days: 30 } },
      { ...scope, sort: 'deadline', limit: 5 },
      { ...scope, sort: 'title', order: 'desc', limit: 4 },
      { ...scope, sort: 'updatedAt', order: 'desc', limit: 6 },
    ];
    let pages = 0;
    for (const query of queries) {
      let cursor: string | undefined;
      do {
        const at = { ...query, ...(cursor === undefined ? {} : { cursor }) };
        const views: Page<unknown> = await store.warningViews(at);
        const rows = await store.findings(at);
        expect(views, JSON.stringify(at)).toEqual({ items: rows.items.map(warningView), ...(rows.nextCursor === undefined ? {} : { nextCursor: rows.nextCursor }) });
        cursor = rows.nextCursor;
        pages += 1;
      } while (cursor !== undefined);
    }
    expect(pages).toBeGreaterThan(queries.length * 2);
    // Every raise on (stale ledger, missed 月报, relapse): the day's decision read through the
    // views equals the one made from every finding rebuilt as of the day.
    const context = { organisation: (await store.organisation('org-a'))!, inspection: (await store.inspection(scope))!, people: await store.people('org-a') };
    let raised = 0;
    for (const asOf of ['2023-11-06', '2023-11-20', '2023-12-05', '2024-01-08']) {
      const read = await store.warnings({ ...scope, asOf });
      expect(read.notices, asOf).toEqual(warningNotices(await store.findingsAsOf(scope, asOf), context, asOf, DEFAULT_ESCALATION_POLICY).notices);
      raised += read.notices.filter((x) => x.reasons.length > 0).length;
    }
    expect(raised).toBeGreaterThan(0);
  });

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

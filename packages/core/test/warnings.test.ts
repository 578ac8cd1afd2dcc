import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  DEFAULT_ESCALATION_POLICY,
  findingLight,
  isFindingOverdue,
  isRectifyError,
  lightCounts,
  memoryDriver,
  openStore,
  parseEscalationPolicy,
  warningMessage,
  warningNotices,
  WEEKDAYS,
  type DriverTransaction,
  type Organisation,
  type StorageDriver,
} from '../src/index.js';
import { Harness, PEOPLE, UNITS } from './harness.js';

const organisation: Organisation = { id: 'org', name: '测试单位', units: UNITS.map((u) => ({ ...u, name: u.id })) } as Organisation;
const cadence = () => new Harness().inspection.workflow.cadence;
// The deadline alone: no stale ledger or missed report raising the light.
const deadlineOnly = parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, raise: { staleLedger: false, missedMonthlyReport: false, relapse: false } });

describe('the light of a finding (红黄绿灯)', () => {
  it('comes on green 20 days before the deadline, yellow 10 before, red once it is past', () => {
    const h = new Harness();
    const f = h.createAssigned('f-1', { deadline: '2023-11-30' });
    const light = (day: string) => findingLight(f, day, deadlineOnly, cadence());
    expect(light('2023-11-09')).toBeUndefined();
    expect(light('2023-11-10')).toMatchObject({ light: 'green', since: '2023-11-10', daysLeft: 20, workingDaysLeft: 20 });
    expect(light('2023-11-19')).toMatchObject({ light: 'green', since: '2023-11-10' });
    expect(light('2023-11-20')).toMatchObject({ light: 'yellow', since: '2023-11-20' });
    expect(light('2023-11-30')).toMatchObject({ light: 'yellow', daysLeft: 0 });
    expect(light('2023-12-01')).toMatchObject({ light: 'red', since: '2023-12-01', daysLeft: -1, workingDaysLeft: -1 });
  });

  it('counts working days of the calendar, and is red exactly when every other view says overdue', () => {
    const h = new Harness();
    const f = h.createAssigned('f-1', { deadline: '2023-11-30' });
    const light = (day: string) => findingLight(f, day, deadlineOnly, cadence(), WEEKDAYS);
    // 20 weekdays before Thursday 30 November is Thursday 2 November; 10 before, Thursday 16.
    expect(light('2023-11-01')).toBeUndefined();
    expect(light('2023-11-02')).toMatchObject({ light: 'green', since: '2023-11-02', workingDaysLeft: 20 });
    expect(light('2023-11-15')?.light).toBe('green');
    expect(light('2023-11-16')).toMatchObject({ light: 'yellow', since: '2023-11-16' });
    // A deadline on a Sunday holds to Monday, as in every view.
    const sunday = new Harness().createAssigned('f-1', { deadline: '2023-10-01' });
    expect(findingLight(sunday, '2023-10-02', deadlineOnly, cadence(), WEEKDAYS)).toMatchObject({ light: 'yellow', deadline: '2023-10-02', daysLeft: 0 });
    for (let day = '2023-09-01'; day <= '2023-12-31'; day = addCalendarDays(day, 1)) {
      for (const state of [f, sunday]) {
        expect(findingLight(state, day, deadlineOnly, cadence(), WEEKDAYS)?.light === 'red', day).toBe(isFindingOverdue(state, day, WEEKDAYS));
      }
    }
  });

  it('is raised a step by a stale ledger or a missed monthly report, when the policy says so, and goes out with the work done', () => {
    const h = new Harness();
    const f = h.createAssigned('f-1', { deadline: '2023-11-30' });
    // Assigned on 30 August, never updated: the August report missed from 6 September (due on the 5th), the ledger stale from the 7th.
    // A raise moves a light that is on, and lights none: nothing until green comes on, 20 days before.
    expect(findingLight(f, '2023-09-07', DEFAULT_ESCALATION_POLICY, cadence())).toBeUndefined();
    expect(findingLight(f, '2023-11-10', DEFAULT_ESCALATION_POLICY, cadence())).toMatchObject({ light: 'yellow', deadlineLight: 'green', reasons: ['stale_ledger', 'missed_monthly_report'], since: '2023-11-10' });
    expect(findingLight(f, '2023-11-10', parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, raise: { missedMonthlyReport: false } }), cadence())).toMatchObject({ reasons: ['stale_ledger'] });
    expect(findingLight(f, '2023-11-20', DEFAULT_ESCALATION_POLICY, cadence())).toMatchObject({ light: 'red', deadlineLight: 'yellow' });
    expect(findingLight(f, '2023-12-05', DEFAULT_ESCALATION_POLICY, cadence())).toMatchObject({ light: 'red', deadlineLight: 'red' });
    expect(findingLight(f, '2023-11-10', deadlineOnly, cadence())).toMatchObject({ light: 'green', reasons: [] });
    h.ok('p-resp', 'start');
    const done = h.completeAll();
    expect(findingLight(done, '2023-12-05', DEFAULT_ESCALATION_POLICY, cadence())).toBeUndefined();
    expect(lightCounts([f, done], '2023-12-05', DEFAULT_ESCALATION_POLICY, cadence())).toEqual({ green: 0, yellow: 0, red: 1 });
  });
});

describe('the warnings of a day', () => {
  const decide = (h: Harness, day: string, policy = deadlineOnly, calendar = WEEKDAYS) => warningNotices([...h.states.values()], { organisation, inspection: h.inspection, people: PEOPLE, calendar }, day, policy);

  it('tells the people of the tier once per finding, light and person, and a repeating tier once per period', () => {
    const h = new Harness();
    h.createAssigned('f-1', { deadline: '2023-11-30' });
    const told = (day: string) => decide(h, day).notices.map((n) => `${n.light} ${n.personId} ${n.as.join('+')}`);
    expect(told('2023-11-02')).toEqual(['green p-resp responsible_person']);
    expect(told('2023-11-16')).toEqual(['yellow p-leader leader_in_charge', 'yellow p-resp responsible_person']);
    expect(told('2023-12-01')).toEqual([
      'red p-leader leader_in_charge',
      'red p-principal principal_leader',
      'red p-resp responsible_person+lead_unit',
      'red p-supervisor inspection_office',
    ]);
    const keys = (day: string) => decide(h, day).notices.map((n) => n.key);
    // Green and yellow do not repeat: the same notices all through the tier.
    expect(keys('2023-11-03')).toEqual(keys('2023-11-02'));
    expect(keys('2023-11-29')).toEqual(keys('2023-11-16'));
    // Red repeats every 5 working days: Friday 1 to Thursday 7 December is one period, Friday 8 the next.
    expect(keys('2023-12-07')).toEqual(keys('2023-12-01'));
    expect(keys('2023-12-08').some((k) => keys('2023-12-01').includes(k))).toBe(false);
    expect(keys('2023-12-14')).toEqual(keys('2023-12-08'));
  });

  it('sends nothing on a quiet day, names who it cannot reach, and starts over with a new deadline', () => {
    const h = new Harness();
    h.createAssigned('f-1', { deadline: '2023-11-30' });
    const saturday = decide(h, '2023-11-11');
    expect(saturday).toMatchObject({ quiet: true, notices: [] });
    expect(saturday.lights.get('f-1')?.light).toBe('green');
    expect(decide(h, '2023-11-20', deadlineOnly).quiet).toBe(false);
    const named = parseEscalationPolicy({ ...deadlineOnly, quiet: { restDays: false, days: ['2023-11-20'] }, tiers: [{ light: 'green', workingDaysBefore: 20, notify: [{ personId: 'p-coord' }, { personId: 'nobody' }] }] });
    expect(decide(h, '2023-11-20', named).quiet).toBe(true);
    const sat = decide(h, '2023-11-18', named);
    expect(sat.notices.map((n) => [n.personId, n.as])).toEqual([['p-coord', ['person']]]);
    expect(sat.unreached).toEqual([{ findingId: 'f-1', light: 'green', recipient: { personId: 'nobody' } }]);
    const before = decide(h, '2023-11-16').notices.map((n) => n.key);
    h.ok('p-resp', 'request_extension', { extensionId: 'e1', to: '2023-12-29', reason: '需协调上级部门' });
    h.ok('p-leader', 'decide_extension', { extensionId: 'e1', approve: true });
    // 29 December is 20 weekdays from 1 December: the new deadline's green notice, a new key.
    const after = decide(h, '2023-12-01').notices;
    expect(after.map((n) => [n.light, n.deadline])).toEqual([['green', '2023-12-29']]);
    expect(before).not.toContain(after[0]!.key);
  });

  it('words the notice in Chinese and in English, with the days and the open measures', () => {
    const h = new Harness();
    h.createAssigned('f-1', { deadline: '2023-11-30' });
    const [red] = decide(h, '2023-12-04').notices;
    const zh = warningMessage(red!, { personName: '分管领导甲', organisationName: '测试单位' });
    expect(zh.subject).toBe('【红灯预警】“问题f-1”已逾期4天');
    expect(zh.text).toContain('分管领导甲同志：');
    expect(zh.text).toContain('整改时限：2023年11月30日，已逾期4天');
    expect(zh.text).toContain('尚未完成的整改措施（2项）：\n  1. 一是建立制度\n  2. 二是长期坚持学习');
    expect(zh.markdown.startsWith('**【红灯预警】')).toBe(true);
    const [green] = decide(h, '2023-11-02').notices;
    const en = warningMessage(green!, { locale: 'en' });
    expect(en.subject).toBe('[green warning] "问题f-1": due in 28 days (20 working days)');
    const raised = warningNotices([...h.states.values()], { organisation, inspection: h.inspection, people: PEOPLE }, '2023-11-10', DEFAULT_ESCALATION_POLICY).notices[0]!;
    expect(warningMessage(raised).text).toContain('预警升级原因：台账未按周更新、月报逾期未报');
    expect(warningMessage(raised).subject).toBe('【黄灯预警】“问题f-1”距整改时限还有20天（20个工作日）；台账未按周更新、月报逾期未报');
    expect(warningMessage(raised, { locale: 'en' }).subject).toMatch(/; the ledger was not updated this week, a monthly report is overdue$/);
  });

  it('refuses a policy whose tiers are out of order, naming the tier', () => {
    const bad = (input: unknown) => {
      try {
        parseEscalationPolicy(input);
        return undefined;
      } catch (e) {
        return isRectifyError(e, 'validation') ? JSON.stringify(e.details) : String(e);
      }
    };
    expect(bad({ tiers: [{ light: 'yellow', workingDaysBefore: 10, notify: ['responsible_person'] }, { light: 'green', workingDaysBefore: 20, notify: ['responsible_person'] }] })).toContain('tiers[1].light');
    expect(bad({ tiers: [{ light: 'red', notify: ['responsible_person'] }, { light: 'red', notify: ['responsible_person'] }] })).toContain('tiers[0].workingDaysBefore');
    expect(bad({ tiers: [{ light: 'green', workingDaysBefore: 5, notify: ['responsible_person'] }, { light: 'yellow', workingDaysBefore: 10, notify: ['responsible_person'] }] })).toContain('tiers[1].workingDaysBefore');
    expect(bad({ tiers: [{ light: 'green', workingDaysBefore: 5, notify: [] }] })).toContain('tiers[0].notify');
    expect(bad({ tiers: [{ light: 'green', workingDaysBefore: 5, notify: ['the_boss'] }] })).toContain('tiers[0].notify[0]');
    expect(bad(DEFAULT_ESCALATION_POLICY)).toBeUndefined();
  });
});

describe('the outbox of warnings', () => {
  async function seeded() {
    const store = await openStore(memoryDriver());
    const h = new Harness();
    await store.saveOrganisation(organisation);
    await store.savePeople('org', PEOPLE.filter((p) => p.organisationId === 'org' || p.roles.includes('supervisor')).map((p) => ({ ...p, organisationId: 'org' })));
    await store.saveInspection(h.inspection);
    h.createAssigned('f-1', { deadline: '2023-11-30' });
    h.createAssigned('f-2', { deadline: '2023-12-20', personId: 'p-resp2', unitId: 'u-fin' });
    await store.importBundle({ ...(await store.exportBundle({ organisationId: 'org' })), events: [...h.events.values()].flat() });
    return store;
  }
  const day = { organisationId: 'org', inspectionId: 'ins-1', calendar: WEEKDAYS, policy: deadlineOnly };
  const day_ = { organisationId: 'org', inspectionId: 'ins-1', calendar: WEEKDAYS };

  it('records each notice once per channel, however often the day is run', async () => {
    const store = await seeded();
    const first = await store.queueWarnings({ ...day, asOf: '2023-12-01', now: '2023-12-01T08:00:00+08:00', channels: (n) => (n.personId === 'p-resp' ? ['email', 'wecom'] : ['email']) });
    expect(first.queued.map((e) => `${e.notice.findingId} ${e.notice.light} ${e.notice.personId} ${e.channel}`)).toEqual([
      'f-1 red p-leader email',
      'f-1 red p-principal email',
      'f-1 red p-resp email',
      'f-1 red p-resp wecom',
      'f-1 red p-supervisor email',
      'f-2 green p-resp2 email',
    ]);
    const again = await store.queueWarnings({ ...day, asOf: '2023-12-04', now: '2023-12-04T08:00:00+08:00', channels: (n) => (n.personId === 'p-resp' ? ['email', 'wecom'] : ['email']) });
    expect(again).toMatchObject({ queued: [], alreadyQueued: 6 });
    expect((await store.outbox('org')).length).toBe(6);
    // Read alone, nothing is recorded.
    const read = await store.warnings({ ...day, asOf: '2023-12-08' });
    expect(read.notices.length).toBeGreaterThan(0);
    expect((await store.outbox('org')).length).toBe(6);
  });

  it('finds the lit findings by their deadline, as replaying every finding as of the day does', async () => {
    const store = await seeded();
    let lit = 0;
    for (let day = '2023-08-01'; day <= '2024-01-10'; day = addCalendarDays(day, 3)) {
      for (const policy of [DEFAULT_ESCALATION_POLICY, deadlineOnly]) {
        const read = await store.warnings({ ...day_, asOf: day, policy });
        const inspection = (await store.inspection(day_))!;
        const all = warningNotices(await store.findingsAsOf(day_, day), { organisation: (await store.organisation('org'))!, inspection, people: await store.people('org'), calendar: WEEKDAYS }, day, policy);
        expect(read.notices, day).toEqual(all.notices);
        expect([...read.lights.keys()].sort(), day).toEqual([...all.lights.keys()].sort());
        lit += read.notices.length;
      }
    }
    expect(lit).toBeGreaterThan(50);
  });

  it('hands an entry to one deliverer at a time, takes it back when its lease runs out, and retries a failure after its back-off', async () => {
    const store = await seeded();
    await store.queueWarnings({ ...day, asOf: '2023-11-20', now: '2023-11-20T08:00:00+08:00' });
    const at = (min: number) => `2023-11-20T09:${String(min).padStart(2, '0')}:00+08:00`;
    const [a, b, ...rest] = await store.claimOutbox('org', { now: at(0), limit: 2, leaseSeconds: 600 });
    expect([a?.status, a?.attempts, b?.status, rest.length]).toEqual(['sending', 1, 'sending', 0]);
    const others = await store.claimOutbox('org', { now: at(1), leaseSeconds: 600 });
    expect(others.map((e) => e.id)).not.toContain(a!.id);
    expect(await store.settleOutbox('org', a!.id, { sent: true, at: at(2) })).toMatchObject({ status: 'sent', sentAt: at(2) });
    expect(await store.settleOutbox('org', b!.id, { sent: false, at: at(2), error: 'HTTP 502', retryAt: at(30) })).toMatchObject({ status: 'failed', lastError: 'HTTP 502', nextAttemptAt: at(30) });
    // b waits for its back-off; the entries claimed at 09:01 come back once their lease ran out (a deliverer that died).
    expect((await store.claimOutbox('org', { now: at(5) })).map((e) => e.id)).toEqual([]);
    const retaken = await store.claimOutbox('org', { now: at(12) });
    expect(retaken.map((e) => [e.id, e.attempts])).toEqual(others.map((e) => [e.id, 2]));
    expect((await store.claimOutbox('org', { now: at(31) })).map((e) => [e.id, e.attempts])).toEqual([[b!.id, 2]]);
    expect(await store.settleOutbox('org', b!.id, { sent: false, at: at(32), error: 'HTTP 410' })).toMatchObject({ status: 'dead' });
    await expect(store.settleOutbox('org', b!.id, { sent: true, at: at(33) })).rejects.toMatchObject({ code: 'outbox.not_claimed' });
    // A second settle of a sent entry changes nothing (a deliverer that retried its write).
    expect(await store.settleOutbox('org', a!.id, { sent: true, at: at(40) })).toMatchObject({ sentAt: at(2) });
  });

  it('claims from what is left to deliver, not from every notice ever sent, with a driver that can delete; the same outbox without one', async () => {
    for (const canDelete of [true, false]) {
      const read: string[] = [];
      const base = memoryDriver();
      const driver: StorageDriver = {
        ...base,
        transaction: (work, how) =>
          base.transaction((tx) => {
            const { deleteRecord: _delete, ...rest } = tx;
            const counted: DriverTransaction = { ...(canDelete ? tx : rest), listRecords: async (kind, tenant) => {
              read.push(kind);
              return tx.listRecords(kind, tenant);
            } };
            return work(counted);
          }, how),
      };
      const store = await openStore(driver);
      await store.saveOrganisation(organisation);
      await store.savePeople('org', PEOPLE.filter((p) => p.organisationId === 'org' || p.roles.includes('supervisor')).map((p) => ({ ...p, organisationId: 'org' })));
      const h = new Harness();
      await store.saveInspection(h.inspection);
      h.createAssigned('f-1', { deadline: '2023-11-30' });
      await store.importBundle({ ...(await store.exportBundle({ organisationId: 'org' })), events: [...h.events.values()].flat() });
      const queued = await store.queueWarnings({ ...day, asOf: '2023-12-01', now: '2023-12-01T08:00:00+08:00' });
      expect(queued.queued.length).toBe(4);
      const now = '2023-12-01T09:00:00+08:00';
      const [sent, failed, dead, left] = await store.claimOutbox('org', { now });
      await store.settleOutbox('org', sent!.id, { sent: true, at: now });
      await store.settleOutbox('org', failed!.id, { sent: false, at: now, error: 'HTTP 502', retryAt: '2023-12-01T09:05:00+08:00' });
      await store.settleOutbox('org', dead!.id, { sent: false, at: now, error: 'HTTP 410' });
      read.length = 0;
      const later = await store.claimOutbox('org', { now: '2023-12-01T09:10:00+08:00', leaseSeconds: 60 });
      // The failed one after its back-off, and the one whose lease ran out; never the sent or the dead.
      expect(later.map((e) => e.id).sort()).toEqual([failed!.id, left!.id].sort());
      expect(read).toEqual([canDelete ? 'notice_due' : 'notice']);
      // Listed, every entry stands as it is, whichever list holds it.
      expect(Object.fromEntries((await store.outbox('org')).map((e) => [e.id, e.status]))).toEqual({ [sent!.id]: 'sent', [failed!.id]: 'sending', [dead!.id]: 'dead', [left!.id]: 'sending' });
      // A sent entry is not queued again by a later run of its period.
      expect((await store.queueWarnings({ ...day, asOf: '2023-12-01', now: '2023-12-01T10:00:00+08:00' })).alreadyQueued).toBe(4);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore, readReminders, rectificationReport, reminders, WEEKDAYS } from '../src/index.js';
import { testInspection } from './harness.js';

// 2015 条例 第二十七条: the 整改情况报告 within two months of the feedback (2023-08-17).
const inspection = testInspection({ reportDueDate: '2023-10-15' }); // a Sunday

describe('the rectification report (整改情况报告)', () => {
  it('is due, due today, overdue or reported, its day moved past a rest day by the calendar', () => {
    expect(rectificationReport(testInspection(), '2023-10-01', undefined)).toBeUndefined();
    expect(rectificationReport(inspection, '2023-10-10', undefined)).toEqual({ dueOn: '2023-10-15', state: 'upcoming', daysLeft: 5, reportedOn: undefined });
    expect(rectificationReport(inspection, '2023-10-10', undefined, WEEKDAYS)).toMatchObject({ dueOn: '2023-10-16', daysLeft: 6 });
    expect(rectificationReport(inspection, '2023-10-15', undefined)?.state).toBe('due_today');
    expect(rectificationReport(inspection, '2023-10-20', undefined)).toMatchObject({ state: 'overdue', daysLeft: -5 });
    expect(rectificationReport(inspection, '2023-10-20', '2023-10-12')).toMatchObject({ state: 'reported', reportedOn: '2023-10-12' });
    // Reported after the day asked about: not yet, as of that day.
    expect(rectificationReport(inspection, '2023-10-10', '2023-10-12')).toMatchObject({ state: 'upcoming', reportedOn: undefined });
  });

  it('is a reminder of the inspection, for those who write it, until it is reported', () => {
    const brief = (asOf: string, o: Parameters<typeof reminders>[3] = {}) => reminders([], inspection, asOf, { reportPersonIds: ['coord', 'principal'], ...o }).map((r) => `${r.kind} ${r.findingId ?? '-'} ${r.subject} ${r.dueOn} ${r.state} ${r.personIds.join('+')}`);
    expect(brief('2023-09-20')).toEqual([]); // beyond the horizon (the cadence's due-soon days)
    expect(brief('2023-10-10')).toEqual(['rectification_report - ins-1 2023-10-15 upcoming coord+principal']);
    expect(brief('2023-11-01')).toEqual(['rectification_report - ins-1 2023-10-15 overdue coord+principal']);
    expect(brief('2023-11-01', { reportedOn: '2023-10-14' })).toEqual([]);
    expect(brief('2023-11-01', { personId: 'principal' })).toHaveLength(1);
    expect(brief('2023-11-01', { personId: 'resp' })).toEqual([]);
    expect(brief('2023-11-01', { unitId: 'u-law' })).toEqual([]);
    // Filtered by kind, and each item names its organisation.
    expect(brief('2023-11-01', { kinds: ['finding_deadline', 'review'] })).toEqual([]);
    expect(brief('2023-11-01', { kinds: ['rectification_report'] })).toHaveLength(1);
    expect(reminders([], inspection, '2023-11-01')[0]?.organisationId).toBe('org');
  });

  it('is read from the store with its first published version as the day it was made', async () => {
    const store = await openStore(memoryDriver());
    await store.saveOrganisation({ id: 'org', name: '单位' });
    await store.savePeople('org', [
      { id: 'coord', name: '政工室', organisationId: 'org', roles: ['coordinator'] },
      { id: 'principal', name: '书记', organisationId: 'org', roles: ['principal_leader'] },
      { id: 'resp', name: '责任人', organisationId: 'org', roles: ['responsible_person'] },
    ]);
    await store.saveInspection({ ...inspection });
    const scope = { organisationId: 'org', inspectionId: 'ins-1' };
    const before = await store.read((r) => readReminders(r, scope, '2023-11-01'));
    expect(before.items.map((r) => [r.kind, r.state, r.personIds])).toEqual([['rectification_report', 'overdue', ['coord', 'principal']]]);
    await store.publish({ ...scope, format: 'notice', text: '整改进展情况通报', publishedAt: '2023-10-20T10:00:00+08:00', publishedBy: 'coord' });
    expect((await store.read((r) => readReminders(r, scope, '2023-11-01'))).items).toEqual([]);
    expect((await store.read((r) => readReminders(r, scope, '2023-10-19'))).items).toHaveLength(1);
  });
});

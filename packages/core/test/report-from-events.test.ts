import { describe, expect, it } from 'vitest';
import { buildReportModel, replayAsOf, reportModelFromEvents, WEEKDAYS, type FindingState } from '../src/index.js';
import { Harness, testInspection } from './harness.js';

const ORGANISATION = { id: 'org', name: '单位', units: [{ id: 'u-law', name: '法治股' }] };

describe('reportModelFromEvents', () => {
  it('gives the model buildReportModel gives from the states as of the day, from one replay', () => {
    const h = new Harness(testInspection({ concentratedPeriod: { start: '2023-08-17', end: '2023-10-17' } }));
    h.createAssigned('f-1', { deadline: '2023-09-30' });
    h.createAssigned('f-2', { deadline: '2023-10-31', personId: 'p-resp2', unitId: 'u-fin' });
    h.goTo('2023-09-10');
    h.ok('p-resp', 'start', {}, 'f-1');
    h.ok('p-resp', 'record_progress', { text: '推进中' }, 'f-1');
    h.goTo('2023-09-25');
    h.completeAll('f-1');
    h.signOff('f-1');
    h.goTo('2023-10-20');
    h.ok('p-resp2', 'start', {}, 'f-2');
    // A finding of another inspection among the events (an organisation's events hold every round's): not this report's.
    const created = h.events.get('f-2')![0]!;
    if (created.type !== 'created') throw new Error('expected a created event');
    const other = { ...created, findingId: 'g-1', payload: { ...created.payload, finding: { ...created.payload.finding, inspectionId: 'ins-other' } } };
    const events = [...[...h.events.values()].flat(), other].sort((a, b) => a.findingId.localeCompare(b.findingId) || a.version - b.version);
    for (const asOf of ['2023-08-30', '2023-09-12', '2023-10-05', '2023-11-20']) {
      const states = [...h.events.values()].map((history) => replayAsOf(history, asOf)).filter((s): s is FindingState => s !== undefined);
      const options = { calendar: WEEKDAYS, people: [] };
      const expected = buildReportModel(states, h.inspection, ORGANISATION, asOf, { ...options, events });
      const got = reportModelFromEvents(events, h.inspection, ORGANISATION, asOf, options);
      expect(got.model, asOf).toEqual(expected);
      expect(got.findings.map((f) => f.finding.id).sort()).toEqual(states.map((f) => f.finding.id).sort());
      expect(got.model.timeline.at(-1)?.byStatus, asOf).toEqual(expected.totals.byStatus);
    }
  });
});

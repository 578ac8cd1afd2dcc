import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  evolve,
  memoryDriver,
  openStore,
  parseInspection,
  parseOrganisation,
  parsePerson,
  type FindingState,
} from '@rectify/core';
import { assertTypedRefusal, fuzzParameters, instant, mutationsOf } from '../src/index.js';

/**
 * The core's entry points for outside data, fuzzed: each answers a value or a typed
 * refusal naming the field, never a TypeError or a crash. (The store's `apply` and
 * `importBundle` are fuzzed on every adapter by the kit's hostile suite; the notice,
 * workbook and CLI importers in their own packages.)
 */
const inspection = { id: 'ins-1', kind: 'xuncha', title: '巡察', inspector: { name: '区委第一巡察组', leaderId: 'p-1' }, subjectOrganisationId: 'org', feedbackDate: '2023-08-17', categories: [{ id: 'c1', ordinal: 1, title: '第一方面' }], workflow: { cadence: { ledgerUpdateDays: 7 } } };
const organisation = { id: 'org', name: '湘桥区司法局党组', units: [{ id: 'u-law', name: '法治股' }] };
const person = { id: 'p-1', name: '政工室', organisationId: 'org', unitId: 'u-law', roles: ['coordinator'] };

function outcome(entryPoint: string, work: () => unknown): 'accepted' | 'refused' {
  try {
    work();
    return 'accepted';
  } catch (error) {
    assertTypedRefusal(error, entryPoint);
    return 'refused';
  }
}

describe('core entry points, fuzzed', () => {
  it.each([
    ['parseInspection', inspection, parseInspection],
    ['parseOrganisation', organisation, parseOrganisation],
    ['parsePerson', person, parsePerson],
  ] as const)('%s answers a value or a typed refusal', (name, valid, parse) => {
    const seen = new Set<string>();
    fc.assert(fc.property(mutationsOf(valid), (input) => void seen.add(outcome(name, () => parse(input)))), fuzzParameters(300));
    expect([...seen].sort()).toEqual(['accepted', 'refused']);
  });

  it('decide answers a decision or a typed refusal, and an accepted event evolves to its state', () => {
    const ins = parseInspection(inspection);
    const actor = { id: 'p-1', roles: ['coordinator', 'responsible_person', 'leader_in_charge'] };
    const context = { inspection: ins, actor, people: [parsePerson(person)], units: [{ id: 'u-law' }] };
    let state: FindingState | undefined;
    const step = (command: Record<string, unknown>) => {
      const d = decide(state, { findingId: 'f-1', actorId: 'p-1', at: instant(1), ...command }, context);
      if (!d.ok) throw d.error;
      state = d.state;
    };
    step({ type: 'create', commandId: 'c1', finding: { inspectionId: 'ins-1', categoryId: 'c1', ordinal: 1, title: '问题' }, measures: [{ id: 'm1', ordinal: 1, text: '措施' }] });
    step({ type: 'assign', commandId: 'c2', assignment: { responsibleLeaderId: 'p-1', leadUnitId: 'u-law', responsiblePersonId: 'p-1', deadline: '2023-10-31' } });
    step({ type: 'start', commandId: 'c3' });
    const started = state!;
    const base = { commandId: 'c9', findingId: 'f-1', actorId: 'p-1', at: instant(9) };
    const templates = [
      { ...base, type: 'record_progress', text: '推进', measureId: 'm1', evidence: [{ kind: 'meeting', title: '党组会议', count: 7 }] },
      { ...base, type: 'complete_measure', measureId: 'm1', evidence: [{ kind: 'document', title: '制度', issuedOn: '2023-08-30' }] },
      { ...base, type: 'add_measure', measure: { id: 'm2', ordinal: 2, text: '二是', kind: 'long_term', deadline: '2023-12-31' } },
      { ...base, type: 'request_extension', deadline: '2023-12-31', reason: '客观原因' },
      { ...base, type: 'assign', assignment: { responsibleLeaderId: 'p-1', leadUnitId: 'u-law', responsiblePersonId: 'p-1', deadline: '2023-11-30', coUnitIds: [] } },
      { ...base, type: 'supervise', kind: 'urge', note: '督办' },
    ];
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...templates).chain((t) => mutationsOf(t)), (input) => {
        const d = decide(started, input, context);
        if (d.ok) {
          expect(evolve(started, d.event)).toEqual(d.state);
          seen.add('accepted');
        } else {
          assertTypedRefusal(d.error, 'decide');
          seen.add('refused');
        }
      }),
      fuzzParameters(300),
    );
    expect([...seen].sort()).toEqual(['accepted', 'refused']);
  });

  it('store.findings answers a page or a typed refusal for any query', async () => {
    const store = await openStore(memoryDriver());
    await store.saveOrganisation(organisation);
    const valid = { organisationId: 'org', inspectionId: 'ins-1', unitId: 'u-law', status: ['in_progress'], overdueAsOf: '2023-11-01', dueWithin: { asOf: '2023-11-01', days: 7 }, text: '问题', sort: 'deadline', order: 'desc', limit: 10 };
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mutationsOf(valid), async (query) => {
        try {
          expect(Array.isArray((await store.findings(query as never)).items)).toBe(true);
          seen.add('accepted');
        } catch (error) {
          assertTypedRefusal(error, 'store.findings');
          seen.add('refused');
        }
      }),
      fuzzParameters(300),
    );
    expect([...seen].sort()).toEqual(['accepted', 'refused']);
  });
});

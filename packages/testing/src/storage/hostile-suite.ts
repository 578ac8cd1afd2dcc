import fc from 'fast-check';
import { expect, it } from 'vitest';
import { chainHistories, unholdableCharacter, type Bundle, type Store } from '@rectify/core';
import { assertTypedRefusal, fuzzParameters, HOSTILE_STRINGS, mutationsOf } from '../fuzz.js';
import { instant } from '../world.js';
import type { SuiteContext } from './context.js';

const runs = (ctx: SuiteContext) => ({ ...fuzzParameters(100), ...(ctx.options.fuzzRuns === undefined ? {} : { numRuns: ctx.options.fuzzRuns }) });

/** Hostile strings a title may hold (some of {@link HOSTILE_STRINGS} no text may hold at all). */
const HOLDABLE = HOSTILE_STRINGS.filter((s) => unholdableCharacter(s) === undefined && s.trim() !== '');
/** A unit id written to break SQL that pastes ids into statements. */
const EVIL_UNIT = "u'); DELETE FROM rectify_findings; --";

async function hostileTenant(store: Store): Promise<void> {
  await store.saveOrganisation({ id: 'org-h', name: "<b>单位</b>' OR '1'='1", units: [{ id: EVIL_UNIT, name: '%_\\' }, { id: 'u-plain', name: '法治股' }] });
  await store.savePeople('org-h', [
    { id: 'clerk', name: '政工室', organisationId: 'org-h', roles: ['coordinator', 'responsible_person'] },
    { id: "p'--", name: '<img src=x onerror=alert(1)>', organisationId: 'org-h', roles: ['leader_in_charge'] },
  ]);
  await store.saveInspection({ id: 'ins-h', kind: 'xuncha', title: '=HYPERLINK("http://x")', inspector: { name: "'; DROP TABLE x; --" }, subjectOrganisationId: 'org-h' });
}

/**
 * Hostile input: text built to break SQL, markup or spreadsheets is stored and given
 * back byte for byte and matched only as text; fuzzed commands and bundles are either
 * applied or refused with a typed error, and a refusal writes nothing.
 */
export function hostileSuite(ctx: SuiteContext): void {
  it('stores hostile text verbatim and matches it only as text, in every filter', async () => {
    const { store } = await ctx.open();
    await hostileTenant(store);
    const scope = { organisationId: 'org-h', inspectionId: 'ins-h' };
    for (const [i, title] of HOLDABLE.entries()) {
      const id = `f-${i}`;
      await store.apply({ organisationId: 'org-h', type: 'create', commandId: `c-${i}`, findingId: id, actorId: 'clerk', at: instant(1), finding: { inspectionId: 'ins-h', ordinal: i + 1, title }, measures: [{ id: 'm1', ordinal: 1, text: title }] });
      await store.apply({ organisationId: 'org-h', type: 'assign', commandId: `a-${i}`, findingId: id, actorId: 'clerk', at: instant(2), assignment: { responsibleLeaderId: "p'--", leadUnitId: i % 2 === 0 ? EVIL_UNIT : 'u-plain', responsiblePersonId: 'clerk', deadline: '2023-10-31' } });
      await store.apply({ organisationId: 'org-h', type: 'record_progress', commandId: `p-${i}`, findingId: id, actorId: 'clerk', at: instant(3), text: title });
    }
    for (const [i, title] of HOLDABLE.entries()) {
      const state = await store.finding(scope, `f-${i}`);
      expect(state?.finding.title).toBe(title);
      expect(state?.measures[0]?.text).toBe(title);
      expect(state?.progress[0]?.text).toBe(title);
    }
    for (const needle of [...HOLDABLE.map((t) => t.slice(0, 200)), '%', '_', '\\', "'", '--']) {
      const found = await store.findings({ ...scope, text: needle, limit: 1000 });
      const expected = HOLDABLE.filter((t) => t.toLowerCase().includes(needle.toLowerCase()));
      expect(found.items.map((f) => f.finding.title).sort(), `text filter ${JSON.stringify(needle)}`).toEqual([...expected].sort());
    }
    const byUnit = await store.findings({ ...scope, unitId: EVIL_UNIT, limit: 1000 });
    expect(byUnit.items.length).toBe(Math.ceil(HOLDABLE.length / 2));
    expect((await store.findings({ ...scope, personId: "p'--", limit: 1000 })).items).toEqual([]);
    expect((await store.findings({ organisationId: "org-h' OR '1'='1", limit: 1000 })).items).toEqual([]);
    expect((await store.totals(scope)).total).toBe(HOLDABLE.length);
    expect((await store.organisation('org-h'))?.name).toBe("<b>单位</b>' OR '1'='1");
  });

  it('applies or refuses fuzzed commands with a typed error, a refusal writing nothing', async () => {
    const { store, driver } = await ctx.open();
    await hostileTenant(store);
    await store.apply({ organisationId: 'org-h', type: 'create', commandId: 'c-0', findingId: 'f-0', actorId: 'clerk', at: instant(1), finding: { inspectionId: 'ins-h', ordinal: 1, title: '问题' }, measures: [{ id: 'm1', ordinal: 1, text: '措施' }] });
    const base = { organisationId: 'org-h', commandId: 'FUZZ', findingId: 'f-0', actorId: 'clerk', at: instant(5) };
    // In an order in which each is accepted as written (assign before the extension past its deadline).
    const templates = [
      { ...base, type: 'create', findingId: 'f-new', finding: { inspectionId: 'ins-h', ordinal: 2, title: '新问题' }, measures: [{ id: 'm1', ordinal: 1, text: '一是' }] },
      { ...base, type: 'assign', assignment: { responsibleLeaderId: "p'--", leadUnitId: EVIL_UNIT, responsiblePersonId: 'clerk', deadline: '2023-10-31' } },
      { ...base, type: 'record_progress', text: '本周推进', measureId: 'm1', evidence: [{ kind: 'document', title: '制度', issuedOn: '2023-08-30' }] },
      { ...base, type: 'supervise', kind: 'urge', note: '督办' },
      { ...base, type: 'request_extension', extensionId: 'ext-1', to: '2023-12-31', reason: '客观原因' },
      { ...base, type: 'complete_measure', measureId: 'm1', evidence: [{ kind: 'note', text: '已完成' }] },
    ];
    // Which templates the store accepted, as written or mutated: a template that is always
    // refused would fuzz only the refusal path, so each must be accepted at least once.
    const accepted = new Map<string, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...templates).chain((t) => mutationsOf(t).map((input) => ({ type: t.type, input }))), async ({ type, input }) => {
        n += 1;
        const command = input !== null && typeof input === 'object' && (input as { commandId?: unknown }).commandId === 'FUZZ' ? { ...input, commandId: `fz-${n}` } : input;
        const before = await ctx.countEvents(store, driver, 'org-h');
        let written = 0;
        try {
          const applied = await store.apply(command);
          written = applied.duplicate ? 0 : 1;
          accepted.set(type, (accepted.get(type) ?? 0) + written);
        } catch (error) {
          assertTypedRefusal(error, 'store.apply');
        }
        expect(await ctx.countEvents(store, driver, 'org-h')).toBe(before + written);
      }),
      // Every template as written comes first, then the mutations.
      { ...runs(ctx), examples: templates.map((t): [{ type: string; input: unknown }] => [{ type: t.type, input: t }]) },
    );
    expect(Object.fromEntries(templates.map((t) => [t.type, (accepted.get(t.type) ?? 0) > 0]))).toEqual(Object.fromEntries(templates.map((t) => [t.type, true])));
  });

  it('imports or refuses fuzzed bundles whole, a refusal writing nothing', async () => {
    const { store, driver } = await ctx.open();
    await hostileTenant(store);
    await store.apply({ organisationId: 'org-h', type: 'create', commandId: 'c-0', findingId: 'f-0', actorId: 'clerk', at: instant(1), finding: { inspectionId: 'ins-h', ordinal: 1, title: '问题' } });
    const valid = await store.exportBundle({ organisationId: 'org-h' });
    // The bundle re-labelled as another organisation's, so that it could import cleanly.
    const renamed = JSON.parse(JSON.stringify(valid).replaceAll('org-h', 'org-x').replaceAll('ins-h', 'ins-x').replaceAll('"f-0"', '"f-x"').replaceAll('"c-0"', '"c-x"')) as Bundle;
    const other = { ...renamed, events: chainHistories(renamed.events) };
    await fc.assert(
      fc.asyncProperty(mutationsOf(other), async (bundle) => {
        const before = [await ctx.countEvents(store, driver, 'org-h'), await ctx.countFindings(store, driver, 'org-h')];
        const beforeOther = await ctx.countEvents(store, driver, 'org-x');
        try {
          await store.importBundle(bundle);
          return; // a harmless mutation imports; what it wrote is checked below
        } catch (error) {
          assertTypedRefusal(error, 'store.importBundle');
        }
        expect([await ctx.countEvents(store, driver, 'org-h'), await ctx.countFindings(store, driver, 'org-h')]).toEqual(before);
        expect(await ctx.countEvents(store, driver, 'org-x')).toBe(beforeOther);
      }),
      runs(ctx),
    );
    // Whatever was imported replays to what is stored, in every organisation.
    for (const tenant of (await store.exportBundle()).organisations.map((o) => o.id)) {
      expect((await store.verify(tenant)).mismatches, tenant).toEqual([]);
    }
  });
}

import { describe, expect, it } from 'vitest';
import { actorOf, decide, diffLines, findingRow, FindingQuerySchema, LIMITS, MAX_TITLE_LENGTH, runQuery, memoryDriver, openStore, ValidationError, type FindingEvent, type FindingState, type RectifyError } from '../src/index.js';
import { Harness, PEOPLE, testInspection } from './harness.js';

/** Oversized input is refused with the limit it broke and where; odd shapes are handled. */
describe('limits', () => {
  const issues = (error: RectifyError | undefined) => (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);

  it('refuses a 5 MB title, naming the field and the limit', () => {
    const h = new Harness();
    const d = h.run('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '整'.repeat(5 * 2 ** 20) } });
    expect(d.ok).toBe(false);
    expect(issues(d.ok ? undefined : d.error)).toEqual(['finding.title: At most 10,000 characters']);
  });

  it('refuses a finding of 100,000 measures at creation, and a measure past the limit later', () => {
    const h = new Harness();
    const measures = Array.from({ length: 100_000 }, (_, i) => ({ id: `m${i}`, ordinal: i + 1, text: '措施' }));
    const d = h.run('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' }, measures });
    expect(issues(d.ok ? undefined : d.error)).toEqual([`measures: At most ${LIMITS.measuresPerFinding.toLocaleString('en')} measures a finding`]);

    h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: 1, title: '问题' }, measures: measures.slice(0, LIMITS.measuresPerFinding) });
    const more = h.run('p-coord', 'add_measure', { measure: { id: 'one-more', ordinal: LIMITS.measuresPerFinding + 1, text: '再一项' } });
    expect(more.ok).toBe(false);
    expect(more.ok ? undefined : (more.error as RectifyError).code).toBe('rule.unmet');
    expect(more.ok ? '' : more.error.message).toContain(`at most ${LIMITS.measuresPerFinding.toLocaleString('en')} measures`);
  });

  it('refuses more than 1,000 pieces of evidence in one entry', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    const evidence = Array.from({ length: LIMITS.evidencePerEntry + 1 }, () => ({ kind: 'note', text: '记录' }));
    const d = h.run('p-resp', 'record_progress', { text: '推进', evidence });
    expect(issues(d.ok ? undefined : d.error)).toEqual([`evidence: At most ${LIMITS.evidencePerEntry.toLocaleString('en')} pieces of evidence an entry`]);
  });

  it('drops deeply nested fields it does not know, keeping the evidence it does', () => {
    const h = new Harness();
    h.createAssigned();
    h.ok('p-resp', 'start');
    let nested: Record<string, unknown> = { end: true };
    for (let i = 0; i < 50_000; i++) nested = { inner: nested };
    const state = h.ok('p-resp', 'record_progress', { text: '推进', evidence: [{ kind: 'note', text: '学习记录', nested }] });
    expect(state.progress.at(-1)?.evidence).toEqual([{ kind: 'note', text: '学习记录' }]);
  });

  // An organisation past ~120,000 events broke every command: its history was spread
  // into push(), which takes its arguments on the stack.
  it('exports, verifies and reads back an organisation of 130,000 events, and diffs texts of 150,000 lines', async () => {
    const inspection = testInspection();
    const coordinator = PEOPLE.find((p) => p.id === 'p-coord')!;
    const actor = actorOf(coordinator);
    const events: FindingEvent[] = [];
    let second = Date.parse('2023-08-30T01:00:00Z');
    const findings = 2_600;
    for (let n = 1; n <= findings; n++) {
      let state: FindingState | undefined;
      const commands = [
        { type: 'create', finding: { inspectionId: inspection.id, ordinal: n, title: `问题${n}` } },
        { type: 'assign', assignment: { responsibleLeaderId: 'p-leader', leadUnitId: 'u-law', coUnitIds: [], responsiblePersonId: 'p-resp', deadline: '2023-12-31' } },
        { type: 'start' },
        ...Array.from({ length: 47 }, (_, k) => ({ type: 'record_progress', kind: 'update', text: `第${k + 1}次进展` })),
      ];
      for (const [k, command] of commands.entries()) {
        const d = decide(state, { ...command, commandId: `c-${n}-${k}`, findingId: `f-${n}`, actorId: actor.id, at: new Date((second += 1000)).toISOString() }, { inspection, actor });
        if (!d.ok) throw d.error;
        state = d.state;
        events.push(d.event);
      }
    }
    expect(events.length).toBe(130_000);
    const store = await openStore(memoryDriver());
    await store.importBundle({
      format: 'rectify.bundle', version: 1,
      organisations: [{ id: 'org', name: '测试单位', units: [{ id: 'u-law', name: '法规股' }] }],
      people: PEOPLE.filter((p) => p.organisationId === 'org').map((person) => ({ tenantId: 'org', person })),
      inspections: [inspection],
      events,
    });
    const exported = await store.exportBundle();
    expect(exported.events.length).toBe(130_000);
    expect(await store.verify('org')).toEqual({ findings, events: 130_000, mismatches: [], breaks: [], digest: expect.stringMatching(/^[0-9a-f]{64}$/), files: { stored: 0, bytes: 0, corrupted: [], missing: [] } });
    const a = Array.from({ length: 150_000 }, (_, i) => `旧${i}`).join('\n');
    const b = Array.from({ length: 150_000 }, (_, i) => `新${i}`).join('\n');
    const diff = diffLines(a, b);
    expect(diff.length).toBe(300_000);
    expect([diff[0], diff[150_000]]).toEqual([{ kind: 'removed', text: '旧0', oldLine: 1 }, { kind: 'added', text: '新0', newLine: 1 }]);
  }, 120_000);

  it('pages by title through findings whose titles are as long as a title may be, in Chinese', () => {
    const h = new Harness();
    const ids = ['f-1', 'f-2', 'f-3'];
    for (const [i, id] of ids.entries()) {
      h.ok('p-coord', 'create', { finding: { inspectionId: 'ins-1', ordinal: i + 1, title: '整改'.repeat(MAX_TITLE_LENGTH / 2 - 1) + `${i}` } }, id);
    }
    const rows = ids.map((id) => findingRow('org', h.states.get(id)!, h.inspection));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = runQuery(rows, FindingQuerySchema.parse({ organisationId: 'org', sort: 'title', limit: 1, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((r) => r.findingId));
      cursor = page.nextCursor;
      if (cursor) expect(cursor.length).toBeGreaterThan(40_000);
    } while (cursor);
    expect(seen).toEqual(ids);
  });
});

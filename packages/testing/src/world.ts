import type { CommandInput, FindingState, Store } from '@rectify/core';

/** Two organisations (tenants) with their people, one inspection each, and findings in every status. */
export interface World {
  /** Tenant A: `org-a`, inspection `ins-a`. */
  a: { organisationId: string; inspectionId: string; findingIds: string[] };
  /** Tenant B: `org-b`, inspection `ins-b`. */
  b: { organisationId: string; inspectionId: string; findingIds: string[] };
  /** Every command applied, in order, each with the organisation it acted in. */
  commands: (CommandInput & { organisationId: string })[];
  /**
   * Each finding's state as its last command produced it (what `apply` answered, not
   * read back from the store), by tenant: the ground truth the kit's oracle counts and
   * queries over.
   */
  states: { a: FindingState[]; b: FindingState[] };
}

/** Titles that try the store: LIKE wildcards, quotes, SQL, CJK, emoji, HTML. */
export const HOSTILE_TITLES = [
  '财务档案资料管理不规范',
  "学习贯彻不够深入'; DROP TABLE rectify_findings; --",
  '100% 完成_率 \\ 反斜杠',
  '“一村一法律顾问”工作存在短板',
  '<script>alert(1)</script> 标题',
  '表情 🚩 与 𠀀 增补字',
  'Plain English title',
];

const UNITS = ['u-law', 'u-fin', 'u-office'];
const DEADLINES = ['2023-10-31', '2023-11-17', '2023-11-30', '2023-12-31'];

/** A small deterministic random sequence (no clock, no Math.random). */
function sequence(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** The instant of the n-th command, one hour apart from 2023-08-30 09:00 in China. */
export function instant(n: number): string {
  return new Date(Date.parse('2023-08-30T01:00:00Z') + n * 3_600_000).toISOString();
}

/**
 * Fills a store with {@link World}: `perTenant` findings in each of two organisations,
 * walked to statuses spread over the whole lifecycle.
 */
export async function buildWorld(store: Store, perTenant = 24, seed = 7): Promise<World> {
  const random = sequence(seed);
  const commands: World['commands'] = [];
  let n = 0;
  const latest = new Map<string, FindingState>();
  const apply = async (organisationId: string, command: Record<string, unknown>): Promise<FindingState> => {
    const c = { organisationId, commandId: `w-${++n}`, at: instant(n), ...command } as World['commands'][number];
    commands.push(c);
    const { state } = await store.apply(c);
    latest.set(state.finding.id, state);
    return state;
  };
  const world: World = {
    a: { organisationId: 'org-a', inspectionId: 'ins-a', findingIds: [] },
    b: { organisationId: 'org-b', inspectionId: 'ins-b', findingIds: [] },
    commands,
    states: { a: [], b: [] },
  };
  for (const t of [world.a, world.b]) {
    await store.saveOrganisation({ id: t.organisationId, name: `组织${t.organisationId}`, units: UNITS.map((id) => ({ id, name: id })) });
    await store.savePeople(t.organisationId, [
      { id: `${t.organisationId}-coord`, name: '政工室', organisationId: t.organisationId, unitId: 'u-office', roles: ['coordinator'] },
      { id: `${t.organisationId}-resp`, name: '责任人', organisationId: t.organisationId, unitId: 'u-law', roles: ['responsible_person'] },
      { id: `${t.organisationId}-leader`, name: '分管领导', organisationId: t.organisationId, roles: ['leader_in_charge'] },
      { id: `${t.organisationId}-principal`, name: '书记', organisationId: t.organisationId, roles: ['principal_leader'] },
      { id: `${t.organisationId}-inspector`, name: '巡察组', organisationId: 'inspectors', roles: ['inspector'] },
    ]);
    await store.saveInspection({
      id: t.inspectionId, kind: 'xuncha', title: `巡察${t.organisationId}`, inspector: { name: '区委第一巡察组' },
      subjectOrganisationId: t.organisationId, feedbackDate: '2023-08-17',
      categories: [{ id: 'c1', ordinal: 1, title: '第一方面' }, { id: 'c2', ordinal: 2, title: '第二方面' }],
    });
  }
  for (let i = 0; i < perTenant; i++) {
    for (const t of [world.a, world.b]) {
      const id = `${t.organisationId}-f${String(i).padStart(3, '0')}`;
      t.findingIds.push(id);
      const who = (role: string) => `${t.organisationId}-${role}`;
      await apply(t.organisationId, { type: 'create', findingId: id, actorId: who('coord'),
        finding: { inspectionId: t.inspectionId, categoryId: i % 3 === 2 ? undefined : `c${(i % 2) + 1}`, ordinal: i + 1, title: HOSTILE_TITLES[i % HOSTILE_TITLES.length] },
        measures: [{ id: 'm1', ordinal: 1, text: '一是建立制度' }, { id: 'm2', ordinal: 2, text: '二是长期坚持', kind: 'long_term' }] });
      const stage = Math.floor(random() * 7);
      if (stage === 0) continue; // not assigned
      await apply(t.organisationId, { type: 'assign', findingId: id, actorId: who('coord'), assignment: {
        responsibleLeaderId: who('leader'), leadUnitId: UNITS[Math.floor(random() * UNITS.length)], responsiblePersonId: who('resp'),
        deadline: DEADLINES[Math.floor(random() * DEADLINES.length)] } });
      if (stage === 1) continue; // not started
      await apply(t.organisationId, { type: 'record_progress', findingId: id, actorId: who('coord'), text: `进展 ${i}`, measureId: 'm2', evidence: [{ kind: 'note', text: '学习记录' }] });
      if (stage === 2) continue; // in progress
      await apply(t.organisationId, { type: 'complete_measure', findingId: id, actorId: who('coord'), measureId: 'm1', evidence: [{ kind: 'document', title: '制度文件', issuedOn: '2023-08-30' }] });
      await apply(t.organisationId, { type: 'mark_sustaining', findingId: id, actorId: who('coord') });
      if (stage === 3) continue; // sustaining
      await apply(t.organisationId, { type: 'request_signoff', findingId: id, actorId: who('coord') });
      if (stage === 4) continue; // awaiting sign-off
      await apply(t.organisationId, { type: 'approve', findingId: id, actorId: who('leader'), stage: 'preliminary' });
      await apply(t.organisationId, { type: 'approve', findingId: id, actorId: who('principal'), stage: 'final' });
      await apply(t.organisationId, { type: 'sign_off', findingId: id, actorId: who('coord') });
      if (stage === 5) continue; // signed off
      await apply(t.organisationId, { type: 'reopen', findingId: id, actorId: who('principal'), reason: '群众反映问题反弹' });
    }
  }
  world.states = { a: world.a.findingIds.map((id) => latest.get(id)!), b: world.b.findingIds.map((id) => latest.get(id)!) };
  return world;
}

/**
 * An organisation `org-race` with `count` created findings and a coordinator
 * `race-coord` who may supervise them: the ground for concurrent writers.
 */
export async function buildRaceTrack(store: Store, count = 50): Promise<{ organisationId: string; actorId: string; findingIds: string[] }> {
  const organisationId = 'org-race';
  await store.saveOrganisation({ id: organisationId, name: '并发测试单位' });
  await store.savePeople(organisationId, [{ id: 'race-coord', name: '政工室', organisationId, roles: ['coordinator'] }]);
  await store.saveInspection({ id: 'ins-race', kind: 'xuncha', title: '并发', inspector: { name: '巡察组' }, subjectOrganisationId: organisationId });
  const findingIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const findingId = `race-${String(i).padStart(3, '0')}`;
    await store.apply({ organisationId, type: 'create', commandId: `race-create-${i}`, findingId, actorId: 'race-coord', at: instant(i), finding: { inspectionId: 'ins-race', ordinal: i + 1, title: `问题${i}` } });
    findingIds.push(findingId);
  }
  return { organisationId, actorId: 'race-coord', findingIds };
}

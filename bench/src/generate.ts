import {
  decide,
  parseInspection,
  Roles,
  type Bundle,
  type FindingEvent,
  type FindingState,
  type Inspection,
  type Person,
} from '@rectify/core';

/** A deterministic random sequence (no Math.random: the same seed, the same data). */
export function sequence(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const WORDS = '学习贯彻落实制度建设整改措施责任部门台账管理财务档案资料规范监督检查专项治理队伍建设作风纪律长效机制组织领导问题清单'.split('');
const UNITS = ['u-office', 'u-finance', 'u-law', 'u-service', 'u-community', 'u-supervision'];

/** What one generated data set holds. */
export interface Dataset {
  bundle: Bundle;
  /** Each finding's final state, for the raw baseline's rows. */
  states: FindingState[];
  inspection: Inspection;
}

/**
 * A data set of `findings` findings, each with 4 measures and 12 weekly ledger entries
 * (20 events: create, assign, start, 12 entries, 4 measures done, complete), in
 * Chinese text of realistic length, for one organisation. Made through the core's
 * `decide`, so it is exactly what the library itself would store.
 */
export function generate(findings: number, seed = 1): Dataset {
  const random = sequence(seed);
  const text = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min)) }, () => WORDS[Math.floor(random() * WORDS.length)]).join('');
  const organisationId = 'bench-org';
  const inspection = parseInspection({
    id: 'bench-ins', kind: 'xuncha', title: '基准测试巡察', inspector: { name: '区委第一巡察组' }, subjectOrganisationId: organisationId, feedbackDate: '2023-08-17',
    categories: [1, 2, 3].map((n) => ({ id: `c${n}`, ordinal: n, title: text(12, 24) })),
  });
  const people: Person[] = [
    { id: 'p-coord', name: '政工室', organisationId, roles: [Roles.coordinator, Roles.responsiblePerson] },
    { id: 'p-leader', name: '分管领导', organisationId, roles: [Roles.leaderInCharge] },
  ];
  const actor = { id: 'p-coord', roles: [Roles.coordinator] };
  const events: FindingEvent[] = [];
  const states: FindingState[] = [];
  for (let i = 0; i < findings; i++) {
    const id = `f${String(i).padStart(6, '0')}`;
    let state: FindingState | undefined;
    let n = 0;
    const day = (offset: number) => new Date(Date.UTC(2023, 7, 30) + offset * 86_400_000).toISOString().slice(0, 10);
    const step = (d: string, command: Record<string, unknown>) => {
      const r = decide(state, { commandId: `${id}-${++n}`, findingId: id, actorId: 'p-coord', at: `${d}T10:00:00+08:00`, ...command } as never, { inspection, actor });
      if (!r.ok) throw r.error;
      state = r.state;
      events.push(r.event);
    };
    step(day(0), { type: 'create', finding: { inspectionId: inspection.id, categoryId: `c${(i % 3) + 1}`, ordinal: Math.floor(i / 3) + 1, title: text(10, 30) }, measures: [1, 2, 3, 4].map((m) => ({ id: `m${m}`, ordinal: m, text: text(40, 160) })) });
    step(day(0), { type: 'assign', assignment: { responsibleLeaderId: 'p-leader', leadUnitId: UNITS[i % UNITS.length], responsiblePersonId: 'p-coord', deadline: day(60 + Math.floor(random() * 60)) } });
    step(day(1), { type: 'start' });
    for (let w = 1; w <= 12; w++) step(day(w * 7), { type: 'record_progress', text: text(30, 120), measureId: `m${1 + (w % 4)}` });
    for (let m = 1; m <= 4; m++) step(day(85 + m), { type: 'complete_measure', measureId: `m${m}`, evidence: [{ kind: 'note', text: text(10, 30) }] });
    if (random() < 0.6) step(day(90), { type: 'complete' });
    states.push(state!);
  }
  return {
    bundle: { format: 'rectify.bundle', version: 1, organisations: [{ id: organisationId, name: '基准测试单位', units: UNITS.map((u) => ({ id: u, name: u })) }], people: people.map((person) => ({ tenantId: organisationId, person })), inspections: [inspection], events, supervisions: [], files: [] },
    states,
    inspection,
  };
}

/**
 * A supervising office's store: `organisations` organisations of `perOrganisation`
 * findings each, one round (inspection) apiece, over six lead units; each finding with
 * 2 measures and a short history (create, assign, start, 2 ledger entries; of those past
 * that, measures done, completion, some sign-off requests), so that every status, overdue,
 * due-soon and stale finding occurs. Ids are unique across the store, so one bundle holds it.
 */
export function generateOrganisations(organisations: number, perOrganisation: number, seed = 2): Bundle {
  const random = sequence(seed);
  const bundle: Bundle = { format: 'rectify.bundle', version: 1, organisations: [], people: [], inspections: [], events: [], supervisions: [], files: [] };
  const day = (offset: number) => new Date(Date.UTC(2023, 7, 30) + offset * 86_400_000).toISOString().slice(0, 10);
  for (let o = 0; o < organisations; o++) {
    const organisationId = `o${String(o).padStart(4, '0')}`;
    const inspection = parseInspection({
      id: `ins-${organisationId}`, kind: 'xuncha', title: `第${o + 1}轮巡察`, inspector: { name: '区委第一巡察组' }, subjectOrganisationId: organisationId, feedbackDate: '2023-08-17',
      categories: [1, 2, 3].map((n) => ({ id: `c${n}`, ordinal: n, title: `第${n}方面` })),
    });
    bundle.organisations.push({ id: organisationId, name: `单位${o + 1}`, units: UNITS.map((u) => ({ id: u, name: u })) });
    for (const person of [
      { id: 'p-coord', name: '政工室', organisationId, roles: [Roles.coordinator, Roles.responsiblePerson] },
      { id: 'p-leader', name: '分管领导', organisationId, roles: [Roles.leaderInCharge] },
    ]) bundle.people.push({ tenantId: organisationId, person });
    bundle.inspections.push(inspection);
    const actor = { id: 'p-coord', roles: [Roles.coordinator] };
    for (let i = 0; i < perOrganisation; i++) {
      const id = `${organisationId}-f${String(i).padStart(3, '0')}`;
      let state: FindingState | undefined;
      let n = 0;
      const step = (d: string, command: Record<string, unknown>) => {
        const r = decide(state, { commandId: `${id}-${++n}`, findingId: id, actorId: 'p-coord', at: `${d}T10:00:00+08:00`, ...command } as never, { inspection, actor });
        if (!r.ok) throw r.error;
        state = r.state;
        bundle.events.push(r.event);
      };
      step(day(0), { type: 'create', finding: { inspectionId: inspection.id, categoryId: `c${(i % 3) + 1}`, ordinal: i + 1, title: `问题${i + 1}` }, measures: [{ id: 'm1', ordinal: 1, text: '一是建立制度' }, { id: 'm2', ordinal: 2, text: '二是落实到位' }] });
      // Each organisation lags by its own amount: its findings stop at later or earlier stages.
      const stage = Math.floor(random() * 5 + (o % 3));
      if (stage === 0) continue;
      step(day(0), { type: 'assign', assignment: { responsibleLeaderId: 'p-leader', leadUnitId: UNITS[(i + o) % UNITS.length], responsiblePersonId: 'p-coord', deadline: day(40 + Math.floor(random() * 80)) } });
      if (stage === 1) continue;
      step(day(1), { type: 'start' });
      step(day(7 + Math.floor(random() * 30)), { type: 'record_progress', text: '本周推进整改', measureId: 'm1' });
      if (stage === 2) continue;
      step(day(50), { type: 'complete_measure', measureId: 'm1', evidence: [{ kind: 'note', text: '制度文件' }] });
      step(day(55 + Math.floor(random() * 40)), { type: 'complete_measure', measureId: 'm2', evidence: [{ kind: 'note', text: '落实记录' }] });
      step(day(96), { type: 'complete' });
      if (stage === 3) continue;
      step(day(97), { type: 'request_signoff' });
    }
  }
  return bundle;
}

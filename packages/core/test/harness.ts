import {
  actorOf,
  addCalendarDays,
  decide,
  parseInspection,
  parsePerson,
  type DecideContext,
  type Decision,
  type FindingEvent,
  type FindingState,
  type Inspection,
  type InspectionInput,
  type Person,
} from '../src/index.js';

/** People of the test organisation, one per built-in role, plus a second responsible person. */
export const PEOPLE: Person[] = [
  { id: 'p-principal', name: '书记', organisationId: 'org', roles: ['principal_leader'] },
  { id: 'p-leader', name: '分管领导甲', organisationId: 'org', roles: ['leader_in_charge'] },
  { id: 'p-leader2', name: '分管领导乙', organisationId: 'org', roles: ['leader_in_charge'] },
  { id: 'p-resp', name: '责任人甲', organisationId: 'org', unitId: 'u-law', roles: ['responsible_person'] },
  { id: 'p-resp2', name: '责任人乙', organisationId: 'org', unitId: 'u-fin', roles: ['responsible_person'] },
  { id: 'p-coord', name: '政工室', organisationId: 'org', unitId: 'u-office', roles: ['coordinator'] },
  { id: 'p-inspector', name: '巡察组', organisationId: 'org-inspect', roles: ['inspector'] },
  { id: 'p-supervisor', name: '纪委', organisationId: 'org-jw', roles: ['supervisor'] },
  { id: 'p-observer', name: '查看', organisationId: 'org', roles: ['observer'] },
].map((p) => parsePerson(p));

export const UNITS = [{ id: 'u-law' }, { id: 'u-fin' }, { id: 'u-office' }];

export function testInspection(overrides: Partial<InspectionInput> = {}): Inspection {
  return parseInspection({
    id: 'ins-1',
    kind: 'xuncha',
    title: '测试巡察',
    inspector: { name: '区委第一巡察组' },
    subjectOrganisationId: 'org',
    feedbackDate: '2023-08-17',
    categories: [
      { id: 'cat-1', ordinal: 1, title: '第一方面' },
      { id: 'cat-2', ordinal: 2, title: '第二方面' },
    ],
    ...overrides,
  });
}

/**
 * Runs commands against findings the way a store would: keeps each finding's state
 * and events, and issues commands at a clock that moves forward one hour per command.
 */
export class Harness {
  readonly states = new Map<string, FindingState>();
  readonly events = new Map<string, FindingEvent[]>();
  private clock: Date;
  private seq = 0;

  constructor(
    readonly inspection: Inspection = testInspection(),
    readonly extra: Partial<Omit<DecideContext, 'actor' | 'inspection'>> = {},
    start = '2023-08-30T09:00:00+08:00',
  ) {
    this.clock = new Date(start);
  }

  /** The instant of the next command (advances the clock). */
  tick(hours = 1): string {
    this.clock = new Date(this.clock.getTime() + hours * 3_600_000);
    return this.clock.toISOString().replace('.000Z', 'Z');
  }

  /** Moves the clock to 09:00 (+08:00) on a day. */
  goTo(day: string): void {
    this.clock = new Date(`${day}T09:00:00+08:00`);
  }

  /** Decides a command and, when accepted, keeps the event and the state. */
  run(actorId: string, type: string, payload: Record<string, unknown> = {}, findingId = 'f-1'): Decision {
    const person = PEOPLE.find((p) => p.id === actorId);
    const actor = person ? actorOf(person) : { id: actorId, roles: [] };
    const command = { commandId: `c-${++this.seq}`, findingId, actorId, at: this.tick(), type, ...payload };
    const decision = decide(this.states.get(findingId), command, { inspection: this.inspection, actor, ...this.extra });
    if (decision.ok) {
      this.states.set(findingId, decision.state);
      this.events.set(findingId, [...(this.events.get(findingId) ?? []), decision.event]);
    }
    return decision;
  }

  /** Like {@link run}, but throws when refused. */
  ok(actorId: string, type: string, payload: Record<string, unknown> = {}, findingId = 'f-1'): FindingState {
    const d = this.run(actorId, type, payload, findingId);
    if (!d.ok) throw d.error;
    return d.state;
  }

  state(findingId = 'f-1'): FindingState {
    const s = this.states.get(findingId);
    if (!s) throw new Error(`no finding ${findingId}`);
    return s;
  }

  /** Creates a finding with two measures (one by deadline, one long-term) and assigns it. */
  createAssigned(findingId = 'f-1', opts: { deadline?: string; longTerm?: boolean; personId?: string; unitId?: string } = {}): FindingState {
    this.ok('p-coord', 'create', {
      finding: { inspectionId: this.inspection.id, categoryId: 'cat-1', ordinal: this.states.size + 1, title: `问题${findingId}` },
      measures: [
        { id: 'm1', ordinal: 1, text: '一是建立制度', kind: 'by_deadline' },
        ...(opts.longTerm === false ? [] : [{ id: 'm2', ordinal: 2, text: '二是长期坚持学习', kind: 'long_term' }]),
      ],
    }, findingId);
    return this.ok('p-coord', 'assign', {
      assignment: {
        responsibleLeaderId: 'p-leader',
        leadUnitId: opts.unitId ?? 'u-law',
        responsiblePersonId: opts.personId ?? 'p-resp',
        deadline: opts.deadline ?? '2023-11-30',
      },
    }, findingId);
  }

  /** Completes every measure with one document as evidence and declares the finding completed. */
  completeAll(findingId = 'f-1', personId = 'p-resp'): FindingState {
    for (const m of this.state(findingId).measures) {
      if (m.status !== 'open') continue;
      this.ok(personId, 'complete_measure', {
        measureId: m.id,
        evidence: [{ kind: 'document', title: `关于${m.id}的通知`, issuedOn: '2023-09-01' }],
      }, findingId);
    }
    return this.ok(personId, 'complete', {}, findingId);
  }

  /** Takes a completed finding through the whole default chain to sign-off. */
  signOff(findingId = 'f-1'): FindingState {
    this.ok('p-resp', 'request_signoff', {}, findingId);
    this.ok('p-leader', 'approve', { stage: 'preliminary' }, findingId);
    this.ok('p-principal', 'approve', { stage: 'final' }, findingId);
    return this.ok('p-coord', 'sign_off', {}, findingId);
  }
}

export { addCalendarDays };

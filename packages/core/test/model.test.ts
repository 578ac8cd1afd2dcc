import { describe, expect, it } from 'vitest';
import {
  AssignmentSchema,
  EvidenceSchema,
  FindingSchema,
  MeasurePlanSchema,
  parseInspection,
  parseOrganisation,
  parsePerson,
  actorOf,
} from '../src/index.js';

describe('schemas', () => {
  it('fills the seed\'s workflow by default', () => {
    const ins = parseInspection({ id: 'i', kind: 'xuncha', title: 't', inspector: { name: '区委第一巡察组' }, subjectOrganisationId: 'o' });
    expect(ins.utcOffset).toBe('+08:00');
    expect(ins.workflow.approvalChain.map((s) => [s.id, s.role, s.assignee, s.coSignature])).toEqual([
      ['preliminary', 'leader_in_charge', 'responsibleLeader', false],
      ['final', 'principal_leader', undefined, true],
    ]);
    expect(ins.workflow.cadence).toEqual({ ledgerUpdateDays: 7, monthlyReportDueDay: 5, longTermReportDays: 31, dueSoonDays: 14 });
    expect(ins.workflow.distinctApprovers).toBe(true);
  });

  it('lets a workflow replace the chain and the cadence in part', () => {
    const ins = parseInspection({
      id: 'i', kind: 'iso_audit', title: 't', inspector: { name: 'CB' }, subjectOrganisationId: 'o',
      workflow: { approvalChain: [{ id: 'qm', role: 'quality_manager', label: { 'zh-CN': '质量经理', en: 'quality manager' } }], cadence: { monthlyReportDueDay: null } },
    });
    expect(ins.workflow.approvalChain).toHaveLength(1);
    expect(ins.workflow.cadence.monthlyReportDueDay).toBeNull();
    expect(ins.workflow.cadence.ledgerUpdateDays).toBe(7);
    const dup = () => parseInspection({ id: 'i', kind: 'other', title: 't', inspector: { name: 'x' }, subjectOrganisationId: 'o', workflow: { approvalChain: [
      { id: 'a', role: 'r', label: { 'zh-CN': 'a', en: 'a' } }, { id: 'a', role: 'r', label: { 'zh-CN': 'a', en: 'a' } },
    ] } });
    expect(dup).toThrow(/workflow\.approvalChain\[1\]\.id: Duplicate stage id/);
  });

  it('validates organisations and their units', () => {
    expect(parseOrganisation({ id: 'o', name: '司法局', units: [{ id: 'a', name: '政工室' }, { id: 'b', name: '城西所', parentId: 'a' }] }).units).toHaveLength(2);
    expect(() => parseOrganisation({ id: 'o', name: '司法局', units: [{ id: 'a', name: 'x' }, { id: 'a', name: 'y', parentId: 'z' }] }))
      .toThrow(/units\[1\]\.id: Duplicate unit id "a"[\s\S]*units\[1\]\.parentId: Unknown parent unit "z"/);
  });

  it('derives an actor from a person', () => {
    const p = parsePerson({ id: 'p', name: '张三', organisationId: 'o', unitId: 'u', roles: ['responsible_person'] });
    expect(actorOf(p)).toEqual({ id: 'p', roles: ['responsible_person'], unitId: 'u' });
    expect(actorOf(parsePerson({ id: 'q', name: '李四', organisationId: 'o' }))).toEqual({ id: 'q', roles: [] });
  });

  it('validates each kind of evidence', () => {
    expect(EvidenceSchema.parse({ kind: 'document', title: '关于开展社区矫正管理工作自查整改的通知', issuedOn: '2023-10-18' }).kind).toBe('document');
    expect(EvidenceSchema.safeParse({ kind: 'file', name: 'a.pdf', mediaType: 'application/pdf', sha256: 'ABC' }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ kind: 'file', name: 'a.pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64) }).success).toBe(true);
    expect(EvidenceSchema.safeParse({ kind: 'link', url: 'not a url' }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ kind: 'meeting', title: '党组会议', count: 7 }).success).toBe(true);
    expect(EvidenceSchema.safeParse({ kind: 'video', title: 'x' }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ kind: 'note', text: '   ' }).success).toBe(false);
  });

  it('defaults a measure to by-deadline and a finding to no relations', () => {
    expect(MeasurePlanSchema.parse({ id: 'm', ordinal: 1, text: 'x' }).kind).toBe('by_deadline');
    expect(FindingSchema.parse({ id: 'f', inspectionId: 'i', ordinal: 1, title: 't' })).toMatchObject({ relatedFindingIds: [], tags: [] });
    expect(AssignmentSchema.parse({ responsibleLeaderId: 'l', leadUnitId: 'u', responsiblePersonId: 'p', deadline: '2023-11-30' }).coUnitIds).toEqual([]);
  });
});

describe('JSON Schema', () => {
  it('describes commands, events and bundles for other languages', async () => {
    const { jsonSchema } = await import('../src/index.js');
    const command = jsonSchema('command') as { oneOf: { properties: { type: { const: string } } }[] };
    expect(command.oneOf.map((o) => o.properties.type.const)).toContain('record_progress');
    const bundle = jsonSchema('bundle') as { properties: Record<string, unknown>; $schema: string };
    expect(Object.keys(bundle.properties)).toEqual(['format', 'version', 'organisations', 'people', 'inspections', 'events', 'supervisions', 'files']);
    expect(bundle.$schema).toContain('2020-12');
    expect(JSON.stringify(jsonSchema('inspection'))).toContain('"pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"');
  });
});

import { NotFoundError, PermissionDeniedError } from '../errors/domain-errors.js';
import { parseWith, ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import type { Command } from '../lifecycle/commands.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation, Person } from '../model/organisation.js';
import { actorOf } from '../model/parse.js';
import { UnitSupervisionSchema, type UnitSupervision } from '../model/supervision.js';
import { defaultPolicy, type PermissionPolicy } from '../permissions/policy.js';
import type { DriverTransaction } from './driver.js';

/**
 * The key of a unit-wide supervision among the organisation's records: its round and its id,
 * as a JSON pair, unambiguous whatever the ids hold (and free of NUL, which PostgreSQL's text refuses).
 */
export const supervisionKey = (s: { inspectionId: string; id: string }) => JSON.stringify([s.inspectionId, s.id]);

/**
 * Records a unit-wide supervision in a transaction: the organisation, the round, the
 * actor and every target must exist, and the actor may `supervise` under the store's
 * policy (asked as for a `supervise` command, which is what this is, of no one finding).
 * The same id with the same content again changes nothing; with other content it is refused.
 */
export async function recordSupervisionIn(tx: DriverTransaction, input: unknown, policy: PermissionPolicy = defaultPolicy): Promise<UnitSupervision> {
  const s = parseWith(UnitSupervisionSchema, input, 'supervision');
  const organisation = (await tx.getRecord('organisation', s.organisationId, s.organisationId)) as Organisation | undefined;
  if (organisation === undefined) throw new NotFoundError('organisation', s.organisationId);
  const inspection = (await tx.getRecord('inspection', s.organisationId, s.inspectionId)) as Inspection | undefined;
  if (inspection === undefined) throw new NotFoundError('inspection', s.inspectionId);
  const people = (await tx.listRecords('person', s.organisationId)) as Person[];
  const actor = people.find((p) => p.id === s.actorId);
  if (actor === undefined) throw new PermissionDeniedError('supervise', s.actorId, [], `${s.actorId} is not a person of organisation ${s.organisationId}`);
  // The policy decides commands: this is a `supervise` of no one finding, asked as one.
  const asCommand = { type: 'supervise', commandId: s.id, findingId: '', actorId: s.actorId, at: `${s.on}T00:00:00${inspection.utcOffset}`, kind: s.kind, on: s.on, targetPersonIds: s.targetPersonIds, targetUnitIds: s.targetUnitIds, note: s.note } as Command;
  const verdict = policy({ command: asCommand, actor: actorOf(actor), state: undefined, inspection });
  if (!verdict.allowed) throw new PermissionDeniedError('supervise', s.actorId, verdict.requiredRoles, verdict.reason);
  const issues: ValidationIssue[] = [
    ...s.targetPersonIds.flatMap((id, i) => (people.some((p) => p.id === id) ? [] : [{ path: `targetPersonIds[${i}]`, message: `No person ${id} in organisation ${s.organisationId}`, code: 'custom' }])),
    ...s.targetUnitIds.flatMap((id, i) => (organisation.units.some((u) => u.id === id) ? [] : [{ path: `targetUnitIds[${i}]`, message: `No unit ${id} in organisation ${s.organisationId}`, code: 'custom' }])),
  ];
  if (issues.length > 0) throw new ValidationError('supervision', issues);
  const key = supervisionKey(s);
  const stored = (await tx.getRecord('supervision', s.organisationId, key)) as UnitSupervision | undefined;
  if (stored !== undefined) {
    if (JSON.stringify(stored) === JSON.stringify(s)) return stored;
    throw new ValidationError('supervision', [{ path: 'id', message: `Supervision ${s.id} of ${s.inspectionId} was recorded with other content: give a new id`, code: 'custom' }]);
  }
  await tx.putRecord('supervision', s.organisationId, key, s);
  return s;
}

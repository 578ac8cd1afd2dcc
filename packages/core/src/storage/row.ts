import { dayOfInstant } from '../dates/instant.js';
import type { FindingStatus } from '../lifecycle/status.js';
import { activeMeasures, hasApprovedExtension, isSustained, lastProgressOn, type FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';

/**
 * A finding as a store keeps it: the full state, plus the columns a database indexes
 * and filters on (derived from the state by {@link findingRow}, never set by hand).
 * Every row carries its tenant: the organisation the inspection inspected.
 */
export interface FindingRow {
  tenantId: string;
  findingId: string;
  inspectionId: string;
  categoryId: string | null;
  /** The category's ordinal, for sorting by （一）（二）…; 0 without a category. */
  categoryOrdinal: number;
  ordinal: number;
  title: string;
  status: FindingStatus;
  leadUnitId: string | null;
  responsiblePersonId: string | null;
  deadline: string | null;
  lastProgressOn: string | null;
  updatedAt: string;
  version: number;
  // The columns of a roll-up (`rollupCounts`): what a GROUP BY needs to count overdue,
  // on time, stale and behind schedule without reading the state.
  /** The day it was created, where its inspection is. */
  createdOn: string;
  /** The day it was assigned, if it was. */
  assignedOn: string | null;
  /** The first deadline it was given (before any extension), if any. */
  originalDeadline: string | null;
  /** The day its work was (last) completed, if it was. */
  completedOn: string | null;
  /** It had an extension approved. */
  extended: boolean;
  /** Its long-term work goes on (`isSustained`): its ledger is due every `longTermReportDays`. */
  sustained: boolean;
  /** Its measures still in the plan (not withdrawn), and how many of them are done. */
  measuresActive: number;
  measuresDone: number;
  state: FindingState;
}

/** Derives a finding's row from its state. */
export function findingRow(tenantId: string, state: FindingState, inspection: Pick<Inspection, 'categories' | 'utcOffset'>): FindingRow {
  const categoryId = state.finding.categoryId ?? null;
  const measures = activeMeasures(state);
  return {
    tenantId,
    findingId: state.finding.id,
    inspectionId: state.finding.inspectionId,
    categoryId,
    categoryOrdinal: inspection.categories.find((c) => c.id === categoryId)?.ordinal ?? 0,
    ordinal: state.finding.ordinal,
    title: state.finding.title,
    status: state.status,
    leadUnitId: state.assignment?.leadUnitId ?? null,
    responsiblePersonId: state.assignment?.responsiblePersonId ?? null,
    deadline: state.assignment?.deadline ?? null,
    lastProgressOn: lastProgressOn(state) ?? null,
    // Normalised to UTC so that text order is time order whatever offset it was written with.
    updatedAt: new Date(state.updatedAt).toISOString(),
    version: state.version,
    createdOn: dayOfInstant(state.createdAt, inspection.utcOffset),
    assignedOn: state.assignedOn ?? null,
    originalDeadline: state.originalDeadline ?? state.assignment?.deadline ?? null,
    completedOn: state.completedOn ?? null,
    extended: hasApprovedExtension(state),
    sustained: isSustained(state),
    measuresActive: measures.length,
    measuresDone: measures.filter((m) => m.status === 'done').length,
    state,
  };
}

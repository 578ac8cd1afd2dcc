import type { FindingStatus } from '../lifecycle/status.js';
import { lastProgressOn, type FindingState } from '../lifecycle/state.js';
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
  state: FindingState;
}

/** Derives a finding's row from its state. */
export function findingRow(tenantId: string, state: FindingState, inspection: Pick<Inspection, 'categories'>): FindingRow {
  const categoryId = state.finding.categoryId ?? null;
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
    state,
  };
}

import { findingRow, warningView, type FindingRow, type FindingState, type Inspection } from '@rectify/core';
import type { SqlDialect } from './dialect.js';
import type { SqlSession } from './session.js';

// Columns derived from a finding's state, added by a migration after the table had rows:
// the migration fills them from each state, as every write has derived them since.

/** The findings table's columns of a roll-up (schema version 3), in the order of {@link rollupValues}. */
export const ROLLUP_COLUMNS = ['created_on', 'assigned_on', 'original_deadline', 'completed_on', 'extended', 'sustained', 'measures_active', 'measures_done'] as const;

/** A row's values of {@link ROLLUP_COLUMNS}, as the table stores them (booleans as 0 and 1). */
export function rollupValues(row: FindingRow): unknown[] {
  return [row.createdOn, row.assignedOn, row.originalDeadline, row.completedOn, row.extended ? 1 : 0, row.sustained ? 1 : 0, row.measuresActive, row.measuresDone];
}

/** The `warning` column (schema version 5): the row's `WarningView`, as JSON. */
export function warningValue(row: Pick<FindingRow, 'state'>): string {
  return JSON.stringify(warningView(row.state));
}

/**
 * Fills derived columns of every finding from its state, inside the migration's
 * transaction: one read of the rows and of the inspections (for where each is: the day a
 * finding was created), then one update per finding.
 */
async function fillFromStates(
  session: SqlSession,
  dialect: SqlDialect,
  T: { findings: string; records: string },
  columns: readonly string[],
  values: (row: FindingRow) => unknown[],
): Promise<void> {
  const q = <R>(sql: string, params: readonly unknown[] = []) => session.query<R>(dialect.placeholders(sql), params);
  const inspections = new Map<string, Inspection>();
  for (const r of await q<{ tenant_id: string; id: string; body: string }>(`SELECT tenant_id, id, body FROM ${T.records} WHERE kind = 'inspection'`)) {
    inspections.set(`${r.tenant_id}\u0000${r.id}`, JSON.parse(r.body) as Inspection);
  }
  const rows = await q<{ tenant_id: string; finding_id: string; inspection_id: string; state: string }>(`SELECT tenant_id, finding_id, inspection_id, state FROM ${T.findings}`);
  for (const r of rows) {
    // An inspection that is not there (a damaged store) leaves the offset at its default.
    const inspection = inspections.get(`${r.tenant_id}\u0000${r.inspection_id}`) ?? { categories: [], utcOffset: '+08:00' };
    const row = findingRow(r.tenant_id, JSON.parse(r.state) as FindingState, inspection);
    await session.run(
      dialect.placeholders(`UPDATE ${T.findings} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE tenant_id = ? AND finding_id = ?`),
      [...values(row), r.tenant_id, r.finding_id],
    );
  }
}

/** The migration to schema version 3 adds the columns of a roll-up; this fills them. */
export function fillRollupColumns(session: SqlSession, dialect: SqlDialect, T: { findings: string; records: string }): Promise<void> {
  return fillFromStates(session, dialect, T, ROLLUP_COLUMNS, rollupValues);
}

/** The migration to schema version 5 adds the `warning` column; this fills it. */
export function fillWarningColumn(session: SqlSession, dialect: SqlDialect, T: { findings: string; records: string }): Promise<void> {
  return fillFromStates(session, dialect, T, ['warning'], (row) => [warningValue(row)]);
}

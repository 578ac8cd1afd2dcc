import { findingRow, type FindingRow, type FindingState, type Inspection } from '@rectify/core';
import type { SqlDialect } from './dialect.js';
import type { SqlSession } from './session.js';

/** The findings table's columns of a roll-up (schema version 3), in the order of {@link rollupValues}. */
export const ROLLUP_COLUMNS = ['created_on', 'assigned_on', 'original_deadline', 'completed_on', 'extended', 'sustained', 'measures_active', 'measures_done'] as const;

/** A row's values of {@link ROLLUP_COLUMNS}, as the table stores them (booleans as 0 and 1). */
export function rollupValues(row: FindingRow): unknown[] {
  return [row.createdOn, row.assignedOn, row.originalDeadline, row.completedOn, row.extended ? 1 : 0, row.sustained ? 1 : 0, row.measuresActive, row.measuresDone];
}

/**
 * The migration to schema version 3 adds the columns of a roll-up; this fills them from
 * each finding's state, as `findingRow` derives them for every row written since. One
 * read of the rows and of the inspections (for where each is: the day a finding was
 * created), then one update per finding, inside the migration's transaction.
 */
export async function fillRollupColumns(session: SqlSession, dialect: SqlDialect, T: { findings: string; records: string }): Promise<void> {
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
      dialect.placeholders(`UPDATE ${T.findings} SET ${ROLLUP_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE tenant_id = ? AND finding_id = ?`),
      [...rollupValues(row), r.tenant_id, r.finding_id],
    );
  }
}

import type { SqlDialect } from './dialect.js';
import type { SqlSession } from './session.js';

/**
 * Schema version 5 keeps the outbox entries still to deliver in a list of their own
 * (`notice_due` records) that a claim reads instead of the whole outbox; this copies the
 * entries of an older store that were pending, failed or being sent into it, inside the
 * migration's transaction, so that none of them is left undelivered.
 */
export async function fillOutboxDue(session: SqlSession, dialect: SqlDialect, T: { records: string }): Promise<void> {
  const rows = await session.query<{ tenant_id: string; id: string; body: string }>(
    dialect.placeholders(`SELECT tenant_id, id, body FROM ${T.records} WHERE kind = ?`),
    ['notice'],
  );
  for (const r of rows) {
    const { status } = JSON.parse(r.body) as { status: string };
    if (status !== 'pending' && status !== 'failed' && status !== 'sending') continue;
    await session.run(dialect.placeholders(`INSERT INTO ${T.records} (kind, tenant_id, id, body) VALUES (?, ?, ?, ?)`), ['notice_due', r.tenant_id, r.id, r.body]);
  }
}

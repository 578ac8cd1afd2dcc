import pg from 'pg';

/** The real server's URL when there is one: CI sets it (and fails without it). */
export const url = process.env['RECTIFY_PG_URL'];

/** Runs one statement on a connection of its own (not the driver under test). */
export async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

import { Client } from 'pg';

export interface TableFigures {
  rows: number;
  /** md5 over the md5 of every row's text, in sorted order: equal contents, equal checksum, whatever the physical order. */
  checksum: string;
}

/** Every table of the public schema (the migrations' bookkeeping included), by name. */
export async function listTables(c: Client): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return rows.map((r) => r.name);
}

/**
 * Row count and content checksum of every table, read by `c` (inside the caller's snapshot when it holds one). Text
 * forms depend on the session's time zone and date style, so both are pinned: a restore compares like with like.
 */
export async function tableFigures(c: Client): Promise<Record<string, TableFigures>> {
  await c.query(`SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; SET IntervalStyle = 'postgres'`);
  const out: Record<string, TableFigures> = {};
  for (const table of await listTables(c)) {
    const ident = `"${table.replace(/"/g, '""')}"`;
    const { rows } = await c.query<{ n: string; sum: string | null }>(
      `SELECT count(*)::bigint AS n, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS sum FROM (SELECT md5(t::text) AS h FROM public.${ident} t) x`,
    );
    out[table] = { rows: Number(rows[0].n), checksum: rows[0].sum ?? '' };
  }
  return out;
}

/** Tables whose rows or checksum differ between what a backup recorded and what a database holds. */
export function compareFigures(expected: Record<string, TableFigures>, actual: Record<string, TableFigures>): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`${table}: missing`);
    else if (got.rows !== want.rows) problems.push(`${table}: ${got.rows} rows, expected ${want.rows}`);
    else if (got.checksum !== want.checksum) problems.push(`${table}: contents differ (checksum ${got.checksum}, expected ${want.checksum})`);
  }
  for (const table of Object.keys(actual)) if (!(table in expected)) problems.push(`${table}: not in the backup`);
  return problems;
}

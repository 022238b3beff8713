import type { Knex } from 'knex';

/**
 * The houses' open-case figures (0033) under concurrent case steps: two transactions changing two cases
 * of one house each recounted the house's cases from a snapshot taken before the other committed, and the
 * later write kept a stale count or deadline (caught by the statistics recovery test, many steps in
 * flight). The recount now takes the houses' row locks first (in code order, so two recounts cannot
 * deadlock) and counts in a statement of its own: under READ COMMITTED that statement's snapshot is taken
 * after the lock is granted, so it sees what the transaction that held the lock committed.
 */
/** The recount of 0033, with the houses' locks taken first when `locked`. */
const syncOpenCases = (locked: boolean) => `
    CREATE OR REPLACE FUNCTION map_sync_open_cases(codes text[]) RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      written integer;
    BEGIN
      ${locked ? 'PERFORM 1 FROM buildings WHERE code = ANY(codes) ORDER BY code FOR NO KEY UPDATE;' : ''}
      UPDATE buildings b SET open_cases = x.n, open_case_due_at = x.due
        FROM (SELECT k.code, count(c.id)::int AS n, min(c.due_at) AS due
                FROM (SELECT DISTINCT unnest(codes) AS code) AS k
                LEFT JOIN cases c ON c.building_code = k.code AND c.status NOT IN ('closed', 'cancelled')
               GROUP BY k.code) AS x
       WHERE b.code = x.code AND (b.open_cases, b.open_case_due_at) IS DISTINCT FROM (x.n, x.due);
      GET DIAGNOSTICS written = ROW_COUNT;
      RETURN written;
    END $$;
  `;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(syncOpenCases(true));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(syncOpenCases(false));
}

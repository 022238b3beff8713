/**
 * Fills the read models with `count` open cases, one open task each (a third rectify tasks of
 * villages, the rest assign and recheck tasks of towns, one in ten rectify tasks claimed by the demo
 * inspector), due dates spread over forty days around today. Written directly as the workflows would
 * write them: the inbox benchmark measures the inbox queries, not the time to create 100,000 cases.
 */
import type { Db } from '../domain/db.ts';

export async function seedOpenTasks(db: Db, count: number): Promise<void> {
  await db.raw(
    `WITH b AS (SELECT code, village_code, row_number() OVER (ORDER BY code) - 1 AS i FROM buildings),
          n AS (SELECT count(*) AS total FROM buildings)
     INSERT INTO cases (number, definition_version, building_code, region_code, category, severity, description, status,
                        active_elements, due_at, last_seq, workflow_started_at)
     SELECT 'BENCH' || lpad(g::text, 8, '0'), 1, b.code, b.village_code, 'other',
            CASE WHEN g % 5 = 0 THEN 'serious' ELSE 'general' END, '收件箱基准', 'rectifying', '{Task_rectify}',
            now() + ((g % 40) - 10) * interval '1 day', 1, now()
     FROM generate_series(1, ?::int) AS g JOIN b ON b.i = g % (SELECT total FROM n)`,
    [count],
  );
  const inspector = (await db('users').where({ username: 'inspector' }).first('id')) as { id: string };
  await db.raw(
    `INSERT INTO tasks (case_id, task_no, step, element_id, roles, region_code, case_region_code, status, assignee_id, due_at, created_at)
     SELECT c.id, 1, s.step, s.element, s.roles, CASE WHEN s.step = 'rectify' THEN c.region_code ELSE substr(c.region_code, 1, 9) END, c.region_code,
            CASE WHEN s.step = 'rectify' AND k % 10 = 0 AND c.region_code = '441802006001' THEN 'claimed' ELSE 'open' END,
            CASE WHEN s.step = 'rectify' AND k % 10 = 0 AND c.region_code = '441802006001' THEN ?::uuid END,
            c.due_at, now()
     FROM (SELECT id, region_code, due_at, row_number() OVER (ORDER BY number) AS k FROM cases WHERE number LIKE 'BENCH%') c
     CROSS JOIN LATERAL (SELECT * FROM (VALUES
        (0, 'rectify', 'Task_rectify', ARRAY['inspector']),
        (1, 'recheck', 'Task_recheck', ARRAY['town_officer', 'inspector']),
        (2, 'assign', 'Task_assign', ARRAY['town_officer'])) AS v(m, step, element, roles) WHERE v.m = c.k % 3) s`,
    [inspector.id],
  );
  // As autovacuum would after a bulk load (and does over the weeks 100,000 open tasks take to gather):
  // statistics and the visibility map, so the counts run as index-only scans; then the dirty pages
  // are written out now, not in the middle of the measurement.
  await db.raw('VACUUM ANALYZE cases');
  await db.raw('VACUUM ANALYZE tasks');
  await db.raw('CHECKPOINT');
}

/**
 * The statistics benchmark's synthetic district (tools/synthetic/statistics-dataset.ts), at a small
 * size: the rows it writes are the ones the workflows would leave, so the figures measured over them
 * mean something. Each case has the tasks of its status, closed cases their closure, confirmed
 * complaints their cases, and everything lies within the last two years.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { writeStatisticsDataset } from '../../tools/synthetic/statistics-dataset.ts';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';

let database: TestDatabase;
const size = { houses: 1500, inspections: 6000, cases: 800, complaints: 400 };

before(async () => {
  database = await createTestDatabase();
  await writeStatisticsDataset(database.db, size);
});
after(async () => {
  await database.drop();
});

const one = async <T>(sql: string): Promise<T> => ((await database.db.raw(sql)).rows as T[])[0] as T;

test('writes the asked numbers of houses, inspections, cases and complaints', async () => {
  const n = await one<Record<string, number>>(
    `SELECT (SELECT count(*) FROM buildings) AS houses, (SELECT count(*) FROM inspections) AS inspections,
            (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM complaints) AS complaints`,
  );
  assert.deepEqual(n, size);
});

test('spreads inspections, cases and complaints over the last two years, daily and special, in real villages', async () => {
  const r = await one<{ early: boolean; late: boolean; kinds: number; outside: number; future: number }>(
    `SELECT min(inspected_at) < now() - interval '700 days' AS early, max(inspected_at) > now() - interval '30 days' AS late,
            count(DISTINCT kind) AS kinds,
            (SELECT count(*) FROM inspections i LEFT JOIN regions r ON r.code = i.region_code WHERE r.code IS NULL) AS outside,
            (SELECT count(*) FROM cases WHERE created_at > now() OR created_at < now() - interval '731 days')
              + (SELECT count(*) FROM complaints WHERE verified_at > now() OR created_at > now())
              + (SELECT count(*) FROM inspections WHERE inspected_at > now()) AS future
     FROM inspections`,
  );
  assert.deepEqual(r, { early: true, late: true, kinds: 2, outside: 0, future: 0 });
});

test('every open case has exactly one open task, of its step; a closed one has every task completed and a closure', async () => {
  const bad = await one<{ open: number; closed: number; cancelled: number }>(
    `SELECT
       (SELECT count(*) FROM cases c WHERE c.status IN ('assigning', 'controlling', 'rectifying', 'rechecking', 'closing')
          AND (SELECT count(*) FROM tasks t WHERE t.case_id = c.id AND t.status IN ('open', 'claimed')
               AND t.element_id = c.active_elements[1]) <> 1) AS open,
       (SELECT count(*) FROM cases c WHERE c.status = 'closed' AND (c.closed_at IS NULL OR c.closed_at < c.created_at
          OR EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status <> 'completed')
          OR NOT EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.step = 'close'))) AS closed,
       (SELECT count(*) FROM cases c WHERE c.status = 'cancelled'
          AND EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status IN ('open', 'claimed'))) AS cancelled`,
  );
  assert.deepEqual(bad, { open: 0, closed: 0, cancelled: 0 });
  const mix = await one<{ statuses: number; overdue: number; escalated: number; completed: number }>(
    `SELECT (SELECT count(DISTINCT status) FROM cases) AS statuses,
            (SELECT count(*) FROM cases WHERE status NOT IN ('closed', 'cancelled') AND due_at < now()) AS overdue,
            (SELECT count(*) FROM case_escalations) AS escalated,
            (SELECT count(*) FROM tasks WHERE status = 'completed' AND completed_at >= created_at) AS completed`,
  );
  assert.ok(mix.statuses >= 6, `statuses: ${mix.statuses}`);
  assert.ok(mix.overdue > 0 && mix.escalated > 0 && mix.completed > 0, JSON.stringify(mix));
});

test('complaints are verifying, confirmed or unfounded; confirmed ones lead to cases; inspection cases name their inspection', async () => {
  const c = await one<{ statuses: number; linked: number; wrong: number; inspected: number; unlinked: number }>(
    `SELECT (SELECT count(DISTINCT status) FROM complaints) AS statuses,
            (SELECT count(*) FROM complaints p JOIN cases c ON c.id = p.case_id AND c.source = 'complaint') AS linked,
            (SELECT count(*) FROM complaints WHERE case_id IS NOT NULL AND status <> 'confirmed') AS wrong,
            (SELECT count(*) FROM inspection_cases ic JOIN inspections i ON i.id = ic.inspection_id JOIN cases c ON c.id = ic.case_id
             WHERE c.building_code = i.building_code AND i.judgement <> 'none') AS inspected,
            (SELECT count(*) FROM cases c WHERE c.source = 'inspection'
             AND NOT EXISTS (SELECT 1 FROM inspection_cases ic WHERE ic.case_id = c.id)) AS unlinked`,
  );
  assert.equal(c.statuses, 3);
  assert.ok(c.linked > 0);
  assert.equal(c.wrong, 0);
  assert.ok(c.inspected > 0);
  assert.equal(c.unlinked, 0);
});

test("houses carry their latest inspection's judgement and a risk tier of every colour", async () => {
  const h = await one<{ stale: number; tiers: number }>(
    `SELECT (SELECT count(*) FROM buildings b JOIN LATERAL (SELECT judgement FROM inspections i WHERE i.building_code = b.code
              ORDER BY inspected_at DESC LIMIT 1) l ON true WHERE b.latest_judgement IS DISTINCT FROM l.judgement) AS stale,
            (SELECT count(DISTINCT risk_tier) FROM buildings) AS tiers`,
  );
  assert.deepEqual(h, { stale: 0, tiers: 4 });
});

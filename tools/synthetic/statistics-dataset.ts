/**
 * A synthetic district's history for the statistics benchmark (`npm run bench:stats`): houses over the
 * real villages (tools/synthetic/seed.ts), then inspections (daily and special), complaints (verifying,
 * confirmed, unfounded) and hazard cases with their tasks, due dates, closures and escalations, spread
 * over the two years before now; then each house's latest judgement and its risk tier by the risk rules
 * (domain/risk). Everything after the houses is written by set-based SQL
 * (INSERT … SELECT over generate_series) in one transaction, so the full size (1,000,000 inspections,
 * 100,000 cases) takes minutes on two cores. Random but not deterministic across runs (PostgreSQL's
 * random()); the proportions are what matter here.
 *
 * Run it as the database owner with the summary triggers disabled, then rebuild the summaries: the
 * rows are written as the workflows would leave them, not through them.
 */
import type { Db } from '../../domain/db.ts';
import { recomputeAllRiskTiers } from '../../domain/risk/refresh.ts';
import { seedSyntheticBuildings } from './seed.ts';

export interface StatisticsDatasetSize {
  houses: number;
  inspections: number;
  cases: number;
  complaints: number;
}

export const FULL_SIZE: StatisticsDatasetSize = { houses: 260_000, inspections: 1_000_000, cases: 100_000, complaints: 50_000 };

/** The full size times `scale` (at least a few of each). */
export function scaledSize(scale: number): StatisticsDatasetSize {
  const of = (n: number) => Math.max(50, Math.round(n * scale));
  return {
    houses: of(FULL_SIZE.houses),
    inspections: of(FULL_SIZE.inspections),
    cases: of(FULL_SIZE.cases),
    complaints: of(FULL_SIZE.complaints),
  };
}

const CATEGORIES = `ARRAY['foundation','structure_damage','structure_damage','structure_damage','illegal_addition','illegal_addition',
  'load_bearing_alteration','use_change','appraisal_report','ancillary','ancillary','surroundings','other']`;

/**
 * The case steps in order (v1 of the hazard case): ordinal, step, element, roles, region level, days to
 * its deadline. A case at status s has completed every step before it and has the step of s open.
 */
const STEPS = `(VALUES
  (1, 'assign', 'Task_assign', ARRAY['town_officer'], 'town', 3),
  (2, 'control', 'Task_control', ARRAY['inspector'], 'village', 2),
  (3, 'rectify', 'Task_rectify', ARRAY['inspector'], 'village', 30),
  (4, 'recheck', 'Task_recheck', ARRAY['town_officer','inspector'], 'town', 7),
  (5, 'close', 'Task_close', ARRAY['town_officer'], 'town', 3)) AS s(ord, step, element, roles, level, days)`;

export interface DatasetTimings {
  housesMs: number;
  inspectionsMs: number;
  complaintsMs: number;
  casesMs: number;
  tasksMs: number;
  housesStateMs: number;
}

/** Writes the dataset into a migrated database with the regions and demo users loaded (as the owner). */
export async function writeStatisticsDataset(
  db: Db,
  size: StatisticsDatasetSize,
  onProgress: (line: string) => void = () => {},
): Promise<DatasetTimings> {
  for (const [name, n] of Object.entries(size)) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  const timings: DatasetTimings = { housesMs: 0, inspectionsMs: 0, complaintsMs: 0, casesMs: 0, tasksMs: 0, housesStateMs: 0 };
  const timed = async (key: keyof DatasetTimings, label: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    timings[key] = Math.round(performance.now() - t);
    onProgress(`  ${label}: ${(timings[key] / 1000).toFixed(1)} s`);
  };
  await timed('housesMs', `${size.houses} houses`, () => seedSyntheticBuildings(db, { count: size.houses, batchSize: 5000 }));
  const inspector = (await db('users').where({ username: 'inspector' }).first('id', 'name')) as { id: string; name: string };
  const verifier = (await db('users').where({ username: 'town' }).first('id', 'name')) as { id: string; name: string };

  await db.transaction(async (trx) => {
    await trx.raw(`SET LOCAL synchronous_commit = off`);
    await trx.raw(`CREATE TEMP TABLE bench_h ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY code))::int AS i, code, village_code FROM buildings`);
    await trx.raw(`CREATE INDEX ON bench_h (i)`);
    await trx.raw(`ANALYZE bench_h`);
    const total = Number(((await trx.raw(`SELECT count(*)::int AS n FROM bench_h`)).rows as { n: number }[])[0]?.n);

    await timed('inspectionsMs', `${size.inspections} inspections`, () =>
      trx.raw(
        `INSERT INTO inspections (id, kind, building_code, region_code, inspector_id, inspector_name, judgement, hazards, notes,
                                  presence, distance_m, inspected_at, received_at)
         SELECT gen_random_uuid(), CASE WHEN r.k < 0.15 THEN 'special' ELSE 'daily' END, h.code, h.village_code, ?::uuid, ?,
                CASE WHEN r.j < 0.04 THEN 'serious' WHEN r.j < 0.18 THEN 'some' ELSE 'none' END, '[]'::jsonb, NULL,
                CASE WHEN r.p < 0.9 THEN 'near' WHEN r.p < 0.95 THEN 'far' ELSE 'unverifiable' END,
                CASE WHEN r.p < 0.9 THEN 20 WHEN r.p < 0.95 THEN 800 END, r.at, r.at + interval '2 minutes'
         FROM (SELECT g, random() AS k, random() AS j, random() AS p, now() - random() * interval '730 days' AS at,
                      1 + floor(random() * ${total})::int AS hi
               FROM generate_series(1, ${size.inspections}) AS g) r
         JOIN bench_h h ON h.i = r.hi`,
        [inspector.id, inspector.name],
      ),
    );

    // Complaints: a tenth still being verified (most of them recent), then about half confirmed.
    await timed('complaintsMs', `${size.complaints} complaints`, () =>
      trx.raw(
        `INSERT INTO complaints (tracking_no, secret_hash, channel, building_code, region_code, category, description, status,
                                 verify_due_at, verified_at, verified_by, verified_by_name, verify_note, reply, client_hash,
                                 last_seq, workflow_started_at, created_at)
         SELECT 'BS' || lpad(r.g::text, 8, '0'), md5(r.g::text) || md5('s' || r.g), 'web', h.code, h.village_code,
                (${CATEGORIES})[1 + floor(r.c * 13)::int], '基准测试投诉', r.status,
                r.at + interval '3 days',
                CASE WHEN r.status <> 'verifying' THEN least(r.at + r.v * interval '4 days', now()) END,
                CASE WHEN r.status <> 'verifying' THEN ?::uuid END,
                CASE WHEN r.status <> 'verifying' THEN ? END,
                CASE WHEN r.status <> 'verifying' THEN '已现场核实' END,
                CASE WHEN r.status = 'confirmed' THEN '已立案整治' WHEN r.status = 'unfounded' THEN '经核实不属实' END,
                md5('c' || r.g) || md5('d' || r.g), 2, r.at, r.at
         FROM (SELECT g, random() AS c, random() AS v, at,
                      CASE WHEN at > now() - interval '5 days' AND random() < 0.8 THEN 'verifying'
                           WHEN random() < 0.02 THEN 'verifying'
                           WHEN random() < 0.5 THEN 'confirmed' ELSE 'unfounded' END AS status,
                      1 + floor(random() * ${total})::int AS hi
               FROM (SELECT g, now() - random() * interval '730 days' AS at FROM generate_series(1, ${size.complaints}) AS g) t) r
         JOIN bench_h h ON h.i = r.hi`,
        [verifier.id, verifier.name],
      ),
    );

    await timed('casesMs', `${size.cases} cases`, async () => {
      // Where each case comes from: confirmed complaints (up to 15%), flagged inspections (55%), officers (the rest).
      await trx.raw(`CREATE TEMP TABLE bench_c (
          i serial, id uuid DEFAULT gen_random_uuid(), building_code varchar(18), region_code varchar(12), source text,
          inspection_id uuid, complaint_id uuid, created_at timestamptz, category text, severity text,
          status text, due_at timestamptz, closed_at timestamptz, has_control boolean, escalated boolean
        ) ON COMMIT DROP`);
      const fromComplaints = Math.round(size.cases * 0.15);
      const fromInspections = Math.round(size.cases * 0.55);
      await trx.raw(
        `INSERT INTO bench_c (building_code, region_code, source, complaint_id, created_at, category)
         SELECT building_code, region_code, 'complaint', id, verified_at, category
         FROM complaints WHERE status = 'confirmed' AND case_id IS NULL ORDER BY random() LIMIT ${fromComplaints}`,
      );
      await trx.raw(
        `INSERT INTO bench_c (building_code, region_code, source, inspection_id, created_at, category, severity)
         SELECT building_code, region_code, 'inspection', id, least(inspected_at + interval '10 minutes', now()),
                (${CATEGORIES})[1 + floor(random() * 13)::int], CASE WHEN judgement = 'serious' THEN 'serious' ELSE 'general' END
         FROM inspections WHERE judgement <> 'none' ORDER BY random() LIMIT ${fromInspections}`,
      );
      await trx.raw(
        `INSERT INTO bench_c (building_code, region_code, source, created_at, category)
         SELECT h.code, h.village_code, 'officer', r.at, (${CATEGORIES})[1 + floor(r.c * 13)::int]
         FROM (SELECT random() AS c, now() - random() * interval '730 days' AS at, 1 + floor(random() * ${total})::int AS hi
               FROM generate_series(1, greatest(0, ${size.cases} - (SELECT count(*) FROM bench_c)::int))) r
         JOIN bench_h h ON h.i = r.hi`,
      );
      // Status by age: older cases are mostly closed; 4% cancelled (误报); the open ones at every step,
      // their deadlines from two weeks past to four weeks ahead (about a third overdue).
      await trx.raw(
        `UPDATE bench_c SET
           severity = coalesce(severity, CASE WHEN random() < 0.2 THEN 'serious' ELSE 'general' END),
           status = CASE
             WHEN random() < 0.04 THEN 'cancelled'
             WHEN random() < CASE WHEN created_at < now() - interval '90 days' THEN 0.93
                                  WHEN created_at < now() - interval '30 days' THEN 0.6 ELSE 0.15 END THEN 'closed'
             ELSE (ARRAY['registered','assigning','assigning','controlling','rectifying','rectifying','rectifying','rectifying',
                         'rechecking','rechecking','closing'])[1 + floor(random() * 11)::int] END,
           escalated = random() < 0.05`,
      );
      await trx.raw(
        `UPDATE bench_c SET
           status = CASE WHEN status = 'controlling' AND severity <> 'serious' THEN 'rectifying' ELSE status END,
           has_control = severity = 'serious' AND (status = 'controlling' OR random() < 0.3),
           closed_at = CASE WHEN status IN ('closed', 'cancelled')
                            THEN greatest(created_at, least(now() - interval '1 hour', created_at + (1 + random() * 45) * interval '1 day')) END,
           due_at = CASE WHEN status NOT IN ('closed', 'cancelled', 'registered')
                         THEN greatest(created_at + interval '1 day', now() + (random() * 42 - 14) * interval '1 day') END`,
      );
      await trx.raw(
        `INSERT INTO cases (id, number, definition_version, building_code, region_code, category, severity, description, source,
                            source_ref, status, active_elements, due_at, escalation_count, measures, rectify_deadline,
                            cancel_reason, last_seq, workflow_started_at, created_at, updated_at, closed_at)
         SELECT id, 'BS' || lpad(i::text, 8, '0'), 1, building_code, region_code, category, severity, '基准测试隐患', source,
                CASE WHEN source = 'complaint' THEN complaint_id::text WHEN source = 'inspection' THEN inspection_id::text END,
                status,
                CASE status WHEN 'assigning' THEN '{Task_assign}'::text[] WHEN 'controlling' THEN '{Task_control}'::text[]
                            WHEN 'rectifying' THEN '{Task_rectify}'::text[] WHEN 'rechecking' THEN '{Task_recheck}'::text[]
                            WHEN 'closing' THEN '{Task_close}'::text[] ELSE '{}'::text[] END,
                due_at, CASE WHEN escalated THEN 1 ELSE 0 END,
                CASE WHEN status NOT IN ('registered', 'assigning', 'cancelled') THEN '{repair_reinforce}'::text[] END,
                CASE WHEN status NOT IN ('registered', 'assigning', 'cancelled') THEN (created_at + interval '33 days')::date END,
                CASE WHEN status = 'cancelled' THEN '误报' END,
                0, created_at, created_at, coalesce(closed_at, created_at), closed_at
         FROM bench_c`,
      );
      await trx.raw(
        `INSERT INTO inspection_cases (inspection_id, case_id, category, joined)
         SELECT inspection_id, id, category, false FROM bench_c WHERE source = 'inspection'`,
      );
      await trx.raw(`UPDATE complaints p SET case_id = c.id, joined_case = false FROM bench_c c WHERE c.complaint_id = p.id`);
      await trx.raw(
        `INSERT INTO case_escalations (case_id, no, reason, reason_text, element_id, status, receipt_id, requested_at, answered_at)
         SELECT id, 1, 'overdue', '整改逾期', 'Task_rectify', 'accepted', 'R' || i,
                created_at + (coalesce(closed_at, now()) - created_at) * 0.6, created_at + (coalesce(closed_at, now()) - created_at) * 0.61
         FROM bench_c WHERE escalated AND status NOT IN ('registered', 'assigning', 'cancelled')`,
      );
    });

    // Tasks: every step before the case's current one completed, the current one open (a fifth claimed)
    // or cancelled with the case; times spread evenly from the case's creation to its closure (or now).
    await timed('tasksMs', 'tasks', () =>
      trx.raw(
        `WITH c AS (
           SELECT *, CASE status WHEN 'registered' THEN 0 WHEN 'assigning' THEN 1 WHEN 'controlling' THEN 2 WHEN 'rectifying' THEN 3
                                 WHEN 'rechecking' THEN 4 WHEN 'closing' THEN 5 WHEN 'closed' THEN 6
                                 ELSE 1 + floor(random() * 3)::int END AS cur,
                     coalesce(closed_at, now()) - created_at AS span
           FROM bench_c),
         t AS (
           SELECT c.*, s.*, row_number() OVER (PARTITION BY c.id ORDER BY s.ord) AS no,
                  count(*) OVER (PARTITION BY c.id) AS steps
           FROM c JOIN ${STEPS} ON s.ord <= c.cur AND (s.ord <> 2 OR c.has_control))
         INSERT INTO tasks (case_id, task_no, step, element_id, roles, region_code, case_region_code, status, assignee_id,
                            due_at, created_at, claimed_at, completed_at, completed_by, outcome, form)
         SELECT id, no, step, element, roles, CASE WHEN level = 'town' THEN substr(region_code, 1, 9) ELSE region_code END, region_code,
                CASE WHEN ord < cur THEN 'completed' WHEN status = 'cancelled' THEN 'cancelled'
                     WHEN status = 'closed' THEN 'completed' WHEN random() < 0.2 THEN 'claimed' ELSE 'open' END,
                CASE WHEN ord < cur OR status = 'closed' THEN ?::uuid END,
                CASE WHEN ord >= cur AND status NOT IN ('closed', 'cancelled') THEN due_at
                     ELSE created_at + span * (no - 1) / (steps + 1) + days * interval '1 day' END,
                created_at + span * (no - 1) / (steps + 1), NULL,
                CASE WHEN ord < cur OR status = 'closed' THEN created_at + span * no / (steps + 1)
                                                             + (random() - 0.5) * span / (steps + 1) END,
                CASE WHEN ord < cur OR status = 'closed' THEN ?::uuid END,
                CASE WHEN ord < cur OR status = 'closed' THEN 'done' END,
                CASE WHEN ord < cur OR status = 'closed' THEN '{}'::jsonb END
         FROM t`,
        [verifier.id, verifier.id],
      ),
    );
  });

  // The houses' state as the inspections and cases leave it: the latest judgement, then each house's
  // risk tier by the risk rules themselves (definitions/risk-tiers, as npm run risk:recompute does).
  await timed('housesStateMs', 'houses: latest judgement and risk tier', async () => {
    await db.raw(
      `UPDATE buildings b SET latest_judgement = l.judgement, latest_judgement_at = (l.inspected_at AT TIME ZONE 'Asia/Shanghai')::date
       FROM (SELECT DISTINCT ON (building_code) building_code, judgement, inspected_at FROM inspections
             ORDER BY building_code, inspected_at DESC) l
       WHERE b.code = l.building_code AND (b.latest_judgement IS DISTINCT FROM l.judgement
             OR b.latest_judgement_at IS DISTINCT FROM (l.inspected_at AT TIME ZONE 'Asia/Shanghai')::date)`,
    );
    await db.raw('VACUUM ANALYZE buildings, cases, inspections, complaints');
    await recomputeAllRiskTiers(db, { batchSize: 2000 });
  });
  for (const table of ['buildings', 'inspections', 'complaints', 'cases', 'tasks', 'case_escalations', 'inspection_cases']) {
    await db.raw(`VACUUM ANALYZE ${table}`);
  }
  await db.raw('CHECKPOINT');
  return timings;
}

/**
 * `InspectionDueStore` on PostgreSQL. The pass's writes are conditional (an item is written only when a
 * house has no open one, given only while still due), so a retried or re-run pass writes nothing twice;
 * a village's hand-out is one transaction under its advisory lock, so a worker killed halfway loses it
 * whole or keeps it whole.
 */
import type { InspectionScheduleDefinition } from '../../definitions/inspection-schedule/index.ts';
import { intervalsByTier } from '../../definitions/inspection-schedule/index.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { BASIS, COVERAGE_SQL, FALLING_DUE, TIER_RANK } from './due-sql.ts';
import { COUNT_COLUMNS, counts, toItem, zero } from './due-rows.ts';
import type { Row } from './due-rows.ts';
import { planAssignments } from './plan.ts';
import { COVERAGE_CLASSES } from './store.ts';
import type { ClosingInspection, Coverage, CoverageFilter, DueItem, InspectionDueStore } from './store.ts';
const SCOPE = { regionCode: 'd.village_code' };

/** Writes the open item of the houses `b` the `where` picks (parameters after the five of the insert). */
function insertOpen(where: string): string {
  return `INSERT INTO inspection_due (building_code, village_code, tier, version, day_seconds, basis_at, due_at)
    SELECT b.code, b.village_code, b.risk_tier, ?, ?, s.basis, coalesce(s.basis + (iv.days * ?::int) * interval '1 second', ?::timestamptz)
      FROM buildings b
      JOIN jsonb_to_recordset(?::jsonb) AS iv(tier text, days int) ON iv.tier = b.risk_tier
      CROSS JOIN LATERAL (SELECT ${BASIS} AS basis) s
     WHERE ${where} AND NOT EXISTS (SELECT 1 FROM inspection_due o WHERE o.building_code = b.code AND o.status <> 'done')
    ON CONFLICT (building_code) WHERE status <> 'done' DO NOTHING`;
}
const insertParams = (def: InspectionScheduleDefinition, daySeconds: number, now: string) => [
  def.version,
  daySeconds,
  daySeconds,
  now,
  JSON.stringify(intervalsByTier(def)),
];

export class DatabaseInspectionDueStore implements InspectionDueStore {
  constructor(private readonly db: Db) {}

  async createMissing(
    def: InspectionScheduleDefinition,
    daySeconds: number,
    after: string,
    limit: number,
    now: string,
  ): Promise<{ created: number; last: string | null }> {
    const { rows } = (await this.db.raw(
      `WITH picked AS (SELECT code FROM buildings WHERE code > ? ORDER BY code LIMIT ?),
            ins AS (${insertOpen('b.code IN (SELECT code FROM picked)')} RETURNING 1)
       SELECT (SELECT count(*)::int FROM ins) AS created, (SELECT max(code) FROM picked) AS last`,
      [after, limit, ...insertParams(def, daySeconds, now)],
    )) as { rows: { created: number; last: string | null }[] };
    return rows[0] as { created: number; last: string | null };
  }

  async villagesToAssign(def: InspectionScheduleDefinition, now: string): Promise<string[]> {
    const { rows } = (await this.db.raw(
      `SELECT DISTINCT d.village_code FROM inspection_due d
        WHERE (d.status = 'due' AND ${FALLING_DUE}
               AND EXISTS (SELECT 1 FROM users u WHERE u.role = 'inspector' AND u.region_code = d.village_code AND NOT u.disabled))
           OR (d.status = 'assigned' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.assignee_id AND u.role = 'inspector'
                                                     AND u.region_code = d.village_code AND NOT u.disabled))
        ORDER BY 1`,
      [def.assignAheadDays, now],
    )) as { rows: { village_code: string }[] };
    return rows.map((r) => r.village_code);
  }

  async holdersOn(villageCode: string, dayStart: string): Promise<string[]> {
    const rows = (await this.db('inspection_due')
      .distinct('assignee_id')
      .where({ village_code: villageCode, status: 'assigned', assigned_day: dayStart })
      .orderBy('assignee_id')) as { assignee_id: string }[];
    return rows.map((r) => r.assignee_id);
  }

  assignVillage(def: InspectionScheduleDefinition, villageCode: string, now: string, dayStart: string): Promise<number> {
    return this.db.transaction(async (trx) => {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`inspection_due:${villageCode}`]);
      const inspectors = (await trx('users')
        .where({ role: 'inspector', region_code: villageCode, disabled: false })
        .orderBy('id')
        .select('id', 'name')) as { id: string; name: string }[];
      const ids = inspectors.map((i) => i.id);
      // Houses held by someone no longer an inspector here go back to be handed out again.
      await trx.raw(
        `UPDATE inspection_due SET status = 'due', assignee_id = NULL, assignee_name = NULL, assigned_day = NULL, assigned_at = NULL
          WHERE village_code = ? AND status = 'assigned' AND NOT (assignee_id = ANY(?::uuid[]))`,
        [villageCode, ids],
      );
      if (ids.length === 0) return 0;
      const { rows: loads } = (await trx.raw(
        `SELECT assignee_id, count(*)::int AS load FROM inspection_due
          WHERE assignee_id = ANY(?::uuid[]) AND ((status = 'assigned' AND assigned_day < ?) OR assigned_day = ?)
          GROUP BY assignee_id`,
        [ids, dayStart, dayStart],
      )) as { rows: { assignee_id: string; load: number }[] };
      const loadOf = new Map(loads.map((l) => [l.assignee_id, l.load]));
      const withLoad = inspectors.map((i) => ({ ...i, load: loadOf.get(i.id) ?? 0 }));
      const room = withLoad.reduce((sum, i) => sum + Math.max(0, def.dailyCap - i.load), 0);
      if (room === 0) return 0;
      const { rows: candidates } = (await trx.raw(
        `SELECT d.id FROM inspection_due d
          WHERE d.village_code = ? AND d.status = 'due' AND ${FALLING_DUE}
          ORDER BY ${TIER_RANK}, d.due_at, d.id LIMIT ? FOR UPDATE`,
        [villageCode, def.assignAheadDays, now, room],
      )) as { rows: { id: string }[] };
      const plan = planAssignments(
        candidates.map((c) => String(c.id)),
        withLoad,
        def.dailyCap,
      );
      if (plan.length === 0) return 0;
      const { rowCount } = (await trx.raw(
        `UPDATE inspection_due d SET status = 'assigned', assignee_id = a.inspector, assignee_name = a.name, assigned_day = ?, assigned_at = ?
           FROM jsonb_to_recordset(?::jsonb) AS a(id bigint, inspector uuid, name text)
          WHERE d.id = a.id AND d.status = 'due'`,
        [dayStart, now, JSON.stringify(plan.map((p) => ({ id: p.itemId, inspector: p.inspectorId, name: p.inspectorName })))],
      )) as { rowCount: number };
      return rowCount;
    });
  }

  async fulfil(
    trx: Db,
    buildingCode: string,
    inspection: ClosingInspection,
    def: InspectionScheduleDefinition,
    daySeconds: number,
  ): Promise<void> {
    // A form sent late from a phone, dated before the inspection the open item counts from, closes nothing.
    await trx.raw(
      `UPDATE inspection_due SET status = 'done', inspection_id = ?, done_at = ?
        WHERE building_code = ? AND status <> 'done' AND (basis_at IS NULL OR basis_at <= ?)`,
      [inspection.id, inspection.inspectedAt, buildingCode, inspection.inspectedAt],
    );
    await trx.raw(insertOpen('b.code = ?'), [...insertParams(def, daySeconds, inspection.inspectedAt), buildingCode]);
  }

  async reschedule(trx: Db, codes: readonly string[], def: InspectionScheduleDefinition): Promise<void> {
    if (codes.length === 0) return;
    // Never inspected: already due from when it was written, whatever its tier.
    await trx.raw(
      `UPDATE inspection_due d SET tier = b.risk_tier, version = ?,
              due_at = CASE WHEN d.basis_at IS NULL THEN d.due_at ELSE d.basis_at + (iv.days * d.day_seconds) * interval '1 second' END
         FROM buildings b JOIN jsonb_to_recordset(?::jsonb) AS iv(tier text, days int) ON iv.tier = b.risk_tier
        WHERE d.building_code = b.code AND d.status <> 'done' AND b.code = ANY(?::text[]) AND d.tier <> b.risk_tier`,
      [def.version, JSON.stringify(intervalsByTier(def)), [...codes]],
    );
  }

  private base(db: Db = this.db) {
    return db('inspection_due as d')
      .join('buildings as b', 'b.code', 'd.building_code')
      .leftJoin('regions as v', 'v.code', 'd.village_code')
      .select('d.*', 'b.address', 'b.risk_tier', 'v.name as village_name');
  }

  async batch(userId: string, params: ListParams): Promise<ListResult<DueItem>> {
    const query = this.base().where({ 'd.assignee_id': userId, 'd.status': 'assigned' });
    const now = Date.now();
    const [countRow, rows] = (await Promise.all([
      query.clone().clearSelect().count({ n: '*' }).first(),
      query
        .clone()
        .orderByRaw(`${TIER_RANK}, d.due_at, d.id`)
        .limit(params.perPage)
        .offset((params.page - 1) * params.perPage),
    ])) as [{ n: number } | undefined, Row[]];
    return { data: rows.map((r) => toItem(r, now)), total: countRow?.n ?? 0 };
  }

  private filtered(ability: AppAbility, filter: CoverageFilter, now: string) {
    const query = whereAllowed(this.base(), ability, 'read', 'Inspection', SCOPE)
      .where('d.due_at', '>=', filter.from)
      .where('d.due_at', '<', filter.to);
    if (filter.regionCode) query.whereRaw('d.village_code LIKE ?', [`${filter.regionCode}%`]);
    if (filter.unassigned) query.whereNull('d.assignee_id');
    else if (filter.assigneeId) query.where('d.assignee_id', filter.assigneeId);
    if (filter.coverage) query.whereRaw(COVERAGE_SQL[filter.coverage], [now]);
    return query;
  }

  async list(ability: AppAbility, filter: CoverageFilter, params: ListParams, now: string): Promise<ListResult<DueItem>> {
    const at = Date.parse(now);
    return paged<Row, DueItem>(
      this.filtered(ability, filter, now),
      params,
      { dueAt: 'd.due_at', doneAt: 'd.done_at', buildingCode: 'd.building_code' },
      'dueAt',
      'd.id',
      (r) => toItem(r, at),
    );
  }

  async coverage(ability: AppAbility, filter: CoverageFilter, now: string): Promise<Coverage> {
    const params = COVERAGE_CLASSES.map(() => now);
    const columns = `count(*)::int AS due, ${COUNT_COLUMNS}`;
    const grouped = (key: string, select: string) =>
      this.filtered(ability, filter, now).clearSelect().select(this.db.raw(select), this.db.raw(columns, params)).groupBy(key);
    const [totalRows, villageRows, inspectorRows] = (await Promise.all([
      this.filtered(ability, filter, now).clearSelect().select(this.db.raw(columns, params)),
      grouped('d.village_code', 'd.village_code AS village_code, max(v.name) AS village_name').orderBy('d.village_code'),
      // By the inspector's id alone (a renamed user stays one row), so a row's list has the row's total.
      grouped('d.assignee_id', 'd.assignee_id AS assignee_id, max(d.assignee_name) AS assignee_name').orderByRaw(
        'max(d.assignee_name) NULLS LAST, d.assignee_id',
      ),
    ])) as [Row[], Row[], Row[]];
    return {
      total: totalRows[0] ? counts(totalRows[0]) : zero(),
      villages: villageRows.map((r) => ({
        villageCode: r.village_code as string,
        villageName: (r.village_name as string | null) ?? null,
        ...counts(r),
      })),
      inspectors: inspectorRows.map((r) => ({
        assigneeId: (r.assignee_id as string | null) ?? null,
        assigneeName: (r.assignee_name as string | null) ?? null,
        ...counts(r),
      })),
    };
  }
}

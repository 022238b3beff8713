/**
 * `DueHouseStore` on PostgreSQL: a house is due when its 定期巡查 item falls due (its tier's interval,
 * handed out as the scheduling pass hands it out), or, for a house the pass has not reached yet (no open
 * item), by the registry's yearly rule; within the reader's region rules, paged, by distance or code.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { SCOPE, applyBuildingFilter } from '../buildings/building-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListResult } from '../paging.ts';
import type { RiskTier } from '../../definitions/risk-tiers/index.ts';
import { inspectionScheduleDefinition } from '../../definitions/inspection-schedule/index.ts';
import { houseDueSql } from '../inspection-schedule/due-sql.ts';
import type { DueHouse, DueHouseQuery, DueHouseStore } from './due-houses.ts';

interface Row {
  code: string;
  address: string;
  village_name: string | null;
  risk_tier: RiskTier;
  latest_judgement_at: string | null;
  due_at: Date | null;
  distance_m: number | null;
}

/** Metres per degree of latitude (and of longitude at the equator). */
const METRES_PER_DEGREE = 111_195;

export class DatabaseDueHouseStore implements DueHouseStore {
  constructor(private readonly db: Db) {}

  /**
   * A page of the due houses. The distance is taken on a locally flat Earth, scaled at the reader's
   * latitude (over a village's few kilometres, off by less than a metre per kilometre); houses without
   * a position sort after every other.
   */
  async due(ability: AppAbility, query: DueHouseQuery): Promise<ListResult<DueHouse>> {
    const { near } = query;
    const distance = near
      ? this.db.raw('round(sqrt(power(b.latitude - ?, 2) + power((b.longitude - ?) * ?, 2)) * ?)::int AS distance_m', [
          near.latitude,
          near.longitude,
          Math.cos((near.latitude * Math.PI) / 180),
          METRES_PER_DEGREE,
        ])
      : this.db.raw('NULL::int AS distance_m');
    const rows = whereAllowed(
      this.db('buildings as b').leftJoin('regions as v', 'v.code', 'b.village_code'),
      ability,
      'read',
      'Building',
      SCOPE,
    );
    rows.leftJoin('inspection_due as d', (j) => j.on('d.building_code', 'b.code').andOnVal('d.status', '<>', 'done'));
    applyBuildingFilter(rows, { regionCode: query.regionCode });
    const due = houseDueSql(
      { since: query.dueSince, now: query.now ?? new Date().toISOString() },
      inspectionScheduleDefinition().assignAheadDays,
    );
    rows.whereRaw(due.sql, due.bindings);
    rows.select('b.code', 'b.address', 'v.name as village_name', 'b.risk_tier', 'b.latest_judgement_at', 'd.due_at', distance);
    // PostgreSQL sorts NULL after every number in ascending order: the houses without a position last.
    return paged<Row, DueHouse>(rows, query, { distance: 'distance_m', code: 'b.code' }, near ? 'distance' : 'code', 'b.code', toDueHouse);
  }
}

const toDueHouse = (r: Row): DueHouse => ({
  code: r.code,
  address: r.address,
  villageName: r.village_name,
  riskTier: r.risk_tier,
  lastInspectedOn: r.latest_judgement_at,
  dueAt: r.due_at ? r.due_at.toISOString() : null,
  distanceM: r.distance_m,
});

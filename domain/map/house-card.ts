/**
 * The card of a house clicked on the map, in one query: where it is, its tier and why, its open cases and
 * its last inspection. No personal data: the card links to the house file for the rest.
 */
import type { DueRule } from '../inspection-schedule/due-sql.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { SCOPE, dueColumn } from '../buildings/building-sql.ts';
import { ENDED_CASE_STATUSES } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import { runPrepared } from '../db.ts';
import type { HouseCard } from './store.ts';

interface CardRow {
  code: string;
  address: string;
  village_name: string | null;
  town_name: string | null;
  longitude: number | null;
  latitude: number | null;
  risk_tier: HouseCard['riskTier'];
  risk_reasons: HouseCard['riskReasons'] | null;
  floors_above: number | null;
  floor_area: number | null;
  use: string;
  latest_judgement: string | null;
  open_cases: HouseCard['openCases'] | null;
  last_inspection: HouseCard['lastInspection'];
  due: boolean;
}

export async function houseCard(db: Db, ability: AppAbility, code: string, due: DueRule): Promise<HouseCard | undefined> {
  const query = whereAllowed(
    db('buildings as b').leftJoin('regions as v', 'v.code', 'b.village_code').leftJoin('regions as t', 't.code', 'v.parent_code'),
    ability,
    'read',
    'Building',
    SCOPE,
  )
    .where('b.code', code)
    .select(
      'b.code',
      'b.address',
      'v.name as village_name',
      't.name as town_name',
      'b.longitude',
      'b.latitude',
      'b.risk_tier',
      'b.risk_reasons',
      'b.floors_above',
      'b.floor_area',
      'b.use',
      'b.latest_judgement',
      dueColumn(db, due),
      db.raw(
        `(SELECT json_agg(json_build_object('id', c.id, 'category', c.category, 'severity', c.severity, 'status', c.status,
                 'dueAt', c.due_at, 'overdue', coalesce(c.due_at < now(), false)) ORDER BY c.created_at)
               FROM cases c WHERE c.building_code = b.code AND c.status <> ALL (?)) AS open_cases`,
        [[...ENDED_CASE_STATUSES]],
      ),
      db.raw(`(SELECT json_build_object('id', i.id, 'inspectedAt', i.inspected_at, 'judgement', i.judgement, 'kind', i.kind)
               FROM inspections i WHERE i.building_code = b.code ORDER BY i.inspected_at DESC LIMIT 1) AS last_inspection`),
    )
    .limit(1);
  const [row] = await runPrepared<CardRow>(query);
  if (!row) return undefined;
  return {
    code: row.code,
    address: row.address,
    villageName: row.village_name,
    townName: row.town_name,
    longitude: row.longitude,
    latitude: row.latitude,
    riskTier: row.risk_tier,
    riskReasons: row.risk_reasons ?? [],
    floorsAbove: row.floors_above,
    floorArea: row.floor_area,
    use: row.use,
    latestJudgement: row.latest_judgement,
    openCases: (row.open_cases ?? []).map((c) => ({ ...c, dueAt: c.dueAt && new Date(c.dueAt).toISOString() })),
    lastInspection: row.last_inspection && { ...row.last_inspection, inspectedAt: new Date(row.last_inspection.inspectedAt).toISOString() },
    inspectionDue: row.due,
  };
}

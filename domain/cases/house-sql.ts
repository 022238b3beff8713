/**
 * The case store's queries of the house beside a task: the house in brief (owner masked) and its other
 * open cases, each with its open 分派 task. Read-only; the caller has checked the case is the reader's.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { maskName } from '../mask.ts';
import { CASE_SCOPE } from './database-store.ts';
import type { CaseCategory } from './enums.ts';
import type { CaseRecord } from './store.ts';
import type { HouseBrief, HouseOpenCase } from './task-context-house.ts';

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string | Date).toISOString());

/** The house of a case in brief (the case's read rule already covers its house: same village). */
export async function houseBrief(db: Db, code: string): Promise<HouseBrief | null> {
  const r = (await db('buildings as b')
    .leftJoin('regions as v', 'v.code', 'b.village_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .where('b.code', code)
    .first(
      'b.code',
      'b.address',
      'b.owner_name',
      'b.use',
      'b.business_category',
      'b.floors_above',
      'b.floors_below',
      'b.structure_type',
      'b.year_built',
      'b.latest_judgement',
      'b.latest_judgement_at',
      'v.name as village_name',
      't.name as town_name',
    )) as Row | undefined;
  if (!r) return null;
  return {
    code: r.code as string,
    address: (r.address as string | null) ?? null,
    villageName: (r.village_name as string | null) ?? null,
    townName: (r.town_name as string | null) ?? null,
    ownerName: maskName((r.owner_name as string | null) ?? null),
    use: (r.use as string | null) ?? null,
    businessCategory: (r.business_category as string | null) ?? null,
    floorsAbove: (r.floors_above as number | null) ?? null,
    floorsBelow: (r.floors_below as number | null) ?? null,
    structureType: (r.structure_type as string | null) ?? null,
    yearBuilt: (r.year_built as number | null) ?? null,
    latestJudgement: (r.latest_judgement as string | null) ?? null,
    latestJudgementAt: r.latest_judgement_at == null ? null : String(r.latest_judgement_at as string).slice(0, 10),
  };
}

/** The house's other open cases the reader may see, oldest first, each with its open assign task if any. */
export async function otherOpenCases(db: Db, ability: AppAbility, c: Pick<CaseRecord, 'id' | 'buildingCode'>): Promise<HouseOpenCase[]> {
  const query = db('cases as c')
    .where('c.building_code', c.buildingCode)
    .whereNot('c.id', c.id)
    .whereNotIn('c.status', ['closed', 'cancelled'])
    .orderBy('c.created_at')
    .limit(50)
    .select(
      'c.id',
      'c.number',
      'c.category',
      'c.severity',
      'c.status',
      'c.description',
      'c.due_at',
      db.raw(`(SELECT t.id FROM tasks t WHERE t.case_id = c.id AND t.step = 'assign' AND t.status IN ('open', 'claimed')
                 ORDER BY t.task_no DESC LIMIT 1) AS assign_task_id`),
    );
  const rows = (await whereAllowed(query, ability, 'read', 'Case', CASE_SCOPE)) as Row[];
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as string,
    category: r.category as CaseCategory,
    severity: r.severity as 'serious' | 'general',
    status: r.status as string,
    description: r.description as string,
    dueAt: iso(r.due_at),
    assignTaskId: (r.assign_task_id as string | null) ?? null,
    assignable: false,
  }));
}

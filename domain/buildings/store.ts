/**
 * The building registry in PostgreSQL: codes assigned from per-village sequences (never reused), reads
 * scoped by abilities in SQL, and every change recorded with its before and after.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Knex } from 'knex';
import { runPrepared } from '../db.ts';
import { HOUSE_INSPECTIONS_SQL, toInspection } from '../inspections/inspection-rows.ts';
import type { Inspection } from '../inspections/store.ts';
import { HOUSE_COMPLAINTS_SQL } from '../complaints/complaint-rows.ts';
import type { HouseComplaint } from '../complaints/store.ts';
import type { Db } from '../db.ts';
import { maskName, maskPhone } from '../mask.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { buildingCode } from './code.ts';
import type { AppraisalGrade, BuildingUse, BusinessCategory, Judgement, StructureType } from './enums.ts';
import { NOT_INSPECTED } from './enums.ts';
import { businessUseForbidden } from './rules.ts';
import type { BuildingCreateInput, BuildingFields } from './schema.ts';

/** API field → column, for every stored field. */
export const BUILDING_COLUMNS = {
  villageCode: 'village_code',
  externalId: 'external_id',
  address: 'address',
  longitude: 'longitude',
  latitude: 'latitude',
  ownerName: 'owner_name',
  ownerPhone: 'owner_phone',
  floorsAbove: 'floors_above',
  floorsBelow: 'floors_below',
  floorArea: 'floor_area',
  yearBuilt: 'year_built',
  structureType: 'structure_type',
  foundationType: 'foundation_type',
  professionallyDesigned: 'professionally_designed',
  qualifiedBuilder: 'qualified_builder',
  alteration: 'alteration',
  alterationYear: 'alteration_year',
  approvals: 'approvals',
  use: 'use',
  businessCategory: 'business_category',
  occupants: 'occupants',
  latestJudgement: 'latest_judgement',
  latestJudgementAt: 'latest_judgement_at',
  rectificationStatus: 'rectification_status',
  rectificationMeasures: 'rectification_measures',
  appraisalGrade: 'appraisal_grade',
  appraisalDate: 'appraisal_date',
  appraisalReport: 'appraisal_report',
} as const satisfies Record<keyof BuildingCreateInput, string>;

type FieldName = keyof typeof BUILDING_COLUMNS;

export type Building = { [K in FieldName]-?: Exclude<BuildingCreateInput[K], undefined> | null } & {
  id: string;
  code: string;
  villageName: string | null;
  townCode: string;
  townName: string | null;
  version: number;
  businessUseForbidden: boolean;
  createdAt: string;
  updatedAt: string;
};

export interface BuildingChange {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  source: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface BuildingFilter {
  regionCode?: string | undefined;
  use?: BuildingUse | undefined;
  businessCategory?: BusinessCategory | undefined;
  structureType?: StructureType | undefined;
  /** A judgement, or NOT_INSPECTED for houses without one. */
  latestJudgement?: Judgement | typeof NOT_INSPECTED | undefined;
  appraisalGrade?: AppraisalGrade | undefined;
  minFloors?: number | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  q?: string | undefined;
  ids?: string[] | undefined;
}

const SCOPE = { villageCode: 'b.village_code' };

/** `%text%` for ILIKE, with LIKE's own characters taken literally. */
const likeText = (q: string) => `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The text search `q`: a house code or address for everyone; the owner's name too, but only on houses
 * whose owner details the ability may see in full (`readPersonal`), so a search is never a way around
 * the mask. Without that right a name finds nothing, as any text absent from codes and addresses.
 */
function textSearch(query: Knex.QueryBuilder, q: string, personal: AppAbility | undefined): void {
  const like = likeText(q);
  query.where((w) => {
    w.where('b.address', 'ilike', like).orWhere('b.code', 'ilike', like);
    if (personal) w.orWhere((o) => whereAllowed(o.where('b.owner_name', 'ilike', like), personal, 'readPersonal', 'Building', SCOPE));
  });
}

/**
 * The registry's filters on a query over `buildings as b` (the list, and the houses of a campaign);
 * `personal` is the ability whose `readPersonal` rule lets `q` match owner names.
 */
export function applyBuildingFilter(query: Knex.QueryBuilder, params: BuildingFilter, personal?: AppAbility): Knex.QueryBuilder {
  if (params.regionCode) query.whereRaw(`b.village_code LIKE ?`, [`${params.regionCode}%`]);
  if (params.use) query.where('b.use', params.use);
  if (params.businessCategory) query.where('b.business_category', params.businessCategory);
  if (params.structureType) query.where('b.structure_type', params.structureType);
  if (params.latestJudgement === NOT_INSPECTED) query.whereNull('b.latest_judgement');
  else if (params.latestJudgement) query.where('b.latest_judgement', params.latestJudgement);
  if (params.appraisalGrade) query.where('b.appraisal_grade', params.appraisalGrade);
  if (params.minFloors) query.where('b.floors_above', '>=', params.minFloors);
  if (params.yearFrom) query.where('b.year_built', '>=', params.yearFrom);
  if (params.yearTo) query.where('b.year_built', '<=', params.yearTo);
  if (params.ids) query.whereIn('b.code', params.ids);
  if (params.q) textSearch(query, params.q, personal);
  return query;
}

type Row = Record<string, unknown> & {
  code: string;
  village_name: string | null;
  town_name: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
};

const ENTRIES = Object.entries(BUILDING_COLUMNS) as [FieldName, string][];

function toBuilding(row: Row): Building {
  const b = Object.fromEntries(ENTRIES.map(([field, column]) => [field, row[column] ?? null])) as Building;
  b.id = row.code;
  b.code = row.code;
  b.villageName = row.village_name;
  b.townCode = row.code.slice(0, 9);
  b.townName = row.town_name;
  b.version = row.version;
  b.approvals = (row.approvals as Building['approvals']) ?? [];
  b.createdAt = row.created_at.toISOString();
  b.updatedAt = row.updated_at.toISOString();
  b.businessUseForbidden = businessUseForbidden(b as Building & { use: BuildingUse });
  return b;
}

/** Personal data masked, for lists, exports and anyone without the right to see it in full. */
export function masked(b: Building): Building {
  return { ...b, ownerName: maskName(b.ownerName), ownerPhone: maskPhone(b.ownerPhone) };
}

/** Domain fields → a row for insert or update. */
export function toRow(fields: Partial<BuildingCreateInput>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of ENTRIES) {
    const value = fields[field];
    if (value === undefined) continue;
    row[column] = field === 'approvals' ? JSON.stringify(value) : value;
  }
  return row;
}

const SORT = {
  code: 'b.code',
  address: 'b.address',
  floorsAbove: 'b.floors_above',
  yearBuilt: 'b.year_built',
  latestJudgementAt: 'b.latest_judgement_at',
  updatedAt: 'b.updated_at',
};
export const BUILDING_SORT_FIELDS = Object.keys(SORT) as [string, ...string[]];

/** A case as the house file lists it. */
export interface HouseCase {
  id: string;
  number: string;
  category: string;
  severity: string;
  status: string;
  dueAt: string | null;
  createdAt: string;
  closedAt: string | null;
}

export class BuildingStore {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return db('buildings as b')
      .leftJoin('regions as v', 'v.code', 'b.village_code')
      .leftJoin('regions as t', 't.code', 'v.parent_code')
      .select('b.*', 'v.name as village_name', 't.name as town_name');
  }

  async list(ability: AppAbility, params: ListParams & BuildingFilter): Promise<ListResult<Building>> {
    const query = applyBuildingFilter(whereAllowed(this.base(), ability, 'read', 'Building', SCOPE), params, ability);
    const result = await paged<Row, Building>(query, params, SORT, 'code', 'b.code', toBuilding);
    return { total: result.total, data: result.data.map(masked) };
  }

  /** How many houses of a list's filters `q` finds by their owner's name (what an audited search revealed). */
  async ownerNameMatches(ability: AppAbility, params: BuildingFilter & { q: string }): Promise<number> {
    const query = applyBuildingFilter(whereAllowed(this.db('buildings as b'), ability, 'read', 'Building', SCOPE), {
      ...params,
      q: undefined,
    });
    whereAllowed(query.where('b.owner_name', 'ilike', likeText(params.q)), ability, 'readPersonal', 'Building', SCOPE);
    const row = (await query.count({ n: '*' }).first()) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  /** One building the ability may read (full data: callers mask for the viewer). */
  async find(ability: AppAbility | null, code: string, db: Db = this.db): Promise<Building | undefined> {
    const query = this.base(db).where('b.code', code);
    if (ability) whereAllowed(query, ability, 'read', 'Building', SCOPE);
    const [row] = await runPrepared<Row>(db, query.limit(1));
    return row && toBuilding(row);
  }

  /**
   * Houses within `radiusM` of a WGS-84 position, nearest first (public fields only): a bounding box on
   * the position index, then the distance on a locally flat Earth (exact enough within a few hundred metres).
   */
  async near(
    position: { latitude: number; longitude: number },
    radiusM: number,
    limit: number,
  ): Promise<
    {
      code: string;
      address: string | null;
      villageCode: string;
      villageName: string | null;
      latitude: number;
      longitude: number;
      distanceM: number;
    }[]
  > {
    const { latitude, longitude } = position;
    const metresPerDegree = 111_195;
    const cos = Math.cos((latitude * Math.PI) / 180);
    const dLat = radiusM / metresPerDegree;
    const dLng = dLat / Math.max(cos, 0.01);
    const rows = (await this.db('buildings as b')
      .leftJoin('regions as v', 'v.code', 'b.village_code')
      .whereBetween('b.latitude', [latitude - dLat, latitude + dLat])
      .whereBetween('b.longitude', [longitude - dLng, longitude + dLng])
      .select(
        'b.code',
        'b.address',
        'b.village_code',
        'v.name as village_name',
        'b.latitude',
        'b.longitude',
        this.db.raw('sqrt(power(b.latitude - ?, 2) + power((b.longitude - ?) * ?, 2)) * ? AS distance_m', [
          latitude,
          longitude,
          cos,
          metresPerDegree,
        ]),
      )
      .orderBy('distance_m')
      .limit(limit)) as Record<string, unknown>[];
    return rows
      .map((r) => ({
        code: r.code as string,
        address: (r.address as string | null) ?? null,
        villageCode: r.village_code as string,
        villageName: (r.village_name as string | null) ?? null,
        latitude: r.latitude as number,
        longitude: r.longitude as number,
        distanceM: Math.round(r.distance_m as number),
      }))
      .filter((r) => r.distanceM <= radiusM);
  }

  /** Reserves `count` consecutive sequence numbers of a village; returns the first. */
  async reserveSequences(villageCode: string, count: number, db: Db): Promise<number> {
    const result = await db.raw(
      `INSERT INTO building_sequences (village_code, last_seq) VALUES (?, ?)
       ON CONFLICT (village_code) DO UPDATE SET last_seq = building_sequences.last_seq + EXCLUDED.last_seq
       RETURNING last_seq`,
      [villageCode, count],
    );
    const last = (result.rows as { last_seq: number }[])[0]?.last_seq ?? count;
    return last - count + 1;
  }

  /** Inserts a building with the next code of its village; returns the code. */
  async create(input: BuildingCreateInput, db: Db): Promise<string> {
    const seq = await this.reserveSequences(input.villageCode, 1, db);
    const code = buildingCode(input.villageCode, seq);
    await db('buildings').insert({ ...toRow(input), code, seq });
    return code;
  }

  /** Applies changed fields, bumps the version, and records the change. */
  async update(
    code: string,
    changes: Partial<BuildingFields>,
    before: Building,
    who: { actorId: string | null; actorName: string | null; source: string },
    db: Db,
  ): Promise<void> {
    await db('buildings')
      .where({ code })
      .update({ ...toRow(changes), version: db.raw('version + 1'), updated_at: db.fn.now() });
    const diff = Object.fromEntries(
      Object.keys(changes).map((k) => [k, { before: before[k as FieldName], after: changes[k as keyof BuildingFields] }]),
    );
    await db('building_changes').insert({
      building_code: code,
      actor_id: who.actorId,
      actor_name: who.actorName,
      source: who.source,
      changes: diff,
    });
  }

  /**
   * The building with its latest changes in one query (the scan page and the house file are the
   * platform's busiest reads: one round trip instead of two).
   */
  async withChanges(
    ability: AppAbility,
    code: string,
  ): Promise<
    | { building: Building; changes: BuildingChange[]; cases: HouseCase[]; inspections: Inspection[]; complaints: HouseComplaint[] }
    | undefined
  > {
    const query = this.base()
      .where('b.code', code)
      .select(
        this.db.raw(
          `(SELECT coalesce(json_agg(json_build_object('id', c.id::text, 'at', c.at, 'actorId', c.actor_id, 'actorName', c.actor_name,
                    'source', c.source, 'changes', c.changes) ORDER BY c.id DESC), '[]'::json)
             FROM (SELECT * FROM building_changes WHERE building_code = b.code ORDER BY id DESC LIMIT 200) c) AS recent_changes`,
        ),
        // A case lies in its house's village, so whoever may read the house may read its cases.
        this.db.raw(
          `(SELECT coalesce(json_agg(json_build_object('id', k.id, 'number', k.number, 'category', k.category, 'severity', k.severity,
                    'status', k.status, 'dueAt', k.due_at, 'createdAt', k.created_at, 'closedAt', k.closed_at) ORDER BY k.created_at DESC), '[]'::json)
             FROM (SELECT * FROM cases WHERE building_code = b.code ORDER BY created_at DESC LIMIT 50) k) AS recent_cases`,
        ),
        // Whoever may read the house may read its inspections (the same region rule).
        this.db.raw(`${HOUSE_INSPECTIONS_SQL} AS recent_inspections`),
        this.db.raw(`${HOUSE_COMPLAINTS_SQL} AS recent_complaints`),
      );
    whereAllowed(query, ability, 'read', 'Building', SCOPE);
    // The registry's hottest read: prepared, so PostgreSQL does not plan it again on every scan.
    const [row] = await runPrepared<
      Row & {
        recent_changes: (BuildingChange & { at: string })[];
        recent_cases: HouseCase[];
        recent_inspections: Row[];
        recent_complaints: HouseComplaint[];
      }
    >(this.db, query.limit(1));
    if (!row) return undefined;
    return {
      building: toBuilding(row),
      changes: row.recent_changes.map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
      cases: row.recent_cases,
      inspections: row.recent_inspections.map(toInspection),
      complaints: row.recent_complaints.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
    };
  }

  async changes(code: string): Promise<BuildingChange[]> {
    const rows = (await this.db('building_changes').where({ building_code: code }).orderBy('id', 'desc').limit(200)) as {
      id: number;
      at: Date;
      actor_id: string | null;
      actor_name: string | null;
      source: string;
      changes: BuildingChange['changes'];
    }[];
    return rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      source: r.source,
      changes: r.changes,
    }));
  }
}

/** The fields whose values differ between an update and the stored building. */
export function changedFields(patch: Partial<BuildingFields>, before: Building): Partial<BuildingFields> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || k === 'version') continue;
    if (JSON.stringify(v) !== JSON.stringify(before[k as FieldName] ?? null)) out[k] = v;
  }
  return out as Partial<BuildingFields>;
}

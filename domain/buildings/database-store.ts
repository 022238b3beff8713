/**
 * `BuildingStore` on PostgreSQL: codes from per-village sequences, reads scoped by abilities in SQL
 * (the house file and the scan page prepared, as the platform's hottest reads), every change recorded.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { HOUSE_COMPLAINTS_SQL } from '../complaints/complaint-rows.ts';
import type { HouseComplaint } from '../complaints/store.ts';
import { runPrepared } from '../db.ts';
import type { Db } from '../db.ts';
import { HOUSE_INSPECTIONS_SQL, toInspection } from '../inspections/inspection-rows.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { SCOPE, SORT, applyBuildingFilter, likeText, toBuilding, toRow } from './building-sql.ts';
import type { Row } from './building-sql.ts';
import { buildingCode } from './code.ts';
import { masked } from './store.ts';
import type {
  Building,
  BuildingChange,
  BuildingFilter,
  BuildingStore,
  ChangeAuthor,
  HouseCase,
  HouseRecord,
  NearbyHouse,
} from './store.ts';
import type { BuildingCreateInput, BuildingFields } from './schema.ts';

export class DatabaseBuildingStore implements BuildingStore {
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

  async find(ability: AppAbility | null, code: string, db: Db = this.db): Promise<Building | undefined> {
    const query = this.base(db).where('b.code', code);
    if (ability) whereAllowed(query, ability, 'read', 'Building', SCOPE);
    const [row] = await runPrepared<Row>(query.limit(1));
    return row && toBuilding(row);
  }

  /**
   * Houses within `radiusM` of a WGS-84 position, nearest first (public fields only): a bounding box on
   * the position index, then the distance on a locally flat Earth (exact enough within a few hundred metres).
   */
  async near(position: { latitude: number; longitude: number }, radiusM: number, limit: number): Promise<NearbyHouse[]> {
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
  async reserveSequences(villageCode: string, count: number, db: Db = this.db): Promise<number> {
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
  async create(input: BuildingCreateInput, db: Db = this.db): Promise<string> {
    const seq = await this.reserveSequences(input.villageCode, 1, db);
    const code = buildingCode(input.villageCode, seq);
    await db('buildings').insert({ ...toRow(input), code, seq });
    return code;
  }

  /** Applies changed fields, bumps the version, and records the change. */
  async update(code: string, changes: Partial<BuildingFields>, before: Building, who: ChangeAuthor, db: Db = this.db): Promise<void> {
    await db('buildings')
      .where({ code })
      .update({ ...toRow(changes), version: db.raw('version + 1'), updated_at: db.fn.now() });
    const diff = Object.fromEntries(
      Object.keys(changes).map((k) => [k, { before: before[k as keyof Building], after: changes[k as keyof BuildingFields] }]),
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
  async withChanges(ability: AppAbility, code: string): Promise<HouseRecord | undefined> {
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
    >(query.limit(1));
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

  async lockVersion(code: string, tx: Db): Promise<number | undefined> {
    const row = (await tx('buildings').where({ code }).forUpdate().first('version')) as { version: number } | undefined;
    return row?.version;
  }

  async externalIdTaken(externalId: string, exceptCode?: string, tx: Db = this.db): Promise<boolean> {
    const query = tx('buildings').where({ external_id: externalId });
    if (exceptCode) query.whereNot({ code: exceptCode });
    return (await query.first('code')) !== undefined;
  }
}

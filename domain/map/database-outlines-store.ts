/**
 * `OutlineStore` on PostgreSQL. The fingerprint of a village's positions is one GROUP BY over the
 * index `buildings_village_position_idx` (village code with the coordinates included), so it reads
 * the index in village order and no table row; the sums are of coordinates in units of 1e-7 degree as
 * integers, exact and independent of the order PostgreSQL adds them in, written out as text.
 */
import type { Db } from '../db.ts';
import type { Position } from './outlines.ts';
import type { OutlineInput, OutlineLevel, OutlineSource, OutlineStore, StoredOutline, VillagePoints } from './outlines-store.ts';
import type { OutlineGeometry } from './outlines.ts';

const LOCATED = 'longitude IS NOT NULL AND latitude IS NOT NULL';
const LON = 'round(longitude * 1e7)::bigint';
const LAT = 'round(latitude * 1e7)::bigint';

interface OutlineRow {
  code: string;
  level: OutlineLevel;
  geometry: OutlineGeometry;
  approximate: boolean;
  source: OutlineSource;
  house_count: number;
  fingerprint: string;
  computed_at: Date;
}

const toOutline = (r: OutlineRow): StoredOutline => ({
  code: r.code,
  level: r.level,
  geometry: r.geometry,
  approximate: r.approximate,
  source: r.source,
  houseCount: r.house_count,
  fingerprint: r.fingerprint,
  computedAt: r.computed_at,
});

const toRecord = (o: OutlineInput) => ({
  code: o.code,
  level: o.level,
  geometry: o.geometry,
  approximate: o.approximate,
  source: o.source,
  house_count: o.houseCount,
  fingerprint: o.fingerprint,
});

/** Rows given as one JSON parameter, so a batch is one statement. */
const RECORDS = `jsonb_to_recordset(?::jsonb) AS x(code text, level text, geometry jsonb, approximate boolean, source text,
                 house_count integer, fingerprint text)`;
const UPSERT = `INSERT INTO region_outlines (code, level, geometry, approximate, source, house_count, fingerprint, computed_at)
  SELECT x.code, x.level, x.geometry, x.approximate, x.source, x.house_count, x.fingerprint, now() FROM ${RECORDS}
  ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, geometry = EXCLUDED.geometry, approximate = EXCLUDED.approximate,
    source = EXCLUDED.source, house_count = EXCLUDED.house_count, fingerprint = EXCLUDED.fingerprint, computed_at = now()`;
const IMPORT_CHUNK = 200;

export class DatabaseOutlineStore implements OutlineStore {
  constructor(private readonly db: Db) {}

  async villagePoints(scope: string): Promise<VillagePoints[]> {
    const { rows } = (await this.db.raw(
      `SELECT village_code AS code, count(*)::int AS houses, count(*) FILTER (WHERE ${LOCATED})::int AS located,
              concat_ws(':', count(*) FILTER (WHERE ${LOCATED}), sum(${LON}) FILTER (WHERE ${LOCATED}),
                        sum(${LAT}) FILTER (WHERE ${LOCATED}),
                        sum(((${LON} * 1000003) # ${LAT}) % 1000000007) FILTER (WHERE ${LOCATED})) AS fingerprint
         FROM buildings WHERE village_code LIKE ? GROUP BY village_code ORDER BY village_code`,
      [`${scope}%`],
    )) as { rows: VillagePoints[] };
    return rows;
  }

  async positions(villageCodes: readonly string[]): Promise<Map<string, Position[]>> {
    const out = new Map<string, Position[]>();
    if (villageCodes.length === 0) return out;
    const { rows } = (await this.db.raw(
      `SELECT village_code, longitude, latitude FROM buildings WHERE village_code = ANY(?::text[]) AND ${LOCATED}`,
      [[...villageCodes]],
    )) as { rows: { village_code: string; longitude: number; latitude: number }[] };
    for (const r of rows) {
      let list = out.get(r.village_code);
      if (!list) out.set(r.village_code, (list = []));
      list.push([r.longitude, r.latitude]);
    }
    return out;
  }

  async stored(scope: string): Promise<StoredOutline[]> {
    const rows = (await this.db('region_outlines').where('code', 'like', `${scope}%`).orderBy('code').select('*')) as OutlineRow[];
    return rows.map(toOutline);
  }

  async regions(scope: string): Promise<{ code: string; name: string }[]> {
    return (await this.db('regions')
      .where('code', 'like', `${scope}%`)
      .whereIn('level', [4, 5])
      .orderBy('code')
      .select('code', 'name')) as { code: string; name: string }[];
  }

  async saveHulls(outlines: readonly OutlineInput[]): Promise<void> {
    if (outlines.length === 0) return;
    await this.db.raw(`${UPSERT} WHERE region_outlines.source = 'hull'`, [JSON.stringify(outlines.map(toRecord))]);
  }

  async dropHulls(codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    await this.db('region_outlines').whereIn('code', codes).where({ source: 'hull' }).delete();
  }

  async unknownRegions(codes: readonly string[]): Promise<string[]> {
    const { rows } = (await this.db.raw(
      `SELECT c AS code FROM unnest(?::text[]) AS c
        WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = c AND r.level IN (4, 5)) ORDER BY c`,
      [[...codes]],
    )) as { rows: { code: string }[] };
    return rows.map((r) => r.code);
  }

  async importBoundaries(outlines: readonly OutlineInput[]): Promise<{ added: number; replaced: number }> {
    return this.db.transaction(async (trx) => {
      const existing = (await trx('region_outlines')
        .whereIn(
          'code',
          outlines.map((o) => o.code),
        )
        .forUpdate()
        .select('code')) as { code: string }[];
      for (let i = 0; i < outlines.length; i += IMPORT_CHUNK) {
        await trx.raw(UPSERT, [JSON.stringify(outlines.slice(i, i + IMPORT_CHUNK).map(toRecord))]);
      }
      // The API keeps outlines under the map's version (as the tiles): moved on at commit, as a house write does.
      await trx.raw(`SELECT nextval('map_version'), pg_notify('map_version', '')`);
      return { added: outlines.length - existing.length, replaced: existing.length };
    });
  }
}

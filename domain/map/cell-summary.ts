/**
 * The houses' clusters (zooms up to 15) read from `map_cells` (migration 0031) instead of the houses: the
 * same counts per tier and the same centres (sums of positions over counts), from a few thousand rows.
 * Only for what the cells know: the reader's region, a region and a risk tier; any other filter, or a
 * basemap in another datum, reads the houses.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { applyBuildingFilter, dueColumn, SCOPE } from '../buildings/building-sql.ts';
import type { BuildingFilter } from '../buildings/store.ts';
import type { Db } from '../db.ts';
import { RISK_TIERS } from '../../definitions/risk-tiers/index.ts';
import type { RiskTier } from '../../definitions/risk-tiers/index.ts';
import type { CellRow, TileWindow } from './window.ts';

const TIERS: readonly RiskTier[] = RISK_TIERS;
/** The cell sizes kept, as log2 of their width in Mercator units (migration 0031's MAP_CELL_LEVELS). */
const LEVELS = [14, 11];

/** The coarsest kept level that still divides the window's cells, if the filter is one the cells answer. */
export function summaryLevel(filter: BuildingFilter, window: TileWindow, datum: unknown): number | undefined {
  if (datum) return undefined;
  const other = Object.entries(filter).some(([k, v]) => v !== undefined && k !== 'regionCode' && k !== 'riskTier');
  if (other) return undefined;
  return LEVELS.find((l) => l <= window.groupShift);
}

/** The window's cells with their counts per tier and centres; a house alone with its code, floors and `due`. */
export async function summedCells(
  db: Db,
  ability: AppAbility,
  filter: BuildingFilter,
  window: TileWindow,
  level: number,
  dueSince: string,
): Promise<CellRow[]> {
  const shift = window.groupShift - level;
  const tiers = filter.riskTier ? [filter.riskTier] : TIERS;
  const query = whereAllowed(db('map_cells as m'), ability, 'read', 'Building', { villageCode: 'm.village_code' })
    .where('m.level', level)
    .whereRaw('m.cx >= ? AND m.cx < ?', [window.x0 / 2 ** level, window.x1 / 2 ** level])
    .whereRaw('m.cy >= ? AND m.cy < ?', [window.y0 / 2 ** level, window.y1 / 2 ** level])
    .select(
      db.raw(`m.cx >> ${shift} AS gx, m.cy >> ${shift} AS gy`),
      db.raw(TIERS.map((t) => `sum(${tiers.includes(t) ? `m.n_${t}` : '0'})::int AS ${t}`).join(', ')),
      db.raw(
        `sum(${tiers.map((t) => `m.sx_${t}`).join(' + ')})::float8 AS sx, sum(${tiers.map((t) => `m.sy_${t}`).join(' + ')})::float8 AS sy`,
      ),
    )
    .groupByRaw('1, 2')
    .havingRaw(`sum(${tiers.map((t) => `m.n_${t}`).join(' + ')}) > 0`);
  if (filter.regionCode) query.whereRaw('m.village_code LIKE ?', [`${filter.regionCode}%`]);
  const groups = (await query) as ({ gx: number; gy: number; sx: number; sy: number } & Record<RiskTier, number>)[];
  const rows: (CellRow & { gx: number; gy: number })[] = groups.map((g) => {
    const count = tiers.reduce((n, t) => n + g[t], 0);
    return { count, ax: g.sx / count, ay: g.sy / count, gx: g.gx, gy: g.gy, ...Object.fromEntries(TIERS.map((t) => [t, g[t]])) };
  });
  const alone = rows.filter((r) => r.count === 1);
  if (alone.length) {
    const size = 2 ** window.groupShift;
    const houses = await loneHouses(
      db,
      ability,
      filter,
      alone.map((r) => [r.gx * size, r.gy * size, size]),
      dueSince,
    );
    for (const r of alone) Object.assign(r, houses.get(`${r.gx * size}:${r.gy * size}`));
  }
  return rows;
}

/**
 * The one house of each square [x, y, size] with the filters, keyed `x:y`: one index lookup per square
 * (a lateral join, so the squares drive the search rather than a scan of the region's houses).
 */
async function loneHouses(db: Db, ability: AppAbility, filter: BuildingFilter, squares: [number, number, number][], dueSince: string) {
  const house = applyBuildingFilter(whereAllowed(db('buildings as b'), ability, 'read', 'Building', SCOPE), { ...filter, q: undefined })
    .whereRaw('b.merc_x >= v.x AND b.merc_x < v.x + v.size AND b.merc_y >= v.y AND b.merc_y < v.y + v.size')
    .select('b.code', 'b.floors_above as floors', dueColumn(db, dueSince))
    .limit(1);
  const values = squares.map(() => '(?::int, ?::int, ?::int)').join(', ');
  const { rows } = await db.raw<{ rows: { x: number; y: number; code: string; floors: number | null; due: boolean }[] }>(
    `SELECT v.x, v.y, h.* FROM (VALUES ${values}) AS v (x, y, size) CROSS JOIN LATERAL (?) AS h`,
    [...squares.flat(), house],
  );
  return new Map(rows.map((r) => [`${r.x}:${r.y}`, { code: r.code, floors: r.floors, due: r.due }]));
}

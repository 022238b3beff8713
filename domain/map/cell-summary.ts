/**
 * The houses' clusters (zooms up to 15) read from `map_cells` (migration 0031) instead of the houses: the
 * same counts per tier and the same centres (sums of positions over counts), from a few thousand rows.
 * Only for what the cells know: the reader's region, a region and a risk tier; any other filter, or a
 * basemap in another datum, reads the houses.
 */
import type { DueRule } from '../inspection-schedule/due-sql.ts';
import type { Knex } from 'knex';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { applyBuildingFilter, dueColumn, SCOPE } from '../buildings/building-sql.ts';
import type { BuildingFilter } from '../buildings/store.ts';
import type { Db } from '../db.ts';
import { RISK_TIERS } from '../../definitions/risk-tiers/index.ts';
import type { RiskTier } from '../../definitions/risk-tiers/index.ts';
import type { MapSummary } from './store.ts';
import type { CellRow, TileWindow } from './window.ts';

const TIERS: readonly RiskTier[] = RISK_TIERS;
/** The cell sizes kept, as log2 of their width in Mercator units (migration 0031's MAP_CELL_LEVELS). */
const LEVELS = [14, 11];

/** Whether the cells answer the filter: nothing but a region and a risk tier. */
export const cellsAnswer = (filter: BuildingFilter) =>
  Object.entries(filter).every(([k, v]) => v === undefined || k === 'regionCode' || k === 'riskTier');

/** The coarsest kept level that still divides the window's cells, if the filter is one the cells answer. */
export function summaryLevel(filter: BuildingFilter, window: TileWindow, datum: unknown): number | undefined {
  if (datum || !cellsAnswer(filter)) return undefined;
  return LEVELS.find((l) => l <= window.groupShift);
}

/** The window's cells with their counts per tier and centres; a house alone with its code, floors and `due`. */
export async function summedCells(
  db: Db,
  ability: AppAbility,
  filter: BuildingFilter,
  window: TileWindow,
  level: number,
  due: DueRule,
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
      due,
    );
    for (const r of alone) Object.assign(r, houses.get(`${r.gx * size}:${r.gy * size}`));
  }
  return rows;
}

/**
 * The one house of each square [x, y, size] with the filters, keyed `x:y`: one index lookup per square
 * (a lateral join, so the squares drive the search rather than a scan of the region's houses).
 */
async function loneHouses(db: Db, ability: AppAbility, filter: BuildingFilter, squares: [number, number, number][], due: DueRule) {
  const house = applyBuildingFilter(whereAllowed(db('buildings as b'), ability, 'read', 'Building', SCOPE), { ...filter, q: undefined })
    .whereRaw('b.merc_x >= v.x AND b.merc_x < v.x + v.size AND b.merc_y >= v.y AND b.merc_y < v.y + v.size')
    .select('b.code', 'b.floors_above as floors', dueColumn(db, due))
    .limit(1);
  const values = squares.map(() => '(?::int, ?::int, ?::int)').join(', ');
  const { rows } = await db.raw<{ rows: { x: number; y: number; code: string; floors: number | null; due: boolean }[] }>(
    `SELECT v.x, v.y, h.* FROM (VALUES ${values}) AS v (x, y, size) CROSS JOIN LATERAL (?) AS h`,
    [...squares.flat(), house],
  );
  return new Map(rows.map((r) => [`${r.x}:${r.y}`, { code: r.code, floors: r.floors, due: r.due }]));
}

/**
 * The map's summary (the list's total, how many are located, their bounds, counts per tier) for what the
 * cells answer, without reading every house of the region: the located houses per tier from the coarse
 * cells; the bounds from the extreme cells, made exact by the houses inside them (min/max of the Mercator
 * index, then the stored coordinates of the houses at that extreme); the houses without coordinates
 * counted by their own index.
 */
export async function summedSummary(db: Db, ability: AppAbility, filter: BuildingFilter): Promise<MapSummary> {
  const level = LEVELS[0]!;
  const tiers = filter.riskTier ? [filter.riskTier] : TIERS;
  const cellQuery = whereAllowed(db('map_cells as m'), ability, 'read', 'Building', { villageCode: 'm.village_code' })
    .where('m.level', level)
    .select('m.cx', 'm.cy', db.raw(TIERS.map((t) => `sum(${tiers.includes(t) ? `m.n_${t}` : '0'})::int AS ${t}`).join(', ')))
    .groupBy('m.cx', 'm.cy')
    .havingRaw(`sum(${tiers.map((t) => `m.n_${t}`).join(' + ')}) > 0`);
  if (filter.regionCode) cellQuery.whereRaw('m.village_code LIKE ?', [`${filter.regionCode}%`]);
  const houses = () =>
    applyBuildingFilter(whereAllowed(db('buildings as b'), ability, 'read', 'Building', SCOPE), { ...filter, q: undefined });
  const [cells, unlocated] = await Promise.all([
    cellQuery as Promise<({ cx: number; cy: number } & Record<RiskTier, number>)[]>,
    houses()
      .whereNull('b.merc_x')
      .select(db.raw(TIERS.map((t) => `count(*) FILTER (WHERE b.risk_tier = '${t}')::int AS ${t}`).join(', ')))
      .first() as Promise<Record<RiskTier, number>>,
  ]);
  const counts = Object.fromEntries(TIERS.map((t) => [t, unlocated[t] + cells.reduce((n, c) => n + c[t], 0)])) as Record<RiskTier, number>;
  const located = cells.reduce((n, c) => n + TIERS.reduce((m, t) => m + c[t], 0), 0);
  const count = located + TIERS.reduce((n, t) => n + unlocated[t], 0);
  return { count, located, bounds: located ? await exactBounds(db, houses, cells, level) : null, tiers: counts };
}

/**
 * [west, south, east, north] of the houses in `cells` (level-wide squares holding at least one): within the
 * extreme columns and rows of cells, the extreme Mercator value from the index, then the extreme stored
 * coordinate among the houses at that value (Mercator units are floored, so several may share it).
 */
async function exactBounds(
  db: Db,
  houses: () => Knex.QueryBuilder,
  cells: { cx: number; cy: number }[],
  level: number,
): Promise<[number, number, number, number]> {
  const size = 2 ** level;
  const xs = cells.map((c) => c.cx);
  const ys = cells.map((c) => c.cy);
  const [west, east, north, south] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The houses of the cells in one column (x) or row (y) of cells.
  const column = (cx: number) => houses().whereRaw('b.merc_x >= ? AND b.merc_x < ?', [cx * size, (cx + 1) * size]);
  const row = (cy: number) => {
    const query = houses().whereRaw('b.merc_y >= ? AND b.merc_y < ?', [cy * size, (cy + 1) * size]);
    const columns = cells.filter((c) => c.cy === cy).map((c) => c.cx);
    return query.where((w) => {
      for (const cx of columns) w.orWhereRaw('(b.merc_x >= ? AND b.merc_x < ?)', [cx * size, (cx + 1) * size]);
    });
  };
  // The extreme coordinate `pick` of the houses `at` whose Mercator column `merc` is at its extreme `end`.
  const extreme = (at: () => Knex.QueryBuilder, merc: string, end: 'min' | 'max', pick: string) =>
    at()
      .whereRaw(`${merc} = (?)`, [at().select(db.raw(`${end}(${merc})`))])
      .select(db.raw(`${pick} AS v`));
  const { rows } = await db.raw<{ rows: { w: number; s: number; e: number; n: number }[] }>(
    'SELECT (?) AS w, (?) AS s, (?) AS e, (?) AS n',
    [
      extreme(() => column(west), 'b.merc_x', 'min', 'min(b.longitude)'),
      extreme(() => row(south), 'b.merc_y', 'max', 'min(b.latitude)'),
      extreme(() => column(east), 'b.merc_x', 'max', 'max(b.longitude)'),
      extreme(() => row(north), 'b.merc_y', 'min', 'max(b.latitude)'),
    ],
  );
  const r = rows[0]!;
  return [r.w, r.s, r.e, r.n];
}

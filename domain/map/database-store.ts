/**
 * The map's SQL (issue 18). Every layer starts from the query its list runs (the same region rules via
 * `whereAllowed`, for houses the registry's own filters), narrowed to the tile's range of Mercator
 * units, then grouped into grid cells (`merc >> cellShift`) with counts per class: so the counts of a
 * zoom's tiles add up to the list's total of located rows, exactly. One house or case alone in its cell
 * carries what its card needs to be told apart (code, tier, …).
 */
import type { DueRule } from '../inspection-schedule/due-sql.ts';
import type { Knex } from 'knex';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { SCOPE, applyBuildingFilter, dueColumn } from '../buildings/building-sql.ts';
import type { BuildingFilter } from '../buildings/store.ts';
import { CASE_SCOPE } from '../cases/database-store.ts';
import { runPreparedArrays } from '../db.ts';
import type { Db } from '../db.ts';
import { RISK_TIERS } from '../../definitions/risk-tiers/index.ts';
import type { RiskTier } from '../../definitions/risk-tiers/index.ts';
import { ENDED_CASE_STATUSES } from '../cases/enums.ts';
import type {
  CampaignLayerFilter,
  CaseLayerFilter,
  ComplaintLayerFilter,
  HouseCard,
  MapStore,
  MapSummary,
  WarningLayerFilter,
} from './store.ts';
import { ACTIVE_WARNING_STATUSES } from '../warnings/store.ts';
import { CLUSTER_MAX_ZOOM, footprintSquare } from './tiles.ts';
import type { Datum, TileLayers, TilePoint, TilePolygon, TileRange } from './tiles.ts';
import { cellsAnswer, summaryLevel, summedCells, summedSummary } from './cell-summary.ts';
import { MapVersionWatch } from './version-watch.ts';
import { TileWindow } from './window.ts';
import type { CellRow } from './window.ts';
import { houseCard } from './house-card.ts';

const TIERS: readonly RiskTier[] = RISK_TIERS;
const CLOSED = `(${ENDED_CASE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const PROGRESS = ['done', 'pending', 'overdue'];
const COMPLAINT_SCOPE = { regionCode: 'p.region_code' };
const WARNING_SCOPE = { regionCode: 'w.region_code' };
/** At most this many houses on one tile of the closest zooms (a dense town centre holds a few thousand). */
const MAX_POINTS = 20_000;

/** Rows whose stored position `x`, `y` falls inside the window the tile reads. */
function inTile(query: Knex.QueryBuilder, window: TileWindow, x: string, y: string): Knex.QueryBuilder {
  return query.whereRaw(`${x} >= ? AND ${x} < ?`, [window.x0, window.x1]).whereRaw(`${y} >= ? AND ${y} < ?`, [window.y0, window.y1]);
}

/** Tile pixels of a Mercator position. */
const pixel = (tile: TileRange, mx: number, my: number) => ({ px: (mx - tile.x0) / tile.unit, py: (my - tile.y0) / tile.unit });

export class DatabaseMapStore implements MapStore {
  /** `datum`: the basemap's, when it is not WGS-84 (features are drawn where the basemap has them). */
  constructor(
    private readonly db: Db,
    private readonly datum?: Datum,
  ) {}

  private watch: MapVersionWatch | undefined;

  version(): Promise<string> {
    this.watch ??= new MapVersionWatch(
      (this.db.client.config as { connection: { connectionString: string } }).connection.connectionString,
      async () => {
        const { rows } = await this.db.raw<{ rows: { v: string }[] }>('SELECT last_value::text AS v FROM map_version');
        return rows[0]!.v;
      },
    );
    return this.watch.version();
  }

  async close(): Promise<void> {
    await this.watch?.close();
  }

  /**
   * `points` (selecting `mx`, `my` and the class columns) grouped into the tile's cells with
   * `aggregates`, whose `sum` columns are counts (see TileWindow.cells).
   */
  private async cells(points: Knex.QueryBuilder, window: TileWindow, aggregates: string, sum: readonly string[]): Promise<CellRow[]> {
    const shift = window.groupShift;
    const { rows } = await this.db.raw<{ rows: CellRow[] }>(
      `WITH pts AS (?)
       SELECT count(*)::int AS count, avg(mx)::float8 AS ax, avg(my)::float8 AS ay, ${aggregates}
       FROM pts GROUP BY mx >> ${shift}, my >> ${shift}`,
      [points],
    );
    return window.cells(rows, sum);
  }

  /** `points` grouped by `group` (their house), with the house's code `house`, placed by the datum. */
  private async byHouse(
    points: Knex.QueryBuilder,
    window: TileWindow,
    aggregates: string,
    house: string,
    group: string,
  ): Promise<CellRow[]> {
    const { rows } = await this.db.raw<{ rows: CellRow[] }>(
      `WITH pts AS (?)
       SELECT count(*)::int AS count, avg(mx)::float8 AS ax, avg(my)::float8 AS ay, min(${house}) AS house, ${aggregates}
       FROM pts GROUP BY ${group}`,
      [points],
    );
    return rows.flatMap((r) => {
      const at = window.place(r.ax, r.ay);
      return at ? [{ ...r, ax: at.mx, ay: at.my }] : [];
    });
  }

  /**
   * A layer of points counted by class: `query` selects `mx`, `my` and the columns `counts` (prop →
   * condition) and `alone` (prop → column, what a point alone carries) read; `at` are its stored
   * position expressions, for the tile's window.
   */
  private async classLayer(
    query: Knex.QueryBuilder,
    tile: TileRange,
    spec: {
      at: [string, string];
      counts: Record<string, string>;
      alone: Record<string, string>;
      /** The house code column, and what groups the points of one house close up (default: the code). */
      house: string;
      group?: string;
    },
  ): Promise<TilePoint[]> {
    const window = new TileWindow(tile, this.datum);
    const aggregates = [
      ...Object.entries(spec.counts).map(([prop, condition]) => `count(*) FILTER (WHERE ${condition})::int AS "${prop}"`),
      ...Object.entries(spec.alone).map(([prop, column]) => `min(${column}) AS "${prop}"`),
    ].join(', ');
    const points = inTile(query, window, ...spec.at);
    // Close up, where houses are drawn one by one, what stands at one house is one feature that names it
    // (two open cases of a house are a "2" that opens the house's card; in grid cells it stayed a cluster).
    const close = tile.z > CLUSTER_MAX_ZOOM;
    const rows = close
      ? await this.byHouse(points, window, aggregates, spec.house, spec.group ?? spec.house)
      : await this.cells(points, window, aggregates, Object.keys(spec.counts));
    return rows.map((r) => {
      const props: Record<string, string | number> = { count: r.count };
      for (const prop of Object.keys(spec.counts)) props[prop] = r[prop] as number;
      if (r.count === 1) for (const prop of Object.keys(spec.alone)) props[prop] = r[prop] as string;
      else if (close && typeof r.house === 'string') props.code = r.house;
      return { ...pixel(tile, r.ax, r.ay), props };
    });
  }

  private houseQuery(ability: AppAbility, filter: BuildingFilter, window: TileWindow): Knex.QueryBuilder {
    const query = applyBuildingFilter(whereAllowed(this.db('buildings as b'), ability, 'read', 'Building', SCOPE), {
      ...filter,
      q: undefined,
    });
    return inTile(query, window, 'b.merc_x', 'b.merc_y');
  }

  async houses(
    ability: AppAbility,
    filter: BuildingFilter,
    tile: TileRange,
    dueRule: DueRule,
    withFootprints = false,
  ): Promise<TileLayers> {
    const due = dueColumn(this.db, dueRule);
    const select = ['b.code', 'b.merc_x as mx', 'b.merc_y as my', 'b.risk_tier as tier', 'b.floors_above as floors', due];
    const window = new TileWindow(tile, this.datum);
    if (tile.z <= CLUSTER_MAX_ZOOM) {
      const level = summaryLevel(filter, window, this.datum);
      const rows =
        level !== undefined
          ? await summedCells(this.db, ability, filter, window, level, dueRule)
          : await this.cells(
              this.houseQuery(ability, filter, window).select(select),
              window,
              `${TIERS.map((t) => `count(*) FILTER (WHERE tier = '${t}')::int AS ${t}`).join(', ')},
               min(code) AS code, min(floors) AS floors, bool_or(due) AS due`,
              TIERS,
            );
      const singles = await this.openCases(rows.filter((r) => r.count === 1).map((r) => r.code as string));
      return {
        houses: rows.map((r) => {
          const { px, py } = pixel(tile, r.ax, r.ay);
          const tier = TIERS.find((t) => (r[t] as number) > 0) ?? 'green';
          if (r.count > 1) return { px, py, props: { count: r.count, tier, ...Object.fromEntries(TIERS.map((t) => [t, r[t] as number])) } };
          const code = r.code as string;
          const cases = singles.get(code);
          return { px, py, props: single(code, tier, r.floors as number | null, r.due as boolean, cases?.n ?? 0, cases?.late ?? false) };
        }),
      };
    }
    // The closest zooms carry every house, with its open cases as the house row keeps them (migration
    // 0033), in the index's order (no sort): a prepared statement (a dense tile plans longer than it
    // runs) whose rows come as arrays (as objects, 1,500 rows cost the API process more than PostgreSQL).
    const query = this.houseQuery(ability, filter, window)
      .select([
        ...select,
        'b.open_cases',
        this.db.raw('coalesce(b.open_case_due_at < now(), false) AS late'),
        ...(withFootprints ? ['b.floor_area', 'b.latitude'] : []),
      ])
      .orderBy(['b.merc_x', 'b.merc_y'])
      .limit(MAX_POINTS);
    const rows = (await runPreparedArrays(query)) as [
      code: string,
      mx: number,
      my: number,
      tier: RiskTier,
      floors: number | null,
      due: boolean,
      openCases: number,
      late: boolean,
      area?: number | null,
      latitude?: number,
    ][];
    const houses: TilePoint[] = [];
    const footprints: TilePolygon[] = [];
    for (const [code, mx, my, tier, floors, due, openCases, late, area, latitude] of rows) {
      const point = window.pixel(mx, my);
      if (!point) continue;
      houses.push({ px: point.px, py: point.py, props: single(code, tier, floors, due, openCases, late) });
      if (!withFootprints) continue;
      const ring = footprintSquare(point, { floorArea: area ?? null, floors, latitude: latitude ?? 0 }, tile.unit);
      footprints.push({ ring, props: { code, tier, height: Math.max(1, floors ?? 1) * 3 } });
    }
    // The footprints double a tile's size and cost: only the 3D view asks for them.
    return withFootprints ? { houses, footprints } : { houses };
  }

  /** Open cases per house code, and whether one is past its deadline (as the house rows keep them). */
  private async openCases(codes: string[]): Promise<Map<string, { n: number; late: boolean }>> {
    if (!codes.length) return new Map();
    const rows = (await this.db('buildings as b')
      .select('b.code', 'b.open_cases as n', this.db.raw('coalesce(b.open_case_due_at < now(), false) AS late'))
      .whereRaw('b.code = ANY(?::text[])', [codes])
      .where('b.open_cases', '>', 0)) as { code: string; n: number; late: boolean }[];
    return new Map(rows.map((r) => [r.code, { n: r.n, late: r.late }]));
  }

  async cases(ability: AppAbility, filter: CaseLayerFilter, tile: TileRange): Promise<TileLayers> {
    const query = whereAllowed(
      this.db('cases as c').join('buildings as b', 'b.code', 'c.building_code'),
      ability,
      'read',
      'Case',
      CASE_SCOPE,
    )
      .whereRaw(`c.status NOT IN ${CLOSED}`)
      .select(
        'c.id',
        'c.building_code as code',
        'c.severity',
        'b.merc_x as mx',
        'b.merc_y as my',
        this.db.raw('coalesce(c.due_at < now(), false) AS late'),
      );
    if (filter.regionCode) query.whereRaw('c.region_code LIKE ?', [`${filter.regionCode}%`]);
    if (filter.severity) query.where('c.severity', filter.severity);
    if (filter.overdue !== undefined) query.whereRaw(filter.overdue ? 'c.due_at < now()' : '(c.due_at IS NULL OR c.due_at >= now())');
    return {
      cases: await this.classLayer(query, tile, {
        at: ['b.merc_x', 'b.merc_y'],
        counts: { serious: `severity = 'serious'`, overdue: 'late' },
        alone: { caseId: 'id::text', code: 'code', severity: 'severity' },
        house: 'code',
      }),
    };
  }

  async complaints(ability: AppAbility, filter: ComplaintLayerFilter, tile: TileRange): Promise<TileLayers> {
    const mx = 'map_merc_x(coalesce(p.longitude, b.longitude))';
    const my = 'map_merc_y(coalesce(p.latitude, b.latitude))';
    const query = whereAllowed(
      this.db('complaints as p').leftJoin('buildings as b', 'b.code', 'p.building_code'),
      ability,
      'read',
      'Complaint',
      COMPLAINT_SCOPE,
    )
      .whereRaw(`p.created_at >= now() - make_interval(days => ?)`, [filter.days])
      .select('p.id', 'p.status', 'p.building_code as code', this.db.raw(`${mx} AS mx, ${my} AS my`));
    if (filter.regionCode) query.whereRaw('p.region_code LIKE ?', [`${filter.regionCode}%`]);
    return {
      complaints: await this.classLayer(query, tile, {
        at: [mx, my],
        counts: { verifying: `status = 'verifying'`, confirmed: `status = 'confirmed'` },
        alone: { complaintId: 'id::text', status: 'status' },
        house: 'code',
        // A complaint of no registered house stands alone.
        group: 'coalesce(code, id::text)',
      }),
    };
  }

  async warnings(ability: AppAbility, filter: WarningLayerFilter, tile: TileRange): Promise<TileLayers> {
    const query = whereAllowed(
      this.db('warnings as w').joinRaw('CROSS JOIN LATERAL unnest(w.building_codes) AS u(code)').join('buildings as b', 'b.code', 'u.code'),
      ability,
      'read',
      'Warning',
      WARNING_SCOPE,
    )
      .whereIn('w.status', ACTIVE_WARNING_STATUSES as unknown as string[])
      .select('w.id', 'w.status', 'u.code as code', 'b.merc_x as mx', 'b.merc_y as my');
    // The houses' villages, not the warning's region: a town's warning shows on a village's map too.
    if (filter.regionCode) query.whereRaw('b.village_code LIKE ?', [`${filter.regionCode}%`]);
    return {
      warnings: await this.classLayer(query, tile, {
        at: ['b.merc_x', 'b.merc_y'],
        counts: { escalated: `status = 'escalated'` },
        alone: { warningId: 'id::text', code: 'code', status: 'status' },
        house: 'code',
      }),
    };
  }

  async campaign(ability: AppAbility, filter: CampaignLayerFilter, tile: TileRange): Promise<TileLayers> {
    const status = `CASE WHEN i.status = 'done' THEN 'done' WHEN i.status = 'overdue' OR k.due_at < now() THEN 'overdue' ELSE 'pending' END`;
    const query = whereAllowed(
      this.db('campaign_items as i').join('campaigns as k', 'k.id', 'i.campaign_id').join('buildings as b', 'b.code', 'i.building_code'),
      ability,
      'read',
      'Building',
      SCOPE,
    )
      .where('i.campaign_id', filter.campaignId)
      .select('i.building_code as code', 'b.merc_x as mx', 'b.merc_y as my', this.db.raw(`${status} AS st`));
    if (filter.regionCode) query.whereRaw('b.village_code LIKE ?', [`${filter.regionCode}%`]);
    return {
      campaign: await this.classLayer(query, tile, {
        at: ['b.merc_x', 'b.merc_y'],
        counts: Object.fromEntries(PROGRESS.map((p) => [p, `st = '${p}'`])),
        alone: { code: 'code', status: 'st' },
        house: 'code',
      }),
    };
  }

  async summary(ability: AppAbility, filter: BuildingFilter): Promise<MapSummary> {
    if (cellsAnswer(filter)) return summedSummary(this.db, ability, filter);
    const query = applyBuildingFilter(whereAllowed(this.db('buildings as b'), ability, 'read', 'Building', SCOPE), {
      ...filter,
      q: undefined,
    }).select(
      this.db.raw(`count(*)::int AS count, count(b.longitude)::int AS located,
        min(b.longitude) AS w, min(b.latitude) AS s, max(b.longitude) AS e, max(b.latitude) AS n,
        ${TIERS.map((t) => `count(*) FILTER (WHERE b.risk_tier = '${t}')::int AS ${t}`).join(', ')}`),
    );
    const r = (await query.first()) as Record<string, number | null>;
    return {
      count: r.count as number,
      located: r.located as number,
      bounds: r.located ? [r.w as number, r.s as number, r.e as number, r.n as number] : null,
      tiers: Object.fromEntries(TIERS.map((t) => [t, r[t] as number])) as Record<RiskTier, number>,
    };
  }

  card(ability: AppAbility, code: string, due: DueRule): Promise<HouseCard | undefined> {
    return houseCard(this.db, ability, code, due);
  }
}

/** The properties of one house on the map. */
/**
 * The properties of one house on the map. `openCases`, `overdue` and `inspectionDue` are left out when 0
 * (most houses): a closest-zoom tile lists some 1,500 houses, and each property costs its encoding.
 */
function single(code: string, tier: string, floors: number | null, due: boolean, openCases: number, late: boolean) {
  const props: Record<string, string | number> = { count: 1, code, tier, floors: floors ?? 0 };
  if (openCases) props.openCases = openCases;
  if (late) props.overdue = 1;
  if (due) props.inspectionDue = 1;
  return props;
}

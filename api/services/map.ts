/**
 * The map (issue 18): tiles, the summary that places and counts them, a house's card and the houses due
 * for inspection (a list, nearest first). Tiles are cached in the process under the database's
 * `map_version` (bumped by every write a tile shows), keyed by the reader's access rules, the layer, its
 * filters and the address; the ETag is a hash of the bytes, so a browser revalidating a tile whose
 * content did not change gets a 304 even after a write.
 */
import { createHash } from 'node:crypto';
import type { AppAbility } from '../../domain/abilities.ts';
import type { BuildingFilter } from '../../domain/buildings/store.ts';
import type { CampaignStore } from '../../domain/campaigns/store.ts';
import type { Config } from '../../domain/config.ts';
import { InputError, NotFoundError } from '../../domain/errors.ts';
import type { DueRule } from '../../domain/inspection-schedule/due-sql.ts';
import type { DueHouse, DueHouseStore, Position } from '../../domain/map/due-houses.ts';
import type { ListResult } from '../../domain/paging.ts';
import type {
  CampaignLayerFilter,
  CaseLayerFilter,
  ComplaintLayerFilter,
  HouseCard,
  MapStore,
  MapSummary,
  WarningLayerFilter,
} from '../../domain/map/store.ts';
import { cellsAnswer } from '../../domain/map/cell-summary.ts';
import { encodeTile, tileRange } from '../../domain/map/tiles.ts';
import type { Datum } from '../../domain/map/tiles.ts';
import { addDays, beijingDay } from '../../domain/statistics/period.ts';
import { DEFAULT_COVERAGE_DAYS } from './stats.ts';

/** The basemap: none (outlines on a plain background), a PMTiles file the API serves, or a raster URL template. */
export type MapBasemap =
  null | { type: 'pmtiles'; url: string; attribution: string } | { type: 'raster'; tiles: string[]; attribution: string };

/** The basemap of the configuration (MAP_BASEMAP_PMTILES wins over MAP_BASEMAP_TILES). */
export function configuredBasemap(config: Pick<Config, 'mapBasemapPmtiles' | 'mapBasemapTiles' | 'mapBasemapAttribution'>): MapBasemap {
  const attribution = config.mapBasemapAttribution;
  if (config.mapBasemapPmtiles) return { type: 'pmtiles', url: BASEMAP_PATH, attribution };
  if (config.mapBasemapTiles) return { type: 'raster', tiles: [config.mapBasemapTiles], attribution };
  return null;
}

/** Where the API serves a PMTiles basemap file. */
export const BASEMAP_PATH = '/api/map/basemap.pmtiles';

/** What a tile request asks for; `query` holds the layer's own filters. */
export type TileRequest =
  | { layer: 'houses'; query: BuildingFilter & { footprints?: boolean | undefined } }
  | { layer: 'cases'; query: CaseLayerFilter }
  | { layer: 'complaints'; query: ComplaintLayerFilter }
  | { layer: 'campaign'; query: CampaignLayerFilter }
  | { layer: 'warnings'; query: WarningLayerFilter };

export interface TileAnswer {
  etag: string;
  /** Absent when the client's copy (If-None-Match) is current. */
  body?: Buffer;
}

interface Cached {
  version: string;
  etag: string;
  body: Buffer;
}

/** Summaries kept per process (a reader's rules × a region and tier: a few hundred a district). */
const CACHED_SUMMARIES = 2000;

/** Tiles kept per process, by their bytes (the closest zooms' tiles of a town reach a few hundred KB). */
const CACHE_BYTES = 64 * 1024 * 1024;

export class MapService {
  private readonly cache = new Map<string, Cached>();
  private readonly cutting = new Map<string, Promise<Cached>>();
  private readonly summaries = new Map<string, { version: string; summary: MapSummary }>();
  private cachedBytes = 0;

  constructor(
    private readonly deps: {
      map: MapStore;
      /** The houses due for inspection as a list (`/api/map/due`). */
      dueHouses: DueHouseStore;
      campaigns: CampaignStore;
      basemap: MapBasemap;
      /** The basemap's datum when it is not WGS-84 (the store draws features in it; the summary's bounds follow). */
      datum?: Datum | undefined;
      now?: () => Date;
    },
  ) {}

  /** What the map page draws under the platform's layers. */
  config(): { basemap: MapBasemap; coordinates: 'wgs84' | 'gcj02' } {
    return { basemap: this.deps.basemap, coordinates: this.deps.datum ? 'gcj02' : 'wgs84' };
  }

  /**
   * When a house counts as due for inspection now: its 定期巡查 item falling due, else not judged since the
   * day the cockpit's coverage window (365 days) starts.
   */
  private dueRule(): DueRule {
    const now = this.deps.now?.() ?? new Date();
    return { since: addDays(beijingDay(now), -(DEFAULT_COVERAGE_DAYS - 1)), now: now.toISOString() };
  }

  async tile(
    ability: AppAbility,
    regionCode: string,
    z: number,
    x: number,
    y: number,
    request: TileRequest,
    ifNoneMatch?: string,
  ): Promise<TileAnswer> {
    const range = tileRange(z, x, y);
    if (!range)
      throw InputError.field('params.z', 'out_of_range', `瓦片编号 ${z}/${x}/${y} 超出范围（缩放级别 0–18，x、y 小于 2 的 z 次方）`);
    // The day is part of the key: what is due (and overdue) moves with the clock, not only with writes.
    const key = [scopeKey(ability), request.layer, z, x, y, JSON.stringify(sorted(request.query)), this.dueRule().since].join('|');
    const version = await this.deps.map.version();
    let entry = this.cache.get(key);
    if (entry?.version === version) this.touch(key, entry);
    else {
      // Viewers asking for the same tile at once share one cut (a district tile costs PostgreSQL most).
      const flight = `${key}|${version}`;
      let cutting = this.cutting.get(flight);
      if (!cutting) {
        cutting = this.cut(ability, regionCode, request, range, version)
          .then((cut) => {
            this.remember(key, cut);
            return cut;
          })
          .finally(() => this.cutting.delete(flight));
        this.cutting.set(flight, cutting);
      }
      entry = await cutting;
    }
    return ifNoneMatch === entry.etag ? { etag: entry.etag } : { etag: entry.etag, body: entry.body };
  }

  /**
   * The tile cut anew. A campaign is looked up here, not on every request: a cached tile's key holds the
   * reader's rules, so whoever gets it from the cache would have found the campaign too.
   */
  private async cut(
    ability: AppAbility,
    regionCode: string,
    request: TileRequest,
    range: NonNullable<ReturnType<typeof tileRange>>,
    version: string,
  ): Promise<Cached> {
    if (request.layer === 'campaign' && !(await this.deps.campaigns.find(regionCode, request.query.campaignId)))
      throw new NotFoundError('专项排查不存在或无权查看');
    const body = encodeTile(await this.layers(ability, request, range));
    return { version, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
  }

  private layers(ability: AppAbility, request: TileRequest, range: NonNullable<ReturnType<typeof tileRange>>) {
    switch (request.layer) {
      case 'houses': {
        const { footprints, ...filter } = request.query;
        return this.deps.map.houses(ability, filter, range, this.dueRule(), footprints === true);
      }
      case 'cases':
        return this.deps.map.cases(ability, request.query, range);
      case 'complaints':
        return this.deps.map.complaints(ability, request.query, range);
      case 'campaign':
        return this.deps.map.campaign(ability, request.query, range);
      case 'warnings':
        return this.deps.map.warnings(ability, request.query, range);
    }
  }

  /** Most recently used last: the oldest entries are dropped first. */
  private touch(key: string, entry: Cached): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
  }

  private remember(key: string, entry: Cached): void {
    const old = this.cache.get(key);
    if (old) this.cachedBytes -= old.body.length;
    this.touch(key, entry);
    this.cachedBytes += entry.body.length;
    for (const [k, v] of this.cache) {
      if (this.cachedBytes <= CACHE_BYTES) break;
      this.cache.delete(k);
      this.cachedBytes -= v.body.length;
    }
  }

  /**
   * The summary, its bounds in the basemap's datum (they place the map over the tiles). For a region and a
   * tier (nothing the clock changes, as an overdue filter) it is kept under the map's version like a tile.
   */
  async summary(ability: AppAbility, filter: BuildingFilter): Promise<MapSummary> {
    if (!cellsAnswer(filter)) return this.placed(await this.deps.map.summary(ability, filter));
    const key = [scopeKey(ability), JSON.stringify(sorted(filter))].join('|');
    const version = await this.deps.map.version();
    const cached = this.summaries.get(key);
    if (cached?.version === version) return cached.summary;
    const summary = this.placed(await this.deps.map.summary(ability, filter));
    this.summaries.delete(key);
    this.summaries.set(key, { version, summary });
    if (this.summaries.size > CACHED_SUMMARIES) this.summaries.delete(this.summaries.keys().next().value as string);
    return summary;
  }

  private placed(summary: MapSummary): MapSummary {
    const { datum } = this.deps;
    if (!datum || !summary.bounds) return summary;
    const [w, s] = datum([summary.bounds[0], summary.bounds[1]]);
    const [e, n] = datum([summary.bounds[2], summary.bounds[3]]);
    return { ...summary, bounds: [w, s, e, n] };
  }

  /**
   * The houses due for inspection (as the tiles' `inspectionDue` has them), nearest to `near` first, or
   * by code without it. `near` is where the phone is, in WGS-84 whatever the basemap's datum.
   */
  due(
    ability: AppAbility,
    query: { regionCode?: string | undefined; near?: Position | undefined; page: number; perPage: number },
  ): Promise<ListResult<DueHouse>> {
    const rule = this.dueRule();
    return this.deps.dueHouses.due(ability, { ...query, dueSince: rule.since, now: rule.now });
  }

  async card(ability: AppAbility, code: string): Promise<HouseCard> {
    const card = await this.deps.map.card(ability, code, this.dueRule());
    if (!card) throw new NotFoundError('房屋不存在或无权查看');
    return card;
  }
}

/** The reader's access rules, as a short key: two readers with the same rules see the same tiles. */
function scopeKey(ability: AppAbility): string {
  return createHash('sha1').update(JSON.stringify(ability.rules)).digest('base64url').slice(0, 16);
}

function sorted(query: object): [string, unknown][] {
  return Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The map's town and village outlines (issue 18 §2) as a reader sees them: for a region the reader may
 * read houses in (their own by default), else 404 as the region tree answers. A town officer gets their
 * town and its villages, an inspector their village; hulls missing or stale are computed on the way.
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Position } from '../../domain/map/outlines.ts';
import type { OutlineStore } from '../../domain/map/outlines-store.ts';
import type { Datum } from '../../domain/map/tiles.ts';
import { regionOutlines } from '../../domain/map/region-outlines.ts';
import type { OutlineCollection } from '../../domain/map/region-outlines.ts';
import { regionScopePrefix } from '../../domain/regions.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';

const NOT_THEIRS = '行政区划不存在或不在您的管辖范围内';

/** Regions whose outlines are kept in the process (a district has a few hundred towns and villages). */
const CACHED_REGIONS = 500;

export class MapOutlineService {
  private readonly pending = new Map<string, Promise<OutlineCollection>>();
  private readonly cache = new Map<string, { version: string; outlines: OutlineCollection }>();

  /**
   * `datum`: the basemap's when it is not WGS-84; the outlines are moved into it as the tiles are.
   * `version`: the map's data version (MapStore.version): a region's outlines are kept in the process
   * under it, so an unchanged map costs no fingerprint query (a write of a house, or an import of
   * boundaries, moves it on).
   */
  constructor(
    private readonly deps: { outlines: OutlineStore; regions: RegionStore; datum?: Datum | undefined; version?: () => Promise<string> },
  ) {}

  /** The outlines of `regionCode` (default: the reader's region) and every town and village under it. */
  async outlines(ability: AppAbility, user: { regionCode: string }, regionCode: string | undefined): Promise<OutlineCollection> {
    const wanted = regionCode ?? user.regionCode;
    const visible = await this.deps.regions.find(ability, wanted);
    if (!visible || !ability.can('read', asSubject('Building', { villageCode: wanted }))) throw new NotFoundError(NOT_THEIRS);
    const version = await this.deps.version?.();
    const cached = this.cache.get(wanted);
    if (cached && cached.version === version) return cached.outlines;
    // Readers opening the same map at once share one computation (the first after a big import is the slow one).
    let pending = this.pending.get(wanted);
    if (!pending) {
      pending = regionOutlines(this.deps.outlines, regionScopePrefix(wanted)).finally(() => this.pending.delete(wanted));
      this.pending.set(wanted, pending);
    }
    const { datum } = this.deps;
    const outlines = datum ? moved(await pending, datum) : await pending;
    if (version !== undefined) this.keep(wanted, version, outlines);
    return outlines;
  }

  private keep(region: string, version: string, outlines: OutlineCollection): void {
    this.cache.delete(region);
    this.cache.set(region, { version, outlines });
    if (this.cache.size > CACHED_REGIONS) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** The outlines drawn in another datum (the stored ones stay WGS-84). */
function moved(collection: OutlineCollection, datum: Datum): OutlineCollection {
  const ring = (r: Position[]) => r.map((p) => datum(p));
  return {
    ...collection,
    features: collection.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(ring) }
          : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((p) => p.map(ring)) },
    })),
  };
}

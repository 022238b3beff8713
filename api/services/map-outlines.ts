/**
 * The map's town and village outlines (issue 18 §2) as a reader sees them: for a region the reader may
 * read houses in (their own by default), else 404 as the region tree answers. A town officer gets their
 * town and its villages, an inspector their village; hulls missing or stale are computed on the way.
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { OutlineStore } from '../../domain/map/outlines-store.ts';
import { regionOutlines } from '../../domain/map/region-outlines.ts';
import type { OutlineCollection } from '../../domain/map/region-outlines.ts';
import { regionScopePrefix } from '../../domain/regions.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';

const NOT_THEIRS = '行政区划不存在或不在您的管辖范围内';

export class MapOutlineService {
  private readonly pending = new Map<string, Promise<OutlineCollection>>();

  constructor(private readonly deps: { outlines: OutlineStore; regions: RegionStore }) {}

  /** The outlines of `regionCode` (default: the reader's region) and every town and village under it. */
  async outlines(ability: AppAbility, user: { regionCode: string }, regionCode: string | undefined): Promise<OutlineCollection> {
    const wanted = regionCode ?? user.regionCode;
    const visible = await this.deps.regions.find(ability, wanted);
    if (!visible || !ability.can('read', asSubject('Building', { villageCode: wanted }))) throw new NotFoundError(NOT_THEIRS);
    // Readers opening the same map at once share one computation (the first after a big import is the slow one).
    let pending = this.pending.get(wanted);
    if (!pending) {
      pending = regionOutlines(this.deps.outlines, regionScopePrefix(wanted)).finally(() => this.pending.delete(wanted));
      this.pending.set(wanted, pending);
    }
    return pending;
  }
}

/** The region tree as readers see it: scoped to their area, a region outside it answered as not found. */
import type { AppAbility } from '../../domain/abilities.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { RegionDetail, RegionListItem, RegionNode, RegionStore } from '../../domain/stores/regions.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';

const NOT_THEIRS = '行政区划不存在或不在您的管辖范围内';

export class RegionService {
  constructor(private readonly deps: { regions: RegionStore }) {}

  /** The tree under `code`, `depth` levels deep. */
  async tree(ability: AppAbility, code: string, depth: number): Promise<RegionNode> {
    const tree = await this.deps.regions.tree(ability, code, depth);
    if (!tree) throw new NotFoundError(NOT_THEIRS);
    return tree;
  }

  /** One region with its path and children. */
  async detail(ability: AppAbility, code: string): Promise<RegionDetail> {
    const detail = await this.deps.regions.detail(ability, code);
    if (!detail) throw new NotFoundError(NOT_THEIRS);
    return detail;
  }

  /** Search by name or code prefix. */
  list(ability: AppAbility, params: Parameters<RegionStore['list']>[1] & ListParams): Promise<ListResult<RegionListItem>> {
    return this.deps.regions.list(ability, params);
  }
}

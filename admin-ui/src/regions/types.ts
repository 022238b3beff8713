/** Region shapes as the API returns them. */
import type { RegionLevel } from '../../../domain/regions.ts';

/** A node of `GET /api/regions/tree`; `children` is absent until that level is loaded. */
export interface RegionNode {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
  children?: RegionNode[];
}

/**
 * `GET /api/regions/:code`: the region, its children, and its path from the top, which names
 * regions above the user's scope too (those are shown, not linked).
 */
export interface RegionDetail extends RegionNode {
  id: string;
  path: { code: string; name: string }[];
  children: RegionNode[];
}

/** A row of `GET /api/regions?q=`: `path` is the readable chain, e.g. 广东省 / 清远市 / 清城区. */
export interface RegionListItem {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  path: string;
}

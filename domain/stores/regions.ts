/**
 * The region tree: reads scoped by the user's abilities, and the bulk load used by the seed command.
 * `DatabaseRegionStore` (database-regions.ts) holds the SQL.
 */
import type { AppAbility } from '../abilities.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { RegionLevel } from '../regions.ts';

export interface RegionNode {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
  children?: RegionNode[];
}

export interface RegionDetail extends RegionNode {
  id: string;
  path: { code: string; name: string }[];
  children: RegionNode[];
}

export interface RegionListItem {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  path: string;
}

export interface RegionInput {
  code: string;
  name: string;
  parentCode: string | null;
}

/** The region tree. */
export interface RegionStore {
  /** One region visible to the user, or undefined. */
  find(ability: AppAbility, code: string): Promise<RegionNode | undefined>;
  /** The visible children of a region, by code. */
  children(ability: AppAbility, code: string): Promise<RegionNode[]>;
  /** A visible region with its ancestry and children; the ancestry includes names above the user's scope. */
  detail(ability: AppAbility, code: string): Promise<RegionDetail | undefined>;
  /** The visible subtree under `code`, `depth` levels deep (depth 0: the node alone). */
  tree(ability: AppAbility, code: string, depth: number): Promise<RegionNode | undefined>;
  /** Search by name (or code prefix), scoped, paged, each with its path of names. */
  list(
    ability: AppAbility,
    params: ListParams & { q?: string; level?: RegionLevel; parentCode?: string; ids?: string[] },
  ): Promise<ListResult<RegionListItem>>;
  /** The name of a region, whoever asks (used to label records). */
  nameOf(code: string): Promise<string | undefined>;
  /** The smallest region holding every district of the tree (where events of no account are filed). */
  deploymentRegion(): Promise<string | null>;
  /** True when the region exists. */
  exists(code: string): Promise<boolean>;
  /** Inserts or renames regions, parents first; returns how many rows were written. */
  upsert(regions: RegionInput[]): Promise<number>;
}

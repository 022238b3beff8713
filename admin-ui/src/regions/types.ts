/** Region shapes as the API returns them: the store's own types (children absent until loaded). */
export type { RegionDetail, RegionListItem, RegionNode } from '../../../domain/stores/regions.ts';

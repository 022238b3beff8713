/**
 * The completeness report's data: per village of a region, its houses and how many have each gap
 * (gaps.ts). `DatabaseCompletenessStore` (database-store.ts) holds the SQL.
 */
import type { Gap } from './gaps.ts';

/** One village's counts. */
export interface VillageGaps {
  villageCode: string;
  villageName: string;
  townCode: string;
  townName: string;
  houses: number;
  gaps: Record<Gap, number>;
}

export interface CompletenessStore {
  /** Every village whose code starts with `regionPrefix` (those without houses too), with its houses and gap counts. */
  villages(regionPrefix: string): Promise<VillageGaps[]>;
}

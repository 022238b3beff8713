/** The completeness report's counts on PostgreSQL: one statement, each gap a `count(*) FILTER`. */
import type { Db } from '../db.ts';
import { GAP, GAP_SQL } from './gaps.ts';
import type { Gap } from './gaps.ts';
import type { CompletenessStore, VillageGaps } from './store.ts';

type Row = Record<string, unknown> & { village_code: string; village_name: string; town_code: string; town_name: string; houses: number };

export class DatabaseCompletenessStore implements CompletenessStore {
  constructor(private readonly db: Db) {}

  async villages(regionCode: string): Promise<VillageGaps[]> {
    const counts = GAP.values.map((g) => `count(*) FILTER (WHERE ${GAP_SQL[g]})::int AS ${g}`).join(',\n        ');
    const { rows } = (await this.db.raw(
      `WITH counted AS (
        SELECT b.village_code, count(*)::int AS houses,
        ${counts}
          FROM buildings b
         WHERE b.village_code LIKE ?
         GROUP BY b.village_code)
      SELECT v.code AS village_code, v.name AS village_name, t.code AS town_code, t.name AS town_name,
             coalesce(c.houses, 0) AS houses, ${GAP.values.map((g) => `coalesce(c.${g}, 0) AS ${g}`).join(', ')}
        FROM regions v
        JOIN regions t ON t.code = v.parent_code
        LEFT JOIN counted c ON c.village_code = v.code
       WHERE length(v.code) = 12 AND v.code LIKE ?
       ORDER BY v.code`,
      [`${regionCode}%`, `${regionCode}%`],
    )) as { rows: Row[] };
    return rows.map((r) => ({
      villageCode: r.village_code,
      villageName: r.village_name,
      townCode: r.town_code,
      townName: r.town_name,
      houses: r.houses,
      gaps: Object.fromEntries(GAP.values.map((g) => [g, r[g] as number])) as Record<Gap, number>,
    }));
  }
}

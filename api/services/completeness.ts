/**
 * The completeness report (数据完整性, issue 20 §3): per village of the reader's region, its houses and
 * each gap's count, summed per town and for the whole region; every count links to the registry list
 * with the same `gap` filter (the same SQL, so the same total). Each gap's list is exportable (CSV/XLSX,
 * owner names masked, each export audited).
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { BuildingStore } from '../../domain/buildings/store.ts';
import { GAP } from '../../domain/completeness/gaps.ts';
import type { Gap } from '../../domain/completeness/gaps.ts';
import type { GapList } from '../../domain/completeness/export.ts';
import type { CompletenessStore, VillageGaps } from '../../domain/completeness/store.ts';
import { NotFoundError, RuleError } from '../../domain/errors.ts';
import { regionLevel, regionScopePrefix } from '../../domain/regions.ts';
import type { ListLink } from '../../domain/statistics/api.ts';
import type { CompletenessReport, CompletenessRow, Figure } from '../../domain/completeness/report.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';

/** The most houses one export holds; a larger list is exported village by village or town by town. */
export const GAP_EXPORT_LIMIT = 20_000;

const NOT_THEIRS = '行政区划不存在或不在您的管辖范围内';

const link = (regionCode: string, gap?: Gap): ListLink => ({
  resource: 'buildings',
  filter: gap ? { regionCode, gap } : { regionCode },
});

function row(code: string, name: string, townCode: string | null, houses: number, gaps: Record<Gap, number>): CompletenessRow {
  return {
    code,
    name,
    townCode,
    houses: { value: houses, link: link(code) },
    gaps: Object.fromEntries(GAP.values.map((g) => [g, { value: gaps[g], link: link(code, g) }])) as Record<Gap, Figure>,
  };
}

/** The villages' counts added up. */
function summed(villages: VillageGaps[]): { houses: number; gaps: Record<Gap, number> } {
  const gaps = Object.fromEntries(GAP.values.map((g) => [g, 0])) as Record<Gap, number>;
  let houses = 0;
  for (const v of villages) {
    houses += v.houses;
    for (const g of GAP.values) gaps[g] += v.gaps[g];
  }
  return { houses, gaps };
}

export class CompletenessService {
  constructor(
    private readonly deps: { completeness: CompletenessStore; regions: RegionStore; buildings: BuildingStore; audit: AuditStore },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The region asked for (the reader's own by default), if the reader may read its houses; else 404. */
  private async region(ability: AppAbility, own: string, code: string | undefined) {
    const wanted = code ?? own;
    const visible = await this.deps.regions.find(ability, wanted);
    if (!visible || !ability.can('read', asSubject('Building', { villageCode: wanted }))) throw new NotFoundError(NOT_THEIRS);
    return { code: visible.code, name: visible.name, level: regionLevel(visible.code) };
  }

  async report(ability: AppAbility, own: string, regionCode: string | undefined): Promise<CompletenessReport> {
    const region = await this.region(ability, own, regionCode);
    const villages = await this.deps.completeness.villages(regionScopePrefix(region.code));
    const towns = new Map<string, { name: string; villages: VillageGaps[] }>();
    for (const v of villages) {
      const t = towns.get(v.townCode) ?? { name: v.townName, villages: [] };
      t.villages.push(v);
      towns.set(v.townCode, t);
    }
    const all = summed(villages);
    return {
      region,
      computedAt: this.clock().toISOString(),
      gaps: GAP.values.map((g) => ({ key: g, label: GAP.labels[g] })),
      villages: villages.map((v) => row(v.villageCode, v.villageName, v.townCode, v.houses, v.gaps)),
      towns: [...towns].map(([code, t]) => {
        const s = summed(t.villages);
        return row(code, t.name, null, s.houses, s.gaps);
      }),
      total: row(region.code, region.name, null, all.houses, all.gaps),
    };
  }

  /** The houses of `regionCode` with `gap`, owner details masked, for a file; audited. */
  async gapList(ability: AppAbility, own: string, regionCode: string | undefined, gap: Gap, who: AuditContext): Promise<GapList> {
    const region = await this.region(ability, own, regionCode);
    const list = await this.deps.buildings.list(ability, {
      page: 1,
      perPage: GAP_EXPORT_LIMIT,
      regionCode: region.code,
      gap,
      sort: 'code',
    });
    if (list.total > GAP_EXPORT_LIMIT) {
      throw RuleError.field(
        'query.regionCode',
        'too_many',
        `该区域此类房屋共 ${String(list.total)} 栋，超过单次导出上限 ${String(GAP_EXPORT_LIMIT)} 栋，请按镇街或村社区分别导出`,
      );
    }
    await this.deps.audit.record(who, {
      action: 'completeness.export',
      subjectType: 'Region',
      subjectId: region.code,
      regionCode: region.code,
      details: { gap, houses: list.total },
    });
    return { gap, region, at: this.clock(), houses: list.data };
  }
}

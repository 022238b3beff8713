/**
 * The figures of one monthly bulletin (通报), computed through the cockpit's own StatsService
 * (domain/statistics/service.ts) with the month as the period: `overview` and the child-region rows
 * are the very answers `/api/stats/overview` and `/api/stats/children` give for that region and month,
 * so the bulletin and the cockpit cannot disagree. Figures of the present state (houses, open and
 * overdue hazards, coverage of the last 365 days) are as of the moment the bulletin was computed, which
 * it states; the period figures (found, closed, rate, escalations, complaints, warnings) are the month's.
 */
import { CURRENT_WARNING_RULES_VERSION, warningRule } from '../../definitions/warning-rules/index.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import type { AppAbility } from '../abilities.ts';
import type { CaseStore } from '../cases/store.ts';
import type { ChildRow, Overview, StatsRegion } from '../statistics/api.ts';
import type { StatsService } from '../statistics/service.ts';
import { monthEnd } from '../statistics/period.ts';
import type { BulletinStore, RaisedWarning } from './store.ts';

/** The most escalated cases and warnings a bulletin lists one by one (the totals always count them all). */
export const BULLETIN_LIST_LIMIT = 500;

/** One line of the ranking: a child region's cockpit row and its place. */
export interface RankingRow extends ChildRow {
  rank: number;
}

export interface EscalatedCase {
  number: string;
  regionCode: string;
  townName: string | null;
  villageName: string | null;
  category: string;
  severity: string;
  status: string;
  escalationCount: number;
  createdAt: string;
}

export interface BulletinWarning extends RaisedWarning {
  ruleName: string;
}

export interface BulletinData {
  region: StatsRegion;
  /** `YYYY-MM`. */
  month: string;
  period: { from: string; to: string };
  computedAt: string;
  overview: Overview;
  /** The child regions (towns of a district, villages of a town), best first. */
  ranking: RankingRow[];
  escalated: { total: number; rows: EscalatedCase[] };
  warnings: { total: number; byRule: { ruleId: string; ruleName: string; count: number }[]; rows: BulletinWarning[] };
}

/**
 * The reader a bulletin is computed for: read-only, over exactly the bulletin's region (the auditor's
 * rules scoped there), so the figures are those an officer of that region sees on the cockpit.
 */
export function bulletinReader(regionCode: string): { ability: AppAbility; user: { id: string; role: 'auditor'; regionCode: string } } {
  const user = { id: 'bulletin', role: 'auditor' as const, regionCode };
  return { ability: createAppAbility(rulesFor(user)), user };
}

/**
 * Ranks child regions: higher 整改率 first (a region with nothing found after those with a rate),
 * then fewer overdue hazards, then higher coverage, then by code.
 */
export function rankChildren(rows: readonly ChildRow[]): RankingRow[] {
  const rate = (r: number | null) => (r === null ? -1 : r);
  return [...rows]
    .sort(
      (a, b) =>
        rate(b.rectificationRate) - rate(a.rectificationRate) ||
        a.overdue.value - b.overdue.value ||
        rate(b.coverageRate) - rate(a.coverageRate) ||
        a.region.code.localeCompare(b.region.code),
    )
    .map((row, i) => ({ ...row, rank: i + 1 }));
}

function ruleName(id: string, version: number): string {
  try {
    return warningRule(id, version).name;
  } catch {
    return id;
  }
}

/** The bulletin's figures for a region and a month (`YYYY-MM`). */
export async function bulletinData(
  deps: { stats: StatsService; cases: Pick<CaseStore, 'list'>; bulletins: Pick<BulletinStore, 'warningsRaised'> },
  regionCode: string,
  month: string,
): Promise<BulletinData> {
  const { ability, user } = bulletinReader(regionCode);
  const q = { region: regionCode, from: month, to: month };
  const [overview, children] = await Promise.all([deps.stats.overview(ability, user, q), deps.stats.children(ability, user, q)]);
  const period = { from: `${month}-01`, to: monthEnd(month) };
  const [escalated, warnings] = await Promise.all([
    deps.cases.list(ability, {
      page: 1,
      perPage: BULLETIN_LIST_LIMIT,
      sort: 'number',
      order: 'asc',
      regionCode,
      escalatedFrom: period.from,
      escalatedTo: period.to,
    }),
    deps.bulletins.warningsRaised(regionCode, period.from, period.to, BULLETIN_LIST_LIMIT),
  ]);
  const rows = warnings.rows.map((w) => ({ ...w, ruleName: ruleName(w.ruleId, w.ruleVersion) }));
  return {
    region: overview.meta.region,
    month,
    period,
    computedAt: overview.meta.computedAt,
    overview,
    ranking: rankChildren(children.rows),
    escalated: {
      total: escalated.total,
      rows: escalated.data.map((c) => ({
        number: c.number,
        regionCode: c.regionCode,
        townName: c.townName,
        villageName: c.villageName,
        category: c.category,
        severity: c.severity,
        status: c.status,
        escalationCount: c.escalationCount,
        createdAt: c.createdAt,
      })),
    },
    warnings: {
      total: warnings.total,
      byRule: warnings.byRule
        .map((r) => ({ ...r, ruleName: ruleName(r.ruleId, CURRENT_WARNING_RULES_VERSION) }))
        .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
      rows,
    },
  };
}

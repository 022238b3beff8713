/**
 * Where a figure leads: the list behind it with the same filters (`ListLink`), as an address of this
 * app. React-admin lists read their filters from `?filter=<JSON>`; tasks have no list of their own but
 * the inbox, whose tab is `?view=` (campaign houses are its 专项排查 tab). A pivot cell of houses can also become a special inspection
 * (发起专项排查): the campaign form opened with the cell's house filters (react-admin's `?source=`).
 */
import { parentRegionCode, regionLevel, isRegionCodeShape } from '../../../domain/regions.ts';
import type { ListLink } from '../../../domain/statistics/api.ts';

/** The inbox tabs a task link may name; anything else opens the user's own tasks. */
const TASK_VIEWS = new Set(['mine', 'claimable', 'done', 'overdue', 'verify', 'campaigns']);

/** The app address of the list behind a figure. */
export function linkHref(link: ListLink): string {
  if (link.resource === 'campaign-tasks') return '/inbox?view=campaigns';
  if (link.resource === 'tasks') {
    const view = String(link.filter.view ?? 'mine');
    return `/inbox?view=${encodeURIComponent(TASK_VIEWS.has(view) ? view : 'mine')}`;
  }
  return `/${link.resource}?filter=${encodeURIComponent(JSON.stringify(link.filter))}`;
}

/** The house filters a special inspection can target (the registry's filters without region and text). */
const CAMPAIGN_FILTER_KEYS = new Set([
  'use',
  'businessCategory',
  'structureType',
  'latestJudgement',
  'appraisalGrade',
  'minFloors',
  'maxFloors',
  'yearFrom',
  'yearTo',
  'yearUnknown',
  'businessUse',
  'riskTier',
  'inspectedFrom',
  'notInspectedSince',
]);

/** The campaign a houses link can become: a district or town (a village's cell targets its town) and the house filters. */
export function campaignSource(link: ListLink): { regionCode?: string; filters: Record<string, string | number | boolean> } | null {
  if (link.resource !== 'buildings') return null;
  const filters: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(link.filter)) if (CAMPAIGN_FILTER_KEYS.has(key)) filters[key] = value;
  const code = typeof link.filter.regionCode === 'string' ? link.filter.regionCode : undefined;
  let regionCode = code;
  if (code && isRegionCodeShape(code) && regionLevel(code) === 'village') regionCode = parentRegionCode(code) ?? undefined;
  return regionCode ? { regionCode, filters } : { filters };
}

/** The campaign create form prefilled from a houses link, or null for other lists. */
export function campaignHref(link: ListLink): string | null {
  const source = campaignSource(link);
  return source ? `/campaigns/create?source=${encodeURIComponent(JSON.stringify(source))}` : null;
}

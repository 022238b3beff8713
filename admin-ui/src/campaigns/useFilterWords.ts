/**
 * A campaign's filters in words (房屋用途：经营 · 3 层及以上), with the building registry's own field
 * labels and choices, so the campaign page says which houses it took the way the house list does.
 */
import { useTranslate } from 'react-admin';
import { enumLabelKey } from '../buildings/choices.ts';
import type { CampaignFilters } from './types.ts';

const ENUM_FIELDS = ['riskTier', 'use', 'businessCategory', 'structureType', 'latestJudgement', 'appraisalGrade'] as const;

export function useFilterWords(filters: CampaignFilters): string {
  const translate = useTranslate();
  const words: string[] = [];
  for (const field of ENUM_FIELDS) {
    const value = filters[field];
    const label = field === 'riskTier' ? `resources.buildings.enums.riskTier.${String(value)}` : enumLabelKey(field, String(value));
    if (value) words.push(`${translate(`resources.buildings.fields.${field}`)}：${translate(label, { _: value })}`);
  }
  if (filters.businessUse !== undefined)
    words.push(translate(`resources.campaigns.filterWords.${filters.businessUse ? 'businessUse' : 'notBusinessUse'}`));
  if (filters.minFloors) words.push(translate('resources.campaigns.filterWords.minFloors', { n: filters.minFloors }));
  if (filters.maxFloors) words.push(translate('resources.campaigns.filterWords.maxFloors', { n: filters.maxFloors }));
  if (filters.yearUnknown) words.push(translate('resources.campaigns.filterWords.yearUnknown'));
  if (filters.inspectedFrom) words.push(translate('resources.campaigns.filterWords.inspectedFrom', { date: filters.inspectedFrom }));
  if (filters.notInspectedSince)
    words.push(translate('resources.campaigns.filterWords.notInspectedSince', { date: filters.notInspectedSince }));
  if (filters.yearFrom) words.push(translate('resources.campaigns.filterWords.yearFrom', { year: filters.yearFrom }));
  if (filters.yearTo) words.push(translate('resources.campaigns.filterWords.yearTo', { year: filters.yearTo }));
  return words.length > 0 ? words.join(' · ') : translate('resources.campaigns.filterWords.all');
}

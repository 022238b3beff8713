/**
 * A campaign's filters in words (房屋用途：经营 · 3 层及以上), with the building registry's own field
 * labels and choices, so the campaign page says which houses it took the way the house list does.
 */
import { useTranslate } from 'react-admin';
import { enumLabelKey } from '../buildings/choices.ts';
import type { CampaignFilters } from './types.ts';

const ENUM_FIELDS = ['use', 'businessCategory', 'structureType', 'latestJudgement', 'appraisalGrade'] as const;

export function useFilterWords(filters: CampaignFilters): string {
  const translate = useTranslate();
  const words: string[] = [];
  for (const field of ENUM_FIELDS) {
    const value = filters[field];
    if (value) words.push(`${translate(`resources.buildings.fields.${field}`)}：${translate(enumLabelKey(field, value), { _: value })}`);
  }
  if (filters.minFloors) words.push(translate('resources.campaigns.filterWords.minFloors', { n: filters.minFloors }));
  if (filters.yearFrom) words.push(translate('resources.campaigns.filterWords.yearFrom', { year: filters.yearFrom }));
  if (filters.yearTo) words.push(translate('resources.campaigns.filterWords.yearTo', { year: filters.yearTo }));
  return words.length > 0 ? words.join(' · ') : translate('resources.campaigns.filterWords.all');
}

/**
 * Which layer the map shows and that layer's own choices, and the tile query each needs: the houses
 * take the registry filter as it is; cases, complaints and a campaign take its region and their own.
 */
import { filterQuery } from '../dataProvider/request.ts';
import type { Query } from '../dataProvider/request.ts';
import type { MapLayerKind } from './types.ts';

export interface LayerChoice {
  kind: MapLayerKind;
  severity: '' | 'serious' | 'general';
  overdueOnly: boolean;
  days: number;
  campaignId: string;
}

export const DEFAULT_LAYER: LayerChoice = { kind: 'houses', severity: '', overdueOnly: false, days: 30, campaignId: '' };

export const COMPLAINT_DAYS = [7, 30, 90, 365] as const;

/** The tile query of the chosen layer; null while it cannot be drawn (a campaign not yet picked). */
export function layerQuery(choice: LayerChoice, filter: Record<string, unknown>): Query | null {
  const houses = filterQuery(filter);
  const region: Query = houses.regionCode ? { regionCode: houses.regionCode } : {};
  switch (choice.kind) {
    case 'houses':
      return houses;
    case 'cases':
      return {
        ...region,
        ...(choice.severity ? { severity: choice.severity } : {}),
        ...(choice.overdueOnly ? { overdue: 'true' } : {}),
      };
    case 'complaints':
      return { ...region, days: String(choice.days) };
    case 'warnings':
      return region;
    case 'campaign':
      return choice.campaignId ? { ...region, campaignId: choice.campaignId } : null;
  }
}

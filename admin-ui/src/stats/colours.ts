/** The colours every statistics page gives the risk tiers, severities and series, light and dark alike. */
import type { RiskTier } from '../../../domain/statistics/dimensions.ts';

export const TIER_COLOURS: Record<RiskTier, string> = {
  red: '#d32f2f',
  orange: '#ef6c00',
  yellow: '#f9a825',
  green: '#2e7d32',
};

export const SERIES_COLOURS = {
  found: '#e53935',
  closed: '#43a047',
  backlog: '#fb8c00',
  complaints: '#1e88e5',
} as const;

/**
 * The house's risk tier (风险分级) as a chip in the tier's own colour: 红 red, 橙 orange, 黄 yellow,
 * 绿 green; the reasons, when given, as its tooltip. From the record in context unless `tier` is given.
 */
import { Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { RiskTier } from '../../../definitions/risk-tiers/index.ts';
import type { BuildingRecord } from './types.ts';

/** Background and text of each tier; yellow takes dark text to stay readable. */
export const RISK_COLORS: Record<RiskTier, { bg: string; fg: string }> = {
  red: { bg: '#c62828', fg: '#fff' },
  orange: { bg: '#ef6c00', fg: '#fff' },
  yellow: { bg: '#fbc02d', fg: 'rgba(0, 0, 0, 0.87)' },
  green: { bg: '#2e7d32', fg: '#fff' },
};

export function RiskTierChip({ tier, withReasons = false }: { tier?: RiskTier; withReasons?: boolean; label?: string; source?: string }) {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const value = tier ?? building?.riskTier;
  if (!value) return null;
  const { bg, fg } = RISK_COLORS[value];
  const chip = (
    <Chip
      size="small"
      data-risk-tier={value}
      label={translate(`resources.buildings.enums.riskTier.${value}`)}
      sx={{ bgcolor: bg, color: fg, fontWeight: 600 }}
    />
  );
  const reasons = withReasons && !tier ? (building?.riskReasons ?? []) : [];
  if (reasons.length === 0) return chip;
  return <Tooltip title={reasons.map((r) => r.text).join('；')}>{chip}</Tooltip>;
}

/** The filtered houses per risk tier, as small chips in the tier colours. */
import { Box, Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RiskTier } from '../../../definitions/risk-tiers/index.ts';
import { RISK_TIERS } from '../../../definitions/risk-tiers/index.ts';
import { RISK_COLORS } from '../buildings/RiskTierChip.tsx';

export function TierCounts({ tiers }: { tiers: Record<RiskTier, number> }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {RISK_TIERS.map((tier) => (
        <Chip
          key={tier}
          size="small"
          data-tier-count={tier}
          data-value={tiers[tier]}
          label={`${translate(`resources.buildings.enums.riskTier.${tier}`)} ${tiers[tier]}`}
          sx={{ bgcolor: RISK_COLORS[tier].bg, color: RISK_COLORS[tier].fg, fontWeight: 600 }}
        />
      ))}
    </Box>
  );
}

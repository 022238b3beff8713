/** The key to the map's colours for the layer shown, in the map's bottom-left corner. */
import { Box, Paper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { RISK_TIERS } from '../../../definitions/risk-tiers/index.ts';
import { TIER_COLOURS } from '../stats/colours.ts';
import { STATUS_COLOURS } from './dataLayers.ts';
import type { MapLayerKind } from './types.ts';

interface Entry {
  /** The class it stands for, as the map's list of features names it (`featureClass`), or the ring's meaning. */
  key: string;
  colour: string;
  label: string;
  ring?: string;
}

function Swatch({ colour, ring }: { colour: string; ring?: string | undefined }) {
  return (
    <Box
      component="span"
      sx={{
        width: 12,
        height: 12,
        borderRadius: '50%',
        bgcolor: colour,
        flexShrink: 0,
        border: `2px solid ${ring ?? '#fff'}`,
        boxSizing: 'content-box',
      }}
    />
  );
}

export function MapLegend({ kind, threeD }: { kind: MapLayerKind; threeD: boolean }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.map.legend.${key}`);
  const entries: Entry[] = (() => {
    switch (kind) {
      case 'houses':
        return [
          ...RISK_TIERS.map((tier) => ({
            key: tier,
            colour: TIER_COLOURS[tier],
            label: translate(`resources.buildings.enums.riskTier.${tier}`),
          })),
          { key: 'overdue-ring', colour: '#bdbdbd', ring: '#212121', label: t('overdue') },
          { key: 'due-ring', colour: '#bdbdbd', ring: '#1565c0', label: t('due') },
        ];
      case 'cases':
        return [
          ...(['serious', 'general'] as const).map((s) => ({
            key: s,
            colour: STATUS_COLOURS[s],
            label: translate(`resources.cases.enums.severity.${s}`),
          })),
          { key: 'overdue-ring', colour: '#bdbdbd', ring: '#212121', label: t('overdue') },
        ];
      case 'complaints':
        return [{ key: 'complaint', colour: STATUS_COLOURS.complaint, label: t('complaint') }];
      case 'warnings':
        return [
          { key: 'warning', colour: STATUS_COLOURS.warning, label: t('warning') },
          { key: 'escalated', colour: STATUS_COLOURS.escalated, label: t('escalated') },
        ];
      case 'campaign':
        return (['done', 'pending', 'overdue'] as const).map((s) => ({
          key: s,
          colour: STATUS_COLOURS[s],
          label: translate(`resources.campaigns.enums.itemStatus.${s}`),
        }));
    }
  })();
  return (
    <Paper
      elevation={2}
      sx={{ position: 'absolute', left: 8, bottom: 28, p: 1, maxWidth: 200, opacity: 0.95, pointerEvents: 'none' }}
      data-legend={kind}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.25, rowGap: 0.5 }}>
        {entries.map((e) => (
          <Box key={e.key} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }} data-legend-entry={e.key}>
            <Swatch colour={e.colour} ring={e.ring} />
            <Typography variant="caption">{e.label}</Typography>
          </Box>
        ))}
      </Box>
      <Typography
        variant="caption"
        color="text.secondary"
        component="p"
        sx={{ mt: 0.5, lineHeight: 1.3, display: { xs: 'none', sm: 'block' } }}
      >
        {t('cluster')}
        {threeD && kind === 'houses' ? ` · ${t('block')}` : ''}
      </Typography>
    </Paper>
  );
}

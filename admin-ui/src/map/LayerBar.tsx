/** Picks the map's layer (houses by risk, open cases, complaints, a campaign's progress) and that layer's own choices. */
import { Checkbox, FormControlLabel, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import type { Campaign } from '../campaigns/types.ts';
import { COMPLAINT_DAYS } from './layerQuery.ts';
import type { LayerChoice } from './layerQuery.ts';
import { MAP_LAYERS } from './types.ts';
import type { MapLayerKind } from './types.ts';

function CampaignSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const translate = useTranslate();
  const { data = [] } = useGetList<Campaign>('campaigns', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={translate('resources.map.options.campaign')}
      value={data.some((c) => c.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      helperText={value ? undefined : translate('resources.map.options.pickCampaign')}
      sx={{ minWidth: 240 }}
      data-campaign-select
    >
      {data.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The options stand beside the layer buttons on a wide screen and under them on a phone; react-admin's
 * theme makes every text field full width, which would put them on a line of their own everywhere.
 */
export function LayerBar({ choice, onChange }: { choice: LayerChoice; onChange: (choice: LayerChoice) => void }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.map.${key}`, options);
  const set = (patch: Partial<LayerChoice>) => onChange({ ...choice, ...patch });
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={1.5}
      useFlexGap
      alignItems={{ md: 'center' }}
      sx={{ minWidth: 0, flexWrap: 'wrap' }}
    >
      <ToggleButtonGroup
        exclusive
        size="small"
        color="primary"
        value={choice.kind}
        onChange={(_, kind: MapLayerKind | null) => kind && set({ kind })}
        aria-label={t('layers.label')}
        sx={{ flexWrap: 'wrap' }}
      >
        {MAP_LAYERS.map((kind) => (
          <ToggleButton key={kind} value={kind} data-layer={kind} sx={{ whiteSpace: 'nowrap' }}>
            {t(`layers.${kind}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {choice.kind === 'cases' && (
        <Stack direction="row" spacing={1} alignItems="center">
          <TextField
            select
            size="small"
            fullWidth={false}
            label={t('options.severity')}
            value={choice.severity}
            onChange={(e) => set({ severity: e.target.value as LayerChoice['severity'] })}
            // 全部 is a choice too, shown as one.
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
            sx={{ minWidth: 140 }}
          >
            <MenuItem value="">{t('options.all')}</MenuItem>
            {(['serious', 'general'] as const).map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`resources.cases.enums.severity.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={<Checkbox checked={choice.overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked })} />}
            label={t('options.overdueOnly')}
            sx={{ whiteSpace: 'nowrap' }}
          />
        </Stack>
      )}
      {choice.kind === 'complaints' && (
        <TextField
          select
          size="small"
          fullWidth={false}
          label={t('options.days')}
          value={choice.days}
          onChange={(e) => set({ days: Number(e.target.value) })}
          sx={{ minWidth: 140 }}
        >
          {COMPLAINT_DAYS.map((days) => (
            <MenuItem key={days} value={days}>
              {t('options.lastDays', { days })}
            </MenuItem>
          ))}
        </TextField>
      )}
      {choice.kind === 'campaign' && <CampaignSelect value={choice.campaignId} onChange={(campaignId) => set({ campaignId })} />}
    </Stack>
  );
}

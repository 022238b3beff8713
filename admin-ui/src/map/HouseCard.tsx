/**
 * A house on the map, clicked: its code and address, its risk tier and why, its open cases, its last
 * inspection, and the way to its house file, its cases and its QR label. Over the map's right side on
 * a wide screen, over its lower part on a phone.
 */
import CloseIcon from '@mui/icons-material/Close';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Chip, Divider, IconButton, Link, Paper, Skeleton, Stack, Typography } from '@mui/material';
import type { Ref } from 'react';
import { useCanAccess, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { RiskTierChip } from '../buildings/RiskTierChip.tsx';
import { enumLabelKey, isEnumField } from '../buildings/choices.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { useDownload } from '../common/useDownload.ts';
import { HouseCardCases } from './HouseCardCases.tsx';

export const housePage = (code: string) => `/buildings/${encodeURIComponent(code)}/show`;
export const houseCases = (code: string) => `/cases?filter=${encodeURIComponent(JSON.stringify({ buildingCode: code }))}`;

function LabelButton({ code }: { code: string }) {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'buildings', action: 'print' });
  const { download, busy } = useDownload();
  if (!canAccess) return null;
  return (
    <Button
      size="small"
      startIcon={<PrintIcon />}
      disabled={busy}
      onClick={() => download(`/buildings/${encodeURIComponent(code)}/label.pdf`, `label-${code}.pdf`)}
    >
      {translate('resources.map.card.label')}
    </Button>
  );
}

/** `ref`: the card's element, which the map keeps the house clear of. */
export function HouseCard({ code, onClose, ref }: { code: string; onClose: () => void; ref?: Ref<HTMLDivElement> }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.map.card.${key}`, options);
  const { data: house, error } = useApiQuery(['map', 'house', code], (dp, signal) => dp.mapHouse(code, signal));
  const useLabel = house?.use && isEnumField('use') ? translate(enumLabelKey('use', house.use)) : null;
  return (
    <Paper
      ref={ref}
      elevation={6}
      role="dialog"
      aria-label={house?.address ?? code}
      data-house-card={code}
      sx={{
        position: 'absolute',
        zIndex: 2,
        top: { xs: 'auto', sm: 8 },
        bottom: { xs: 0, sm: 'auto' },
        right: { xs: 0, sm: 8 },
        left: { xs: 0, sm: 'auto' },
        width: { xs: 'auto', sm: 360 },
        maxHeight: { xs: '70%', sm: 'calc(100% - 16px)' },
        overflowY: 'auto',
        p: 2,
      }}
    >
      <Stack direction="row" alignItems="flex-start" spacing={1}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }} data-code>
            {code}
          </Typography>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {house ? house.address : <Skeleton width={200} />}
          </Typography>
          {house && (
            <Typography variant="caption" color="text.secondary">
              {[house.townName, house.villageName].filter(Boolean).join(' ')}
            </Typography>
          )}
        </Box>
        <IconButton size="small" onClick={onClose} aria-label={t('close')}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error.message}
        </Alert>
      )}
      {house && (
        <Stack spacing={1.25} sx={{ mt: 1 }}>
          <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', alignItems: 'center' }}>
            <RiskTierChip tier={house.riskTier} />
            {house.inspectionDue && <Chip size="small" color="info" label={t('inspectionDue')} data-inspection-due />}
            <Typography variant="body2" color="text.secondary">
              {[
                house.floorsAbove !== null ? t('floors', { n: house.floorsAbove }) : null,
                house.floorArea !== null ? t('area', { n: house.floorArea }) : null,
                useLabel,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Box>
          {house.riskReasons.length > 0 && (
            <Box data-reasons>
              <Typography variant="caption" color="text.secondary">
                {t('reasons')}
              </Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {house.riskReasons.map((r) => (
                  <Typography key={r.rule} component="li" variant="body2">
                    {r.text}
                  </Typography>
                ))}
              </Box>
            </Box>
          )}
          <Divider />
          <HouseCardCases cases={house.openCases} />
          <Divider />
          <Box data-last-inspection>
            <Typography variant="caption" color="text.secondary">
              {t('lastInspection')}
            </Typography>
            {house.lastInspection ? (
              <Typography variant="body2">
                <Link component={RouterLink} to={`/inspections/${encodeURIComponent(house.lastInspection.id)}/show`}>
                  <DateTimeText value={house.lastInspection.inspectedAt} />
                </Link>
                {' · '}
                {translate(enumLabelKey('latestJudgement', house.lastInspection.judgement))}
              </Typography>
            ) : (
              <Typography variant="body2">{t('neverInspected')}</Typography>
            )}
          </Box>
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
            <Button size="small" variant="contained" component={RouterLink} to={housePage(code)}>
              {t('houseFile')}
            </Button>
            <Button size="small" component={RouterLink} to={houseCases(code)}>
              {t('cases')}
            </Button>
            <LabelButton code={code} />
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}

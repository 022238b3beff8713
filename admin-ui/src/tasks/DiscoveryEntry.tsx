/**
 * One inspection or complaint that found the hazard: when and by whom (a complaint never says who
 * reported it), what was written, where the phone or the citizen was, the photos, and a link to the
 * full record.
 */
import { Box, Chip, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { Fact, Facts } from '../inspections/Fact.tsx';
import { DiscoveryPhotos } from './DiscoveryPhotos.tsx';
import type { ContextPosition, Discovery } from './types.ts';

function Position({ position, distanceM, scanned }: { position: ContextPosition | null; distanceM: number | null; scanned: boolean }) {
  const translate = useTranslate();
  // A complaint filed from the house's label is about this house: its place is the house, not a point.
  if (!position) return <>{translate(scanned ? 'resources.taskContext.found.scanned' : 'resources.taskContext.found.noPosition')}</>;
  const parts = [
    translate('resources.taskContext.found.coordinates', {
      latitude: position.latitude.toFixed(6),
      longitude: position.longitude.toFixed(6),
    }),
    position.accuracy != null ? translate('resources.taskContext.found.accuracy', { accuracy: Math.round(position.accuracy) }) : null,
    distanceM != null ? translate('resources.taskContext.found.distance', { distance: distanceM }) : null,
  ];
  return <>{parts.filter(Boolean).join('；')}</>;
}

export function DiscoveryEntry({ discovery, photoSize }: { discovery: Discovery; photoSize?: number | undefined }) {
  const translate = useTranslate();
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.taskContext.found.${key}`, args);
  const inspection = discovery.kind === 'inspection';
  return (
    <Box component="article" data-testid={`discovery-${discovery.kind}`}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5, mb: 1 }}>
        <Chip size="small" color={inspection ? 'primary' : 'secondary'} variant="outlined" label={t(discovery.kind)} />
        {discovery.joined && <Chip size="small" variant="outlined" label={t('joined')} />}
        <Typography variant="body2" color="text.secondary">
          <DateTimeText value={discovery.at} />
          {' · '}
          {inspection ? t('by', { name: discovery.inspectorName }) : t('complaintNo', { no: discovery.trackingNo })}
        </Typography>
      </Stack>
      {discovery.description && (
        <Typography variant="body1" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', mb: 1 }}>
          {discovery.description}
        </Typography>
      )}
      <Facts>
        {inspection && discovery.notes && <Fact label={t('notes')}>{discovery.notes}</Fact>}
        {!inspection && discovery.verifyNote && <Fact label={t('verifyNote')}>{discovery.verifyNote}</Fact>}
        <Fact label={t('position')}>
          <Position
            position={discovery.position}
            distanceM={inspection ? discovery.distanceM : null}
            scanned={!inspection && discovery.buildingCode !== null}
          />
        </Fact>
      </Facts>
      <Box sx={{ mt: 1.5 }}>
        <DiscoveryPhotos discovery={discovery} {...(photoSize ? { size: photoSize } : {})} />
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {!inspection && (
          <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
            {t('confidential')}
          </Box>
        )}
        <Link to={`/${inspection ? 'inspections' : 'complaints'}/${encodeURIComponent(discovery.id)}/show`}>
          {t(inspection ? 'openInspection' : 'openComplaint')}
        </Link>
      </Typography>
    </Box>
  );
}

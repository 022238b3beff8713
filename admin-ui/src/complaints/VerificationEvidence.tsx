/**
 * What the verifier brought back from the site: their photos and where their phone was, with its
 * distance from the house and what that means (on site, far, no position), as an inspection shows it.
 */
import { Box, Chip, Divider, Stack, Typography } from '@mui/material';
import PlaceIcon from '@mui/icons-material/Place';
import { useTranslate } from 'react-admin';
import { PhotoThumbnail } from '../common/PhotoThumbnail.tsx';
import { formatCoordinate } from './PlaceCell.tsx';
import type { Complaint } from './types.ts';
import { verificationFileUrl } from './types.ts';

const PRESENCE_COLOR = { near: 'success', far: 'warning', missing: 'warning', unverifiable: 'default' } as const;

export function VerificationEvidence({ record }: { record: Complaint }) {
  const translate = useTranslate();
  const { verifyPosition: position, verifyPresence: presence, verifyFiles: files } = record;
  if (!presence && files.length === 0) return null;
  return (
    <Box data-testid="verification-evidence" sx={{ mt: 2 }}>
      <Divider sx={{ mb: 1.5 }} />
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate('resources.work.evidence.title')}
      </Typography>
      {presence && (
        <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5, mb: 1 }}>
          <Chip
            size="small"
            icon={<PlaceIcon />}
            color={PRESENCE_COLOR[presence]}
            label={translate(`resources.work.evidence.presence.${presence}`)}
          />
          {record.verifyDistanceM != null && (
            <Typography variant="body2">{translate('resources.work.evidence.distance', { distance: record.verifyDistanceM })}</Typography>
          )}
          {position && (
            <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
              {formatCoordinate(position.latitude)}, {formatCoordinate(position.longitude)}
              {position.accuracy != null && ` ±${position.accuracy} m`}
            </Typography>
          )}
        </Stack>
      )}
      {files.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {files.map((f) => (
            <PhotoThumbnail key={f.id} url={verificationFileUrl(f.id)} name={f.name} title={f.name} size={96} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** The photos of one inspection or complaint that found a hazard, as thumbnails opening in full. */
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PhotoThumbnail } from '../common/PhotoThumbnail.tsx';
import { complaintFileUrl } from '../complaints/types.ts';
import { inspectionFileUrl } from '../inspections/types.ts';
import type { Discovery } from './types.ts';

export function DiscoveryPhotos({ discovery, size = 96 }: { discovery: Discovery; size?: number }) {
  const translate = useTranslate();
  if (discovery.files.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.taskContext.found.noPhotos')}
      </Typography>
    );
  const url = discovery.kind === 'inspection' ? inspectionFileUrl : complaintFileUrl;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} role="list" aria-label={translate('resources.taskContext.found.photos')}>
      {discovery.files.map((f) => (
        <Box key={f.id} role="listitem">
          <PhotoThumbnail url={url(f.id)} name={f.name} title={f.name} size={size} />
        </Box>
      ))}
    </Box>
  );
}

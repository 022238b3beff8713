/**
 * What the citizen wrote and the photos they attached. Photos load as thumbnails straight from the
 * API, the session cookie authenticating them as for a case's evidence; each opens in full in a new tab.
 */
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PhotoThumbnail } from '../common/PhotoThumbnail.tsx';
import { complaintFileUrl } from './types.ts';
import type { ComplaintFile } from './types.ts';

export function ComplaintContent({ description, files }: { description: string; files: readonly ComplaintFile[] }) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="complaint-content">
      <CardContent>
        <Typography id="complaint-content" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
          {translate('resources.complaints.sections.description')}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="complaint-description">
          {description}
        </Typography>
        <Typography id="complaint-photos" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
          {translate('resources.complaints.sections.photos')}
        </Typography>
        {files.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.complaints.values.noPhotos')}
          </Typography>
        ) : (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} aria-labelledby="complaint-photos" role="list">
            {files.map((f) => (
              <Box key={f.id} role="listitem">
                <PhotoThumbnail
                  url={complaintFileUrl(f.id)}
                  name={f.name}
                  title={translate('resources.complaints.values.photo', { name: f.name })}
                />
              </Box>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

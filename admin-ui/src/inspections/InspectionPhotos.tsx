/**
 * The inspector's notes and photos. Photos load as thumbnails straight from the API, the session
 * cookie authenticating them as for a case's evidence; each opens in full in a new tab.
 */
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PhotoThumbnail } from '../common/PhotoThumbnail.tsx';
import type { InspectionFile } from './types.ts';
import { inspectionFileUrl } from './types.ts';

export function InspectionPhotos({ notes, files }: { notes: string | null; files: readonly InspectionFile[] }) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="inspection-photos">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
          {translate('resources.inspections.sections.notes')}
        </Typography>
        <Typography
          variant="body2"
          sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
          color={notes ? 'text.primary' : 'text.secondary'}
        >
          {notes || translate('app.none')}
        </Typography>
        <Typography id="inspection-photos" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
          {translate('resources.inspections.sections.photos')}
        </Typography>
        {files.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.inspections.values.noPhotos')}
          </Typography>
        ) : (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {files.map((f) => (
              <PhotoThumbnail
                key={f.id}
                url={inspectionFileUrl(f.id)}
                name={f.name}
                title={translate('resources.inspections.values.photo', { name: f.name })}
              />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * The hazard as it was found: the case's description, then each inspection or complaint that found
 * it (oldest first), so the officer assigns and the rechecker judges on what was seen on site.
 */
import { Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DiscoveryEntry } from './DiscoveryEntry.tsx';
import type { TaskContext } from './types.ts';

interface HazardFoundProps {
  context: TaskContext;
  title?: string;
  /** Thumbnail size: beside the rectification's evidence, the same as its photos. */
  photoSize?: number;
}

export function HazardFound({ context, title, photoSize }: HazardFoundProps) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="hazard-found" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="hazard-found" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {title ?? translate('resources.taskContext.found.title')}
        </Typography>
        {context.discoveries.length === 0 ? (
          <>
            <Typography variant="body1" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {context.hazard.description}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('resources.taskContext.found.registered')}
            </Typography>
          </>
        ) : (
          <Stack spacing={2} divider={<Divider flexItem />}>
            {context.discoveries.map((d) => (
              <DiscoveryEntry key={`${d.kind}-${d.id}`} discovery={d} photoSize={photoSize} />
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * Where the complaint is about: the house the citizen scanned (linked to its house file), or the
 * point they picked on the map, which belongs to the village of the nearest registered house. A
 * complaint from the map names its house only when it is confirmed on site.
 */
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { Fact, Facts } from '../inspections/Fact.tsx';
import { housePage } from '../inspections/HouseCell.tsx';
import { formatCoordinate } from './PlaceCell.tsx';
import type { Complaint } from './types.ts';

export function ComplaintPlace({ record }: { record: Complaint }) {
  const translate = useTranslate();
  const label = (field: string) => translate(`resources.complaints.fields.${field}`);
  const { position } = record;
  return (
    <Card component="section" aria-labelledby="complaint-place">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography id="complaint-place" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.complaints.sections.place')}
        </Typography>
        <Facts>
          {record.buildingCode && (
            <Fact label={label('house')}>
              <Link to={housePage(record.buildingCode)} data-testid="complaint-house">
                {record.address ?? record.buildingCode}
              </Link>
              <Box component="span" sx={{ display: 'block', fontFamily: 'monospace', color: 'text.secondary' }}>
                {record.buildingCode}
              </Box>
            </Fact>
          )}
          {position && (
            <Fact label={label('position')}>
              {translate('resources.complaints.values.coordinates', {
                latitude: formatCoordinate(position.latitude),
                longitude: formatCoordinate(position.longitude),
              })}
            </Fact>
          )}
          <Fact label={label('villageName')}>{record.villageName ?? translate('app.none')}</Fact>
        </Facts>
        {!record.buildingCode && (
          <Alert severity="info" sx={{ mt: 1.5 }} data-testid="map-help">
            {translate(record.status === 'verifying' ? 'resources.complaints.help.mapVerifying' : 'resources.complaints.help.map')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

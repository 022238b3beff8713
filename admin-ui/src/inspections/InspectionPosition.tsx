/**
 * Where the phone was when the form was sent, against the house's recorded coordinates: the
 * distance, and in words what it means. Far (beyond the radius) or missing is for the town or street
 * office to verify; a house without coordinates cannot be checked at all.
 */
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PRESENCE_RADIUS_M } from '../../../domain/inspections/presence.ts';
import { Fact, Facts } from './Fact.tsx';
import { PresenceLabel } from './PresenceLabel.tsx';
import type { Inspection } from './types.ts';

const SEVERITY = { near: 'success', far: 'warning', missing: 'warning', unverifiable: 'info' } as const;

export function InspectionPosition({ record }: { record: Inspection }) {
  const translate = useTranslate();
  const { position } = record;
  return (
    <Card component="section" aria-labelledby="inspection-position">
      <CardContent>
        <Typography id="inspection-position" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.inspections.sections.position')}
        </Typography>
        <PresenceLabel record={record} />
        <Alert severity={SEVERITY[record.presence]} sx={{ mt: 1.5 }} data-testid="presence-help">
          {translate(`resources.inspections.presenceHelp.${record.presence}`, {
            distance: record.distanceM ?? '—',
            radius: PRESENCE_RADIUS_M,
          })}
        </Alert>
        {position && (
          <Box sx={{ mt: 1.5 }}>
            <Facts>
              <Fact label={translate('resources.inspections.fields.position')}>
                {translate('resources.inspections.values.coordinates', {
                  latitude: position.latitude.toFixed(6),
                  longitude: position.longitude.toFixed(6),
                })}
                {position.accuracy != null && (
                  <>
                    <br />
                    {translate('resources.inspections.values.accuracy', { accuracy: Math.round(position.accuracy) })}
                  </>
                )}
              </Fact>
            </Facts>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * The house's inspections, complaints and hazard cases. Inspections and complaints are listed
 * (newest first); cases still show their count until their part of the platform fills it in.
 */
import { Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { HouseComplaints } from './HouseComplaints.tsx';
import { HouseInspections } from './HouseInspections.tsx';
import type { BuildingRecord } from './types.ts';
import { useHouseFile } from './useHouseFile.ts';

const KINDS = ['cases'] as const;

export function RelatedRecords() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const file = useHouseFile(building?.code);
  return (
    <>
      <HouseInspections code={building?.code} inspections={file.data?.inspections ?? []} />
      <HouseComplaints code={building?.code} />
      {KINDS.map((kind) => {
        const items = file.data?.[kind] ?? [];
        return (
          <Card key={kind} variant="outlined" component="section" aria-labelledby={`related-${kind}`}>
            <CardContent>
              <Typography id={`related-${kind}`} variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
                {translate(`resources.buildings.related.${kind}`)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {items.length > 0 ? items.length : translate('resources.buildings.related.none')}
              </Typography>
            </CardContent>
          </Card>
        );
      })}
    </>
  );
}

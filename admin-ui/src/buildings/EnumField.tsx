/** An enum value of the building in words (the API sends the code). */
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { EnumField as EnumFieldName } from './choices.ts';
import type { BuildingRecord } from './types.ts';
import { useBuildingFormat } from './useBuildingFormat.ts';

export function EnumField({ source }: { source: EnumFieldName & keyof BuildingRecord; label?: string }) {
  const building = useRecordContext<BuildingRecord>();
  const format = useBuildingFormat();
  if (!building) return null;
  return (
    <Typography component="span" variant="body2">
      {format.value(source, building[source])}
    </Typography>
  );
}

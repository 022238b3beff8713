/** The house of an inspection in a table cell: its address linking to the house file, the code under it. */
import { Box, Typography } from '@mui/material';
import { Link } from 'react-admin';
import type { Inspection } from './types.ts';

/** The house file page of a building, as the `buildings` resource routes it. */
export const housePage = (buildingCode: string) => `/buildings/${encodeURIComponent(buildingCode)}/show`;

const stop = (event: { stopPropagation(): void }) => event.stopPropagation();

export function HouseCell({ record }: { record: Pick<Inspection, 'address' | 'buildingCode'> }) {
  return (
    <Box sx={{ minWidth: 180 }}>
      <Link to={housePage(record.buildingCode)} onClick={stop} variant="body2">
        {record.address ?? record.buildingCode}
      </Link>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ fontFamily: 'monospace' }}>
        {record.buildingCode}
      </Typography>
    </Box>
  );
}

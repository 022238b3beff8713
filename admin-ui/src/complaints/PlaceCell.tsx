/**
 * Where a complaint is about, in a table cell: the house (address linking to its house file, the
 * code under it) when the citizen scanned its QR code, otherwise the point picked on the map.
 */
import { Box, Typography } from '@mui/material';
import PlaceIcon from '@mui/icons-material/Place';
import { Link, useTranslate } from 'react-admin';
import { housePage } from '../inspections/HouseCell.tsx';
import type { Complaint } from './types.ts';

const stop = (event: { stopPropagation(): void }) => event.stopPropagation();

/** Coordinates to six decimals (about 0.1 m), as the inspections show them. */
export const formatCoordinate = (value: number) => value.toFixed(6);

export function PlaceCell({ record }: { record: Pick<Complaint, 'address' | 'buildingCode' | 'position'> }) {
  const translate = useTranslate();
  if (record.buildingCode) {
    return (
      <Box sx={{ minWidth: 160 }}>
        <Link to={housePage(record.buildingCode)} onClick={stop} variant="body2">
          {record.address ?? record.buildingCode}
        </Link>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ fontFamily: 'monospace' }}>
          {record.buildingCode}
        </Typography>
      </Box>
    );
  }
  return (
    <Box sx={{ minWidth: 160 }} data-place="map">
      <Typography variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25 }}>
        <PlaceIcon fontSize="inherit" color="action" />
        {translate('resources.complaints.values.mapPosition')}
      </Typography>
      {record.position && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ fontFamily: 'monospace' }}>
          {formatCoordinate(record.position.latitude)}, {formatCoordinate(record.position.longitude)}
        </Typography>
      )}
    </Box>
  );
}

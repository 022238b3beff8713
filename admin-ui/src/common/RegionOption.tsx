/** One suggestion of the region picker: the name, then where it lies. */
import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { RegionListItem } from '../regions/types.ts';

export function RegionOption() {
  const region = useRecordContext<RegionListItem>();
  if (!region) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <Typography variant="body2">{region.name}</Typography>
      <Typography variant="caption" color="text.secondary" noWrap>
        {region.path} · {region.code}
      </Typography>
    </Box>
  );
}

/** A small label-over-value pair, e.g. the user's role on the home page. */
import { Box, Typography } from '@mui/material';

export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography>{value}</Typography>
    </Box>
  );
}

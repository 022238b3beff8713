/** The categories of the hazards an inspection found, as small chips (— when none was found). */
import { Box, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { InspectionHazard } from './types.ts';

export function HazardChips({ hazards }: { hazards: readonly Pick<InspectionHazard, 'category'>[] }) {
  const translate = useTranslate();
  if (hazards.length === 0) return <Typography variant="body2">{translate('app.none')}</Typography>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {hazards.map((h) => (
        <Chip
          key={h.category}
          size="small"
          variant="outlined"
          label={translate(`resources.cases.enums.category.${h.category}`, { _: h.category })}
        />
      ))}
    </Box>
  );
}

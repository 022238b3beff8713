/** One severity choice with what it means (DOMAIN.md, after the national inspection technical points). */
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export function SeverityOption() {
  const translate = useTranslate();
  const choice = useRecordContext<{ id: string; name: string }>();
  if (!choice) return null;
  return (
    <Box component="span" sx={{ display: 'flex', flexDirection: 'column', py: 0.5 }}>
      <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
        {translate(choice.name)}
      </Typography>
      <Typography component="span" variant="caption" color="text.secondary">
        {translate(`resources.cases.helpers.severity.${choice.id}`)}
      </Typography>
    </Box>
  );
}

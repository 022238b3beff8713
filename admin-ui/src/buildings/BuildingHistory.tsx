/** The house file's change history as a timeline, newest first: who changed which field, from what to what. */
import { Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ChangeEntry } from './ChangeEntry.tsx';
import type { BuildingRecord } from './types.ts';
import { useHouseFile } from './useHouseFile.ts';

export function BuildingHistory() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const file = useHouseFile(building?.code);
  const changes = [...(file.data?.changes ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card variant="outlined" component="section" aria-labelledby="group-history">
      <CardContent>
        <Typography id="group-history" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.buildings.history.title')}
        </Typography>
        {file.isPending && <LinearProgress />}
        {file.isError && <Alert severity="error">{file.error.message}</Alert>}
        {file.data && changes.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.buildings.history.empty')}
          </Typography>
        )}
        {changes.length > 0 && (
          <Box
            component="ol"
            sx={{
              m: 0,
              p: 0,
              position: 'relative',
              '&::before': { content: '""', position: 'absolute', left: 8, top: 8, bottom: 16, borderLeft: 2, borderColor: 'divider' },
            }}
          >
            {changes.map((entry) => (
              <ChangeEntry key={entry.id} entry={entry} />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

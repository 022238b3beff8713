/**
 * The house file's change history as a timeline, newest first: who changed which field, from what to
 * what. 安全状态 narrows it to the safety state (judgement, rectification, measures, grade), each change
 * linked to the inspection, complaint or case that caused it.
 */
import { useState } from 'react';
import { Alert, Box, Card, CardContent, LinearProgress, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ChangeEntry } from './ChangeEntry.tsx';
import type { BuildingRecord } from './types.ts';
import { useHouseFile } from './useHouseFile.ts';

/** The fields of the house's safety state (domain/buildings/safety-state.ts) and the grade a case closes with. */
const SAFETY_FIELDS = new Set(['latestJudgement', 'latestJudgementAt', 'rectificationStatus', 'rectificationMeasures', 'appraisalGrade']);

export function BuildingHistory() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const file = useHouseFile(building?.code);
  const [view, setView] = useState<'all' | 'safety'>('all');
  const changes = [...(file.data?.changes ?? [])]
    .filter((c) => view === 'all' || Object.keys(c.changes ?? {}).some((f) => SAFETY_FIELDS.has(f)))
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card variant="outlined" component="section" aria-labelledby="group-history">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
          <Typography id="group-history" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('resources.buildings.history.title')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={view}
            onChange={(_, next: 'all' | 'safety' | null) => next && setView(next)}
            aria-label={translate('resources.buildings.history.title')}
          >
            <ToggleButton value="all">{translate('resources.buildings.history.all')}</ToggleButton>
            <ToggleButton value="safety" title={translate('resources.buildings.history.safetyHint')}>
              {translate('resources.buildings.history.safety')}
            </ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        {file.isPending && <LinearProgress />}
        {file.isError && <Alert severity="error">{file.error.message}</Alert>}
        {file.data && changes.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate(view === 'safety' ? 'resources.buildings.history.safetyEmpty' : 'resources.buildings.history.empty')}
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

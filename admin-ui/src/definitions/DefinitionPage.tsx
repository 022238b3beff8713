/**
 * 流程定义 (`/definitions/hazard`): the hazard case process as drawn, with on each element how many
 * cases are there now and how many passed it, for the whole area or one town, and per version.
 * Below, the steps with their roles, deadlines and reminders.
 */
import { Suspense, useMemo, useState } from 'react';
import { Alert, Box, Card, CardContent, MenuItem, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { Title, useGetList, useTranslate } from 'react-admin';
import { BpmnDiagram } from '../bpmn/index.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import type { RegionListItem } from '../regions/types.ts';
import { statsMarks } from './statsMarks.ts';
import { StepTable } from './StepTable.tsx';
import { useBpmnXml } from './useBpmnXml.ts';

const STATS_MS = 30_000;
const ALL = '';
const placeholder = <Skeleton variant="rectangular" sx={{ width: '100%', aspectRatio: '16 / 10', maxHeight: 560 }} />;

export function DefinitionPage() {
  const translate = useTranslate();
  const definitions = useApiQuery(['definitions', 'hazard'], (dataProvider, signal) => dataProvider.hazardDefinitions(signal));
  const [chosenVersion, setVersion] = useState<number | null>(null);
  const [region, setRegion] = useState(ALL);
  const version = chosenVersion ?? definitions.data?.latest;
  const towns = useGetList<RegionListItem & { id: string }>('regions', {
    filter: { level: 'town' },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  const xml = useBpmnXml(version);
  const stats = useApiQuery(
    ['definitions', 'hazard', version, 'stats', region],
    (dataProvider, signal) => dataProvider.definitionStats(version ?? 0, region || null, signal),
    { enabled: version !== undefined, refetchInterval: STATS_MS },
  );
  const { marks, badges } = useMemo(
    () =>
      stats.data
        ? statsMarks(stats.data, (active, passed) => translate('resources.definitions.stats.badge', { active, passed }))
        : { marks: {}, badges: {} },
    [stats.data, translate],
  );
  const current = definitions.data?.versions.find((v) => v.version === version);

  return (
    <Stack spacing={2} sx={{ mt: { xs: 1, sm: 2 }, mb: 2, minWidth: 0 }}>
      <Title title={translate('resources.definitions.page.title')} />
      {definitions.error && (
        <Alert severity="error">
          {definitions.error instanceof Error ? definitions.error.message : translate('ra.notification.http_error')}
        </Alert>
      )}
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
            <Typography variant="h6" component="h1" sx={{ fontWeight: 600, flex: 1, whiteSpace: 'nowrap' }}>
              {current?.name ?? translate('resources.definitions.page.title')}
            </Typography>
            <TextField
              select
              size="small"
              label={translate('resources.definitions.fields.version')}
              value={version ?? ''}
              onChange={(event) => setVersion(Number(event.target.value))}
              fullWidth={false}
              sx={{ width: { xs: '100%', sm: 160 } }}
            >
              {(definitions.data?.versions ?? []).map((v) => (
                <MenuItem key={v.version} value={v.version}>
                  {translate('resources.definitions.fields.versionN', { version: v.version })}
                  {v.version === definitions.data?.latest ? translate('resources.definitions.fields.latest') : ''}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={translate('resources.definitions.fields.region')}
              value={region}
              onChange={(event) => setRegion(event.target.value)}
              fullWidth={false}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              sx={{ width: { xs: '100%', sm: 220 } }}
            >
              <MenuItem value={ALL}>{translate('resources.definitions.fields.allRegions')}</MenuItem>
              {(towns.data ?? []).map((t) => (
                <MenuItem key={t.code} value={t.code}>
                  {t.name}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {stats.data && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="definition-cases">
              {translate('resources.definitions.stats.cases', { count: stats.data.cases })}
            </Typography>
          )}
          {xml.data ? (
            <Suspense fallback={placeholder}>
              <BpmnDiagram xml={xml.data} marks={marks} badges={badges} label={translate('resources.definitions.diagram.label')} />
            </Suspense>
          ) : xml.error ? (
            <Alert severity="error">{translate('resources.definitions.diagram.failed')}</Alert>
          ) : (
            placeholder
          )}
        </CardContent>
      </Card>
      {current && (
        <Card component="section" aria-labelledby="definition-steps">
          <CardContent>
            <Typography id="definition-steps" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('resources.definitions.steps.title')}
            </Typography>
            <Box sx={{ minWidth: 0 }}>
              <StepTable steps={Object.values(current.steps)} />
            </Box>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
}

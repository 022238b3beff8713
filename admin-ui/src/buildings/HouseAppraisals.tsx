/**
 * The house file's 质量 section: the appraisal history, newest first, each with its agency (flagged when
 * it is not on the district's list of qualified agencies, or its number does not match), report, scope,
 * next due date and report scan; officers of the house's area record a new report from here.
 */
import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';
import { AppraisalDialog } from './AppraisalDialog.tsx';
import type { Appraisal } from './houseFileTypes.ts';
import type { BuildingRecord } from './types.ts';

function AppraisalEntry({ a }: { a: Appraisal }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.houseFile.appraisals.${key}`, options);
  return (
    <Box component="li" data-appraisal={a.reportNo} sx={{ listStyle: 'none', py: 1, borderTop: 1, borderColor: 'divider' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {translate(`resources.buildings.enums.appraisalGrade.${a.grade}`)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {a.appraisedOn}
        </Typography>
        {a.agencyCheck !== 'listed' && (
          <Chip size="small" color="warning" label={t(`agencyCheck.${a.agencyCheck}`)} data-testid="appraisal-flag" />
        )}
      </Stack>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {a.agencyName}（{a.agencyQualificationNo}） · {t('fields.reportNo')} {a.reportNo}
        {a.reportFileId && (
          <>
            {' · '}
            <Link href={`/api/building-files/${encodeURIComponent(a.reportFileId)}`} target="_blank" rel="noopener">
              {t('report')}
            </Link>
          </>
        )}
      </Typography>
      {(a.scope || a.nextDueOn) && (
        <Typography variant="body2" color="text.secondary">
          {[a.scope, a.nextDueOn ? t('nextDue', { date: a.nextDueOn }) : null].filter(Boolean).join(' · ')}
        </Typography>
      )}
    </Box>
  );
}

export function HouseAppraisals() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess: canRecord } = useCanAccess({ resource: 'buildings', action: 'update', record: building });
  const [open, setOpen] = useState(false);
  const code = building?.code;
  const list = useQuery({
    queryKey: ['buildings', 'appraisals', code],
    queryFn: ({ signal }) => dataProvider.houseAppraisals(code ?? '', signal),
    enabled: code !== undefined,
  });
  if (!building || !code) return null;
  return (
    <Card variant="outlined" component="section" aria-labelledby="group-appraisals" data-testid="house-appraisals">
      <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 0.5 }}>
          <Typography id="group-appraisals" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('resources.houseFile.appraisals.title')}
          </Typography>
          {canRecord && (
            <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
              {translate('resources.houseFile.appraisals.add')}
            </Button>
          )}
        </Stack>
        {list.isPending && <LinearProgress />}
        {list.isError && <Alert severity="error">{list.error.message}</Alert>}
        {list.data?.total === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.houseFile.appraisals.empty')}
          </Typography>
        )}
        {list.data && list.data.total > 0 && (
          <Box component="ol" sx={{ m: 0, p: 0 }}>
            {list.data.data.map((a) => (
              <AppraisalEntry key={a.id} a={a} />
            ))}
          </Box>
        )}
        <Link
          component={RouterLink}
          to={`/appraisals?filter=${encodeURIComponent(JSON.stringify({ flagged: true }))}`}
          variant="body2"
          sx={{ display: 'inline-block', mt: 1 }}
        >
          {translate('resources.houseFile.appraisals.flaggedInArea')}
        </Link>
      </CardContent>
      {canRecord && <AppraisalDialog code={code} open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}

/**
 * 复核 and 销号 judge a rectification against the hazard: before (as found) beside after (the latest
 * rectification evidence), side by side on a desk and one above the other on a phone.
 */
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseDetail } from '../cases/types.ts';
import { HazardFound } from './HazardFound.tsx';
import { LatestEvidence } from './LatestEvidence.tsx';
import type { TaskContext } from './types.ts';

export function BeforeAfter({ context, record }: { context: TaskContext; record: CaseDetail }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.taskContext.compare.${key}`);
  return (
    <Box
      component="section"
      aria-label={t('title')}
      data-testid="before-after"
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}
    >
      {/* The rectification's photos are 72 px thumbnails (EvidenceFiles): the same size compares fairly. */}
      <HazardFound context={context} title={t('before')} photoSize={72} />
      <LatestEvidence
        record={record}
        title={t('after')}
        empty={
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                {t('after')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('noAfter')}
              </Typography>
            </CardContent>
          </Card>
        }
      />
    </Box>
  );
}

/**
 * For the rechecker and the closer: the latest rectification as submitted (what was done, photos and
 * documents), so the decision is made on the evidence without leaving the task.
 */
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { hazardCaseDefinition } from '../../../definitions/hazard-case/index.ts';
import { EvidenceFiles } from '../cases/EvidenceFiles.tsx';
import type { CaseDetail } from '../cases/types.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';

interface LatestEvidenceProps {
  record: CaseDetail;
  /** The heading (beside the hazard as found it reads 整改后). */
  title?: string;
  /** Shown when no rectification was submitted yet. */
  empty?: ReactNode;
}

export function LatestEvidence({ record, title, empty = null }: LatestEvidenceProps) {
  const translate = useTranslate();
  const events = useApiQuery(['cases', record.id, 'events'], (dataProvider, signal) => dataProvider.caseEvents(record.id, signal));
  const rectifyElement = hazardCaseDefinition(record.definitionVersion).steps.rectify.elementId;
  const latest = events.data?.data.filter((e) => e.type === 'task.completed' && e.elementId === rectifyElement).at(-1);
  if (!latest) return <>{empty}</>;
  const form = (latest.data.form ?? {}) as { description?: unknown };
  return (
    <Card component="section" aria-labelledby="latest-evidence" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id="latest-evidence" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title ?? translate('resources.tasks.evidence.title')}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p">
          <DateTimeText value={latest.occurredAt} /> · {latest.actorName ?? ''}
        </Typography>
        {typeof form.description === 'string' && (
          <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-line' }}>
            {form.description}
          </Typography>
        )}
        <Box data-testid="after-evidence">
          <EvidenceFiles caseId={record.id} files={latest.files} />
        </Box>
      </CardContent>
    </Card>
  );
}

/**
 * What the case records besides its trail: the hazard as registered, who must rectify (masked), the
 * measures and deadline set at assignment, and the appraisal or demolition that closes it.
 */
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import type { CaseDetail } from './types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="div" sx={{ display: 'contents' }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
        {children}
      </Typography>
    </Box>
  );
}

export function CaseFacts({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  const none = translate('app.none');
  const label = (field: string) => translate(`resources.cases.fields.${field}`);
  const responsible = record.responsible
    ? [
        record.responsible.name,
        translate(`resources.tasks.enums.relations.${record.responsible.relation}`, { _: record.responsible.relation }),
        record.responsible.phone,
      ]
        .filter(Boolean)
        .join(' · ')
    : none;
  const measures = record.measures?.length
    ? record.measures.map((m) => translate(`resources.tasks.enums.measures.${m}`, { _: m })).join('、')
    : none;
  return (
    <Card component="section" aria-labelledby="case-facts">
      <CardContent>
        <Typography id="case-facts" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.cases.sections.facts')}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 1, m: 0 }}>
          <Fact label={label('description')}>{record.description || none}</Fact>
          <Fact label={label('source')}>{translate(`resources.cases.enums.source.${record.source}`, { _: record.source })}</Fact>
          <Fact label={label('createdAt')}>
            <DateTimeText value={record.createdAt} />
            {record.createdByName ? ` · ${record.createdByName}` : ''}
          </Fact>
          <Fact label={label('responsible')}>{responsible}</Fact>
          <Fact label={label('measures')}>{measures}</Fact>
          <Fact label={label('rectifyDeadline')}>{record.rectifyDeadline ?? none}</Fact>
          <Fact label={label('appraisalGrade')}>
            {record.appraisalGrade
              ? translate(`resources.buildings.enums.appraisalGrade.${record.appraisalGrade}`, { _: record.appraisalGrade })
              : none}
          </Fact>
          {record.demolished && <Fact label={label('demolished')}>{translate('resources.buildings.values.yes')}</Fact>}
          {record.closedAt && (
            <Fact label={label('closedAt')}>
              <DateTimeText value={record.closedAt} />
            </Fact>
          )}
        </Box>
      </CardContent>
    </Card>
  );
}

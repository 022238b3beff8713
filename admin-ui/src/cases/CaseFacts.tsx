/**
 * What the case records besides its trail: the hazard as registered and where it came from (linked),
 * who must rectify (masked), the measures and the rectification deadline in force (the date set at
 * assignment or the default one), and the appraisal or demolition that closes it.
 */
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { hazardCaseDefinition } from '../../../definitions/hazard-case/index.ts';
import { actorText } from './actorText.ts';
import { CaseSourceLink } from './CaseSourceLink.tsx';
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

/** The default rectification period of the case's definition and severity, in days. */
const rectifyDays = (record: CaseDetail) => hazardCaseDefinition(record.definitionVersion).steps.rectify.deadlineDays[record.severity];

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
  const deadline = record.deadlineInForce;
  const deadlineText = deadline
    ? deadline.byDefault
      ? translate('resources.cases.deadline.byDefault', { date: deadline.date })
      : deadline.date
    : record.status === 'assigning' || record.status === 'registered'
      ? translate('resources.cases.deadline.notYet')
      : record.status === 'controlling'
        ? translate('resources.cases.deadline.afterControl', { days: rectifyDays(record) ?? '—' })
        : none;
  return (
    <Card component="section" aria-labelledby="case-facts">
      <CardContent>
        <Typography id="case-facts" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.cases.sections.facts')}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 1, m: 0 }}>
          <Fact label={label('description')}>{record.description || none}</Fact>
          <Fact label={label('source')}>
            <CaseSourceLink record={record} />
          </Fact>
          <Fact label={label('createdAt')}>
            <DateTimeText value={record.createdAt} />
            {record.createdByName ? ` · ${actorText(translate, record.createdByName, record.createdByUsername, null)}` : ''}
          </Fact>
          <Fact label={label('responsible')}>{responsible}</Fact>
          <Fact label={label('measures')}>{measures}</Fact>
          <Fact label={label('rectifyDeadline')}>
            <span data-deadline={deadline?.date ?? ''}>{deadlineText}</span>
          </Fact>
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

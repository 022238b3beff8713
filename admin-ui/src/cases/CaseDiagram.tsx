/** The case's process diagram (from the definition version it started with), showing where it stands. */
import { Suspense, useMemo } from 'react';
import { Card, CardContent, Skeleton, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { BpmnDiagram } from '../bpmn/index.ts';
import { useBpmnXml } from '../definitions/useBpmnXml.ts';
import { caseMarks } from './caseMarks.ts';
import type { CaseDetail } from './types.ts';

const placeholder = <Skeleton variant="rectangular" sx={{ width: '100%', aspectRatio: '16 / 10', maxHeight: 560 }} />;

export function CaseDiagram({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  const xml = useBpmnXml(record.definitionVersion);
  const { marks, badges } = useMemo(
    () => caseMarks(record, (n) => translate('resources.cases.diagram.visits', { n })),
    [record, translate],
  );
  return (
    <Card component="section" aria-labelledby="case-diagram">
      <CardContent>
        <Typography id="case-diagram" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.cases.sections.diagram')}
        </Typography>
        {xml.data ? (
          <Suspense fallback={placeholder}>
            <BpmnDiagram
              xml={xml.data}
              marks={marks}
              badges={badges}
              label={translate('resources.cases.diagram.label', { number: record.number })}
            />
          </Suspense>
        ) : xml.error ? (
          <Typography color="error">{translate('resources.definitions.diagram.failed')}</Typography>
        ) : (
          placeholder
        )}
      </CardContent>
    </Card>
  );
}

/** The case's BPMN diagram (from the definition version it started with), coloured where the case stands. */
import { Suspense, useMemo } from 'react';
import { Skeleton, Typography } from '@mui/material';
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
  if (xml.error) return <Typography color="error">{translate('resources.definitions.diagram.failed')}</Typography>;
  if (!xml.data) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <BpmnDiagram
        xml={xml.data}
        marks={marks}
        badges={badges}
        label={translate('resources.cases.diagram.label', { number: record.number })}
      />
    </Suspense>
  );
}

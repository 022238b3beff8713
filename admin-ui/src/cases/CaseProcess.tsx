/**
 * Where the case stands in its process: the BPMN diagram at desktop width; on a phone, where the
 * diagram would be too small to read, the steps as a vertical list (done, active, to come).
 */
import { Card, CardContent, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CaseDiagram } from './CaseDiagram.tsx';
import { CaseSteps } from './CaseSteps.tsx';
import type { CaseDetail } from './types.ts';

export function CaseProcess({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'), { noSsr: true });
  return (
    <Card component="section" aria-labelledby="case-diagram">
      <CardContent>
        <Typography id="case-diagram" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.cases.sections.diagram')}
        </Typography>
        {phone ? <CaseSteps record={record} /> : <CaseDiagram record={record} />}
      </CardContent>
    </Card>
  );
}

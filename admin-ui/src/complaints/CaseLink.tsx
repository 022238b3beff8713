/** The case a confirmed complaint opened or joined, as its number linking to the case page (— when none). */
import { Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { casePage } from '../inspections/CaseLinks.tsx';
import type { Complaint } from './types.ts';

const stop = (event: { stopPropagation(): void }) => event.stopPropagation();

export function CaseLink({ record }: { record: Pick<Complaint, 'caseId' | 'caseNumber'> }) {
  const translate = useTranslate();
  if (!record.caseId) return <Typography variant="body2">{translate('app.none')}</Typography>;
  return (
    <Link to={casePage(record.caseId)} onClick={stop} variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {record.caseNumber ?? record.caseId}
    </Link>
  );
}

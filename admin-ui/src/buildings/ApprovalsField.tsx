/** The house's approvals on the house file: one line each (type, number, issuer, date), with a link to its scan. */
import { Box, Link } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from './choices.ts';
import type { BuildingRecord } from './types.ts';

export function ApprovalsField() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const approvals = building?.approvals ?? [];
  if (approvals.length === 0) return <>—</>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="approvals">
      {approvals.map((a, i) => (
        <li key={`${a.type}-${a.number}-${String(i)}`}>
          {[translate(enumLabelKey('approvalType', a.type), { _: a.type }), a.number, a.issuer, a.date].filter(Boolean).join(' ')}
          {a.fileId && (
            <>
              {' · '}
              <Link href={`/api/building-files/${encodeURIComponent(a.fileId)}`} target="_blank" rel="noopener">
                {translate('resources.buildings.approval.scan')}
              </Link>
            </>
          )}
        </li>
      ))}
    </Box>
  );
}

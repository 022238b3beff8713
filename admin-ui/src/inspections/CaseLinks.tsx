/**
 * The cases an inspection's hazards opened or joined, as their numbers linking to the case pages.
 * Inside a clickable table row a click on a number opens the case, not the inspection.
 */
import { Box, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { InspectionHazard } from './types.ts';

/** The page of one case, as the `cases` resource routes it. */
export const casePage = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/show`;

const stop = (event: { stopPropagation(): void }) => event.stopPropagation();

export function CaseLinks({ hazards }: { hazards: readonly InspectionHazard[] }) {
  const translate = useTranslate();
  // One case per hazard: categories are distinct within an inspection, and a case is one house and category.
  const linked = hazards.filter((h): h is InspectionHazard & { caseId: string } => h.caseId !== null);
  if (linked.length === 0) return <Typography variant="body2">{translate('app.none')}</Typography>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', gap: 0.25 }}>
      {linked.map((h) => (
        <Link
          key={h.category}
          to={casePage(h.caseId)}
          onClick={stop}
          variant="body2"
          sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
        >
          {h.caseNumber ?? h.caseId}
        </Link>
      ))}
    </Box>
  );
}

/** The house's other open cases, each linking to its case page, with its severity and where it stands. */
import { Box, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { CaseStatusChip } from '../cases/CaseStatusChip.tsx';
import type { CaseStatus } from '../cases/types.ts';
import { SeverityChip } from '../cases/SeverityChip.tsx';
import { casePage } from '../inspections/CaseLinks.tsx';
import type { HouseOpenCase } from './types.ts';

export function HouseOpenCases({ cases }: { cases: HouseOpenCase[] }) {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="house-open-cases">
      <Typography id="house-open-cases" variant="subtitle2" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('resources.taskContext.others.title')}
      </Typography>
      {cases.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.taskContext.others.none')}
        </Typography>
      ) : (
        <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {cases.map((c) => (
            <Box component="li" key={c.id} data-testid="house-open-case">
              <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                <Link to={casePage(c.id)} sx={{ fontFamily: 'monospace' }}>
                  {c.number}
                </Link>
                <Typography variant="body2">{translate(`resources.cases.enums.category.${c.category}`, { _: c.category })}</Typography>
                <SeverityChip severity={c.severity} />
                <CaseStatusChip status={c.status as CaseStatus} />
              </Stack>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {c.description}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** What the rule found, figure by figure, with the houses and cases it names linked to their pages. */
import { Box, Chip, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import type { Warning } from './types.ts';

const TIMES = new Set(['changedAt']);

function Value({ name, value }: { name: string; value: unknown }) {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return <>{translate('app.none')}</>;
  if (Array.isArray(value)) return <>{value.map(String).join('，')}</>;
  if (TIMES.has(name) && typeof value === 'string') return <DateTimeText value={value} />;
  if ((name === 'fromTier' || name === 'toTier') && typeof value === 'string')
    return <>{translate(`resources.buildings.enums.riskTier.${value}`, { _: value })}</>;
  if (name === 'use' && typeof value === 'string') return <>{translate(`resources.buildings.enums.use.${value}`, { _: value })}</>;
  return <>{String(value)}</>;
}

export function WarningEvidence({ warning }: { warning: Warning }) {
  const translate = useTranslate();
  const field = (key: string) => translate(`resources.warnings.fields.${key}`);
  return (
    <Box>
      <Table size="small" data-warning-evidence>
        <TableBody>
          {Object.entries(warning.evidence).map(([name, value]) => (
            <TableRow key={name}>
              <TableCell component="th" sx={{ width: '40%', color: 'text.secondary' }}>
                {translate(`resources.warnings.evidence.${name}`, { _: name })}
              </TableCell>
              <TableCell>
                <Value name={name} value={value} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {warning.buildingCodes.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
            {field('buildingCodes')}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {warning.buildingCodes.map((code) => (
              <Chip
                key={code}
                size="small"
                variant="outlined"
                sx={{ fontFamily: 'monospace' }}
                label={code}
                component={Link}
                to={`/buildings/${encodeURIComponent(code)}/show`}
                clickable
              />
            ))}
          </Stack>
        </>
      )}
      {warning.caseIds.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
            {field('caseIds')}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {warning.caseIds.map((id, i) => (
              <Chip
                key={id}
                size="small"
                variant="outlined"
                label={`${field('caseIds')} ${String(i + 1)}`}
                component={Link}
                to={`/cases/${encodeURIComponent(id)}/show`}
                clickable
              />
            ))}
          </Stack>
        </>
      )}
    </Box>
  );
}

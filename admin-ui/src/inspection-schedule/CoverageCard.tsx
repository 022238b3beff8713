/**
 * The cockpit's 定期巡查覆盖率 card: of the houses due in the last 30 days in the region, how many were
 * inspected on time, late, or are overdue, in total, per village and per inspector. Every number links
 * to the houses it counts (same window, same slice, same total).
 */
import { Box, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { CoverageCounts } from '../../../domain/inspection-schedule/store.ts';
import { StatCard } from '../cockpit/StatCard.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import type { CoverageParams } from '../dataProvider/inspectionDue.ts';
import { dueListLink } from './links.ts';

const COLUMNS = ['due', 'onTime', 'late', 'overdue'] as const;
const REFRESH_MS = 60_000;

function Count({ value, params, name }: { value: number; params: CoverageParams; name: string }) {
  return (
    <Link to={dueListLink(params)} data-coverage={name} sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Link>
  );
}

function Row({ label, counts, params, id }: { label: string; counts: CoverageCounts; params: CoverageParams; id: string }) {
  return (
    <TableRow data-coverage-row={id}>
      <TableCell>{label}</TableCell>
      {COLUMNS.map((c) => (
        <TableCell key={c} align="right">
          <Count value={counts[c]} name={c} params={c === 'due' ? params : { ...params, coverage: c }} />
        </TableCell>
      ))}
    </TableRow>
  );
}

export function CoverageCard({ region }: { region?: string | undefined }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.work.schedule.coverage.${key}`);
  const cov = useApiQuery(
    ['inspection-due', 'coverage', region ?? null],
    (dataProvider, signal) => dataProvider.inspectionCoverage(region ? { regionCode: region } : {}, signal),
    { refetchInterval: REFRESH_MS },
  );
  if (!cov.data) return cov.isError ? null : <Skeleton variant="rectangular" height={160} />;
  const { from, to } = cov.data;
  const base: CoverageParams = { from, to, ...(region ? { regionCode: region } : {}) };
  const header = (first: string) => (
    <TableHead>
      <TableRow>
        <TableCell>{first}</TableCell>
        {COLUMNS.map((c) => (
          <TableCell key={c} align="right">
            {t(c)}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
  return (
    <StatCard id="inspection-coverage" title={t('title')}>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('window')}
      </Typography>
      <Box sx={{ overflowX: 'auto', maxHeight: 420 }}>
        <Table size="small" stickyHeader>
          {header(t('village'))}
          <TableBody>
            <Row id="total" label={t('total')} counts={cov.data.total} params={base} />
            {cov.data.villages.map((v) => (
              <Row
                key={v.villageCode}
                id={v.villageCode}
                label={v.villageName ?? v.villageCode}
                counts={v}
                params={{ ...base, regionCode: v.villageCode }}
              />
            ))}
          </TableBody>
        </Table>
        <Table size="small" sx={{ mt: 2 }}>
          {header(t('inspector'))}
          <TableBody>
            {cov.data.inspectors.map((i) => (
              <Row
                key={i.assigneeId ?? 'none'}
                id={i.assigneeId ?? 'unassigned'}
                label={i.assigneeName ?? t('unassigned')}
                counts={i}
                params={i.assigneeId ? { ...base, assigneeId: i.assigneeId } : { ...base, unassigned: true }}
              />
            ))}
          </TableBody>
        </Table>
      </Box>
    </StatCard>
  );
}

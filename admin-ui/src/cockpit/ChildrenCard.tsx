/**
 * The child regions of the cockpit's region (towns of the district, villages of a town): a bar chart
 * and a ranking a leader puts in a monthly bulletin (整改率, overdue, coverage), sortable by each
 * column. A click on a region (its name or its bars) drills down to it.
 */
import { useMemo, useState } from 'react';
import { Box, Link as MuiLink, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Children } from '../../../domain/statistics/api.ts';
import { EChart } from '../stats/EChart.tsx';
import { childrenChartHeight, childrenOption } from '../stats/chartOptions.ts';
import { FigureLink } from '../stats/FigureLink.tsx';
import { percent } from '../stats/params.ts';
import { sortRanking } from '../stats/ranking.ts';
import type { RankingKey } from '../stats/ranking.ts';
import { StatCard } from './StatCard.tsx';

const COUNT_COLUMNS = ['houses', 'red', 'openHazards', 'overdue', 'found', 'closed'] as const;
const RATE_COLUMNS = ['rectificationRate', 'coverageRate'] as const;

export function ChildrenCard({ children, onDrill }: { children: Children; onDrill: (code: string) => void }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.stats.${key}`);
  const [sort, setSort] = useState<{ key: RankingKey | 'region'; order: 'asc' | 'desc' }>({ key: 'region', order: 'asc' });
  const rows = useMemo(() => sortRanking(children.rows, sort.key, sort.order), [children.rows, sort]);
  const labels = { red: t('ranking.red'), openHazards: t('ranking.openHazards'), overdue: t('ranking.overdue') };
  const labelKey = JSON.stringify(labels);
  const option = useMemo(() => childrenOption(children.rows, JSON.parse(labelKey) as typeof labels), [children.rows, labelKey]);
  const header = (key: RankingKey | 'region') => (
    <TableCell key={key} align={key === 'region' ? 'left' : 'right'} sortDirection={sort.key === key ? sort.order : false}>
      <TableSortLabel
        active={sort.key === key}
        direction={sort.key === key ? sort.order : key === 'region' ? 'asc' : 'desc'}
        onClick={() =>
          setSort((s) => ({
            key,
            order: s.key === key ? (s.order === 'asc' ? 'desc' : 'asc') : key === 'region' ? 'asc' : 'desc',
          }))
        }
      >
        {t(`ranking.${key}`)}
      </TableSortLabel>
    </TableCell>
  );
  return (
    <StatCard id="children" title={t('cards.children')}>
      {children.rows.length > 0 && (
        <EChart
          option={option}
          label={t('cards.children')}
          height={childrenChartHeight(children.rows.length)}
          onClick={(index) => onDrill(children.rows[index]!.region.code)}
        />
      )}
      <TableContainer sx={{ overflowX: 'auto', mt: 1 }}>
        <Table size="small" aria-label={t('cards.children')} data-ranking>
          <TableHead>
            <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
              {header('region')}
              {COUNT_COLUMNS.map(header)}
              {RATE_COLUMNS.map(header)}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.region.code} hover data-region={row.region.code}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <MuiLink component="button" type="button" onClick={() => onDrill(row.region.code)} sx={{ fontWeight: 600 }}>
                    {row.region.name}
                  </MuiLink>
                </TableCell>
                {COUNT_COLUMNS.map((key) => (
                  <TableCell key={key} align="right" sx={{ color: key === 'red' || key === 'overdue' ? 'error.main' : undefined }}>
                    <FigureLink figure={row[key]} name={`children.${row.region.code}.${key}`} />
                  </TableCell>
                ))}
                {RATE_COLUMNS.map((key) => (
                  <TableCell key={key} align="right" data-figure={`children.${row.region.code}.${key}`}>
                    {percent(row[key])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {children.rows.length === 0 && <Box sx={{ color: 'text.secondary', typography: 'body2', mt: 1 }}>{t('empty.children')}</Box>}
    </StatCard>
  );
}

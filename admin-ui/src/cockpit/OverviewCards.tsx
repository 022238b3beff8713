/**
 * The cockpit's key figures for one region: houses, inspection coverage, risk tiers, judgements,
 * appraisal grades, rectification (found, closed, 整改率, overdue, escalated), complaints, and the open
 * hazards by category and severity. Every count links to its list.
 */
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Overview } from '../../../domain/statistics/api.ts';
import { RISK_TIER } from '../../../domain/statistics/dimensions.ts';
import { TIER_COLOURS } from '../stats/colours.ts';
import { FigureLink } from '../stats/FigureLink.tsx';
import { percent } from '../stats/params.ts';
import { FigureTile, TileRow } from './FigureTile.tsx';
import { StatCard } from './StatCard.tsx';

const grid = {
  display: 'grid',
  gap: 2,
  gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' },
};

export function OverviewCards({ overview }: { overview: Overview }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.stats.${key}`, options);
  const o = overview;
  return (
    <>
      <Box sx={grid}>
        <StatCard id="houses" title={t('cards.houses')}>
          <TileRow>
            <FigureTile name="houses.total" label={t('figures.housesTotal')} figure={o.houses.total} size="large" />
            <FigureTile name="houses.business" label={t('figures.business')} figure={o.houses.business} />
            <FigureTile name="houses.floors3Plus" label={t('figures.floors3Plus')} figure={o.houses.floors3Plus} />
          </TileRow>
        </StatCard>
        <StatCard id="coverage" title={t('cards.coverage', { days: o.coverage.days })}>
          <TileRow>
            <FigureTile name="coverage.rate" label={t('figures.coverageRate')} text={percent(o.coverage.rate)} size="large" />
            <FigureTile name="coverage.inspected" label={t('figures.inspected')} figure={o.coverage.inspected} />
            <FigureTile name="coverage.due" label={t('figures.due')} figure={o.coverage.due} />
          </TileRow>
        </StatCard>
        <StatCard id="rectification" title={t('cards.rectification')}>
          <TileRow min={90}>
            <FigureTile
              name="rectification.rate"
              label={t('figures.rectificationRate')}
              text={percent(o.rectification.rate)}
              size="large"
            />
            <FigureTile name="rectification.found" label={t('figures.found')} figure={o.rectification.found} />
            <FigureTile name="rectification.closed" label={t('figures.closed')} figure={o.rectification.closed} />
            <FigureTile
              name="overdue"
              label={t('figures.overdue')}
              figure={o.overdue}
              colour={o.overdue.value > 0 ? '#d32f2f' : undefined}
            />
            <FigureTile name="escalations" label={t('figures.escalations')} figure={o.escalations} />
          </TileRow>
        </StatCard>
        <StatCard id="complaints" title={t('cards.complaints')}>
          <TileRow min={90}>
            <FigureTile name="complaints.received" label={t('figures.received')} figure={o.complaints.received} size="large" />
            <FigureTile name="complaints.verified" label={t('figures.verified')} figure={o.complaints.verified} />
            <FigureTile name="complaints.unfounded" label={t('figures.unfounded')} figure={o.complaints.unfounded} />
          </TileRow>
        </StatCard>
      </Box>
      <Box sx={{ ...grid, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } }}>
        <StatCard id="tiers" title={t('cards.tiers')}>
          <TileRow min={80}>
            {RISK_TIER.values.map((tier) => (
              <FigureTile
                key={tier}
                name={`tiers.${tier}`}
                label={RISK_TIER.labels[tier]}
                figure={o.tiers[tier]}
                colour={TIER_COLOURS[tier]}
                size="large"
              />
            ))}
          </TileRow>
        </StatCard>
        <StatCard id="judgements" title={t('cards.judgements')}>
          <TileRow min={80}>
            {(['serious', 'some', 'none', 'notInspected'] as const).map((j) => (
              <FigureTile key={j} name={`judgements.${j}`} label={t(`judgements.${j}`)} figure={o.judgements[j]} />
            ))}
          </TileRow>
        </StatCard>
        <StatCard id="grades" title={t('cards.grades')}>
          <TileRow min={64}>
            {(['A', 'B', 'C', 'D', 'none'] as const).map((g) => (
              <FigureTile
                key={g}
                name={`grades.${g}`}
                label={g === 'none' ? t('figures.noGrade') : t('figures.grade', { grade: g })}
                figure={o.grades[g]}
                colour={g === 'C' ? '#ef6c00' : g === 'D' ? '#d32f2f' : undefined}
              />
            ))}
          </TileRow>
        </StatCard>
      </Box>
    </>
  );
}

/** Open hazards now, one row per category, serious and general side by side. */
export function OpenHazardsCard({ overview }: { overview: Overview }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.stats.${key}`);
  const categories = [...new Set(overview.openHazards.map((h) => h.category))];
  const cell = (category: string, severity: 'serious' | 'general') =>
    overview.openHazards.find((h) => h.category === category && h.severity === severity)?.count;
  return (
    <StatCard id="open-hazards" title={t('cards.openHazards')}>
      {categories.length === 0 ? (
        <Box sx={{ color: 'text.secondary', typography: 'body2' }}>{t('empty.openHazards')}</Box>
      ) : (
        <Table size="small" aria-labelledby="stat-open-hazards">
          <TableHead>
            <TableRow>
              <TableCell>{t('columns.category')}</TableCell>
              <TableCell align="right">{translate('resources.cases.enums.severity.serious')}</TableCell>
              <TableCell align="right">{translate('resources.cases.enums.severity.general')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {categories.map((category) => (
              <TableRow key={category}>
                <TableCell>{translate(`resources.cases.enums.category.${category}`, { _: category })}</TableCell>
                {(['serious', 'general'] as const).map((severity) => (
                  <TableCell
                    key={severity}
                    align="right"
                    sx={{ color: severity === 'serious' ? 'error.main' : undefined, fontWeight: 600 }}
                  >
                    <FigureLink figure={cell(category, severity) ?? { value: 0 }} name={`openHazards.${category}.${severity}`} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </StatCard>
  );
}

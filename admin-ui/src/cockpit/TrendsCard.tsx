/** Hazards found and closed, complaints and the open backlog, by week or month, over the period. */
import { useMemo } from 'react';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useNavigate, useTranslate } from 'react-admin';
import type { Trends } from '../../../domain/statistics/api.ts';
import { EChart } from '../stats/EChart.tsx';
import { trendOption } from '../stats/chartOptions.ts';
import { linkHref } from '../stats/links.ts';
import { StatCard } from './StatCard.tsx';

export function TrendsCard({
  trends,
  interval,
  onInterval,
}: {
  trends: Trends | undefined;
  interval: 'week' | 'month';
  onInterval: (interval: 'week' | 'month') => void;
}) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const t = (key: string) => translate(`resources.stats.${key}`);
  const labels = {
    found: t('figures.found'),
    closed: t('figures.closed'),
    backlog: t('figures.backlog'),
    complaints: t('figures.received'),
  };
  const labelKey = JSON.stringify(labels);
  const points = useMemo(() => trends?.points ?? [], [trends]);
  const option = useMemo(() => trendOption(points, interval, JSON.parse(labelKey) as typeof labels), [points, interval, labelKey]);
  const open = (index: number, series: number) => {
    const point = points[index];
    const figure = point && [point.found, point.closed, point.complaints][series];
    if (figure?.link) navigate(linkHref(figure.link));
  };
  return (
    <StatCard
      id="trends"
      title={t('cards.trends')}
      action={
        <ToggleButtonGroup size="small" exclusive value={interval} onChange={(_, v: 'week' | 'month' | null) => v && onInterval(v)}>
          <ToggleButton value="week">{t('interval.week')}</ToggleButton>
          <ToggleButton value="month">{t('interval.month')}</ToggleButton>
        </ToggleButtonGroup>
      }
    >
      <EChart option={option} label={t('cards.trends')} height={300} onClick={open} />
    </StatCard>
  );
}

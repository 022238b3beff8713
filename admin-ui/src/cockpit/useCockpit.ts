/** The cockpit's four answers for one region and period, refreshed every `refreshMs` when given. */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { statsQuery } from '../stats/params.ts';

export function useCockpit(
  params: { region?: string | undefined; from: string; to: string; interval: 'week' | 'month' },
  refreshMs?: number,
) {
  const base = statsQuery({ region: params.region, from: params.from, to: params.to });
  const options = refreshMs ? { refetchInterval: refreshMs } : {};
  const overview = useApiQuery(['stats', 'overview', base], (dp, signal) => dp.statsOverview(base, signal), options);
  const children = useApiQuery(['stats', 'children', base], (dp, signal) => dp.statsChildren(base, signal), options);
  const trendsQuery = { ...base, interval: params.interval };
  const trends = useApiQuery(['stats', 'trends', trendsQuery], (dp, signal) => dp.statsTrends(trendsQuery, signal), options);
  const funnel = useApiQuery(['stats', 'funnel', base], (dp, signal) => dp.statsFunnel(base, signal), options);
  return { overview, children, trends, funnel };
}

/**
 * 进行中 / 全部 above the campaign table, each with its count under the other filters. The tabs are
 * the `status` filter, so they agree with the filter form; a status picked there that no tab stands
 * for (已完成, 已截止, 已撤销) selects no tab.
 */
import { Badge, Tab, Tabs } from '@mui/material';
import { useGetList, useListContext, useTranslate } from 'react-admin';
import type { Campaign } from './types.ts';

type View = 'running' | 'all';

/** The API sorts by these fields only; react-admin's default (`id`) would be refused. */
const SORT = { field: 'createdAt', order: 'DESC' } as const;
const VIEWS: readonly View[] = ['running', 'all'];

/** How many campaigns match `filter`, asking for one row only. */
function useCount(filter: Record<string, unknown>): number | undefined {
  return useGetList<Campaign>('campaigns', { filter, sort: SORT, pagination: { page: 1, perPage: 1 } }).total;
}

function viewOf(filter: Record<string, unknown>): View | false {
  if (filter.status === 'running') return 'running';
  return filter.status ? false : 'all';
}

export function CampaignTabs() {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext<Campaign>();
  const { status: _status, ...others } = filterValues as Record<string, unknown>;
  const view = viewOf(filterValues as Record<string, unknown>);
  const counts: Record<View, number | undefined> = {
    running: useCount({ ...others, status: 'running' }),
    all: useCount(others),
  };

  const select = (next: View) => {
    const { status: _s, ...shown } = displayedFilters as Record<string, boolean>;
    setFilters(next === 'running' ? { ...others, status: 'running' } : others, shown);
  };

  return (
    <Tabs
      value={view}
      onChange={(_event, next: View) => select(next)}
      aria-label={translate('resources.campaigns.fields.status')}
      sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
    >
      {VIEWS.map((v) => (
        <Tab
          key={v}
          value={v}
          data-view={v}
          sx={{ minHeight: 48, pr: 3 }}
          label={
            <Badge
              badgeContent={counts[v] ?? 0}
              color={v === 'running' ? 'info' : 'default'}
              max={9999}
              showZero
              sx={{ '& .MuiBadge-badge': { right: -14, ...(v === 'all' ? { bgcolor: 'grey.300', color: 'text.primary' } : {}) } }}
            >
              {translate(`resources.campaigns.tabs.${v}`)}
            </Badge>
          }
        />
      ))}
    </Tabs>
  );
}

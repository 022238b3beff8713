/**
 * 待核实 / 超期 / 全部 above the complaint table, each with its count under the other filters: the
 * town officer sees at once how many complaints wait for an on-site verification and how many are
 * past their deadline. The tabs are the `status` and `overdue` filters, so they agree with the
 * filter form; a status picked there that no tab stands for (属实, 不属实) selects no tab.
 */
import { Badge, Tab, Tabs } from '@mui/material';
import { useGetList, useListContext, useTranslate } from 'react-admin';
import type { Complaint } from './types.ts';

type View = 'verifying' | 'overdue' | 'all';

/** The API sorts by these fields only; react-admin's default (`id`) would be refused. */
const SORT = { field: 'createdAt', order: 'DESC' } as const;
const VIEWS: readonly View[] = ['verifying', 'overdue', 'all'];

/** How many complaints match `filter`, asking for one row only. */
function useCount(filter: Record<string, unknown>): number | undefined {
  return useGetList<Complaint>('complaints', { filter, sort: SORT, pagination: { page: 1, perPage: 1 } }).total;
}

const isTrue = (value: unknown) => value === true || value === 'true';

function viewOf(filter: Record<string, unknown>): View | false {
  if (isTrue(filter.overdue)) return 'overdue';
  if (filter.status === 'verifying') return 'verifying';
  return filter.status ? false : 'all';
}

export function ComplaintTabs() {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext<Complaint>();
  const { status: _status, overdue: _overdue, ...others } = filterValues as Record<string, unknown>;
  const view = viewOf(filterValues as Record<string, unknown>);
  const counts: Record<View, number | undefined> = {
    verifying: useCount({ ...others, status: 'verifying' }),
    overdue: useCount({ ...others, overdue: true }),
    all: useCount(others),
  };

  const select = (next: View) => {
    const { status: _s, overdue: _o, ...shown } = displayedFilters as Record<string, boolean>;
    if (next === 'verifying') setFilters({ ...others, status: 'verifying' }, shown);
    else if (next === 'overdue') setFilters({ ...others, overdue: true }, { ...shown, overdue: true });
    else setFilters(others, shown);
  };

  return (
    <Tabs
      value={view}
      onChange={(_event, next: View) => select(next)}
      aria-label={translate('resources.complaints.fields.status')}
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
              color={v === 'overdue' ? 'warning' : v === 'verifying' ? 'info' : 'default'}
              max={9999}
              showZero={v !== 'overdue'}
              sx={{ '& .MuiBadge-badge': { right: -14, ...(v === 'all' ? { bgcolor: 'grey.300', color: 'text.primary' } : {}) } }}
            >
              {translate(`resources.complaints.tabs.${v}`)}
            </Badge>
          }
        />
      ))}
    </Tabs>
  );
}

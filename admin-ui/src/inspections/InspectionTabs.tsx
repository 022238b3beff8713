/**
 * 全部 / 位置异常 above the inspection table, each with its count under the other filters: the town
 * officer sees at a glance how many inspections were sent far from the house or without a position,
 * and opens them in one click. The tab is the `flagged` filter, so it agrees with the filter form.
 */
import { Badge, Tab, Tabs } from '@mui/material';
import { useGetList, useListContext, useTranslate } from 'react-admin';
import type { Inspection } from './types.ts';

type View = 'all' | 'flagged';

/** The API sorts by these fields only; react-admin's default (`id`) would be refused. */
const SORT = { field: 'inspectedAt', order: 'DESC' } as const;

/** How many inspections match `filter`, asking for one row only. */
function useCount(filter: Record<string, unknown>): number | undefined {
  return useGetList<Inspection>('inspections', { filter, sort: SORT, pagination: { page: 1, perPage: 1 } }).total;
}

export function InspectionTabs() {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext<Inspection>();
  const { flagged: _flagged, ...others } = filterValues as Record<string, unknown>;
  const view: View = filterValues.flagged === true || filterValues.flagged === 'true' ? 'flagged' : 'all';
  const counts: Record<View, number | undefined> = { all: useCount(others), flagged: useCount({ ...others, flagged: true }) };

  const select = (next: View) => {
    const { flagged: _shown, ...shown } = displayedFilters as Record<string, boolean>;
    if (next === 'flagged') setFilters({ ...others, flagged: true }, { ...shown, flagged: true });
    else setFilters(others, shown);
  };

  return (
    <Tabs
      value={view}
      onChange={(_event, next: View) => select(next)}
      aria-label={translate('resources.inspections.fields.presence')}
      sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
    >
      {(['all', 'flagged'] as const).map((v) => (
        <Tab
          key={v}
          value={v}
          data-view={v}
          sx={{ minHeight: 48, pr: 3 }}
          label={
            <Badge
              badgeContent={counts[v] ?? 0}
              color={v === 'flagged' ? 'warning' : 'default'}
              max={9999}
              showZero={v === 'all'}
              sx={{ '& .MuiBadge-badge': { right: -14, ...(v === 'all' ? { bgcolor: 'grey.300', color: 'text.primary' } : {}) } }}
            >
              {translate(`resources.inspections.tabs.${v}`)}
            </Badge>
          }
        />
      ))}
    </Tabs>
  );
}

/**
 * Tabs above a list that stand for values of some of its filters (the `owned` ones), each with its
 * count under the other filters, so an officer sees at once how many records wait in each view and
 * opens one in a click. The tabs set the filters themselves, so they agree with the filter form; the
 * caller says which tab the current filters select (none when the form picked a value no tab stands for).
 */
import { Badge, Tab, Tabs } from '@mui/material';
import { useGetList, useListContext, useTranslate } from 'react-admin';

export interface FilterTab<V extends string> {
  value: V;
  /** The owned filters this tab sets (none for 全部). */
  filter: Record<string, unknown>;
  /** Filters to show in the filter form when the tab is picked. */
  show?: Record<string, boolean>;
  color: 'info' | 'warning' | 'default';
  showZero: boolean;
}

type Sort = { field: string; order: 'ASC' | 'DESC' };

function without<T>(values: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));
}

/** A tab's label with how many records match `filter`, asking for one row only. */
function CountLabel({
  resource,
  sort,
  filter,
  tab,
  label,
}: {
  resource: string;
  sort: Sort;
  filter: Record<string, unknown>;
  tab: FilterTab<string>;
  label: string;
}) {
  const { total } = useGetList(resource, { filter, sort, pagination: { page: 1, perPage: 1 } });
  return (
    <Badge
      badgeContent={total ?? 0}
      color={tab.color}
      max={9999}
      showZero={tab.showZero}
      sx={{ '& .MuiBadge-badge': { right: -14, ...(tab.value === 'all' ? { bgcolor: 'grey.300', color: 'text.primary' } : {}) } }}
    >
      {label}
    </Badge>
  );
}

export function FilterTabs<V extends string>({
  resource,
  sort,
  owned,
  tabs,
  value,
  ariaLabel,
}: {
  resource: string;
  /** One the API accepts: react-admin's default (`id`) would be refused. */
  sort: Sort;
  owned: readonly string[];
  tabs: readonly FilterTab<V>[];
  value: V | false;
  ariaLabel: string;
}) {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const others = without(filterValues as Record<string, unknown>, owned);
  const select = (next: V) => {
    const tab = tabs.find((t) => t.value === next);
    setFilters({ ...others, ...tab?.filter }, { ...without(displayedFilters as Record<string, boolean>, owned), ...tab?.show });
  };
  return (
    <Tabs
      value={value}
      onChange={(_event, next: V) => select(next)}
      aria-label={ariaLabel}
      sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
    >
      {tabs.map((tab) => (
        <Tab
          key={tab.value}
          value={tab.value}
          data-view={tab.value}
          sx={{ minHeight: 48, pr: 3 }}
          label={
            <CountLabel
              resource={resource}
              sort={sort}
              filter={{ ...others, ...tab.filter }}
              tab={tab}
              label={translate(`resources.${resource}.tabs.${tab.value}`)}
            />
          }
        />
      ))}
    </Tabs>
  );
}

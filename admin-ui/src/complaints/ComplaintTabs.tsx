/**
 * 待核实 / 超期 / 全部 above the complaint table, each with its count under the other filters: the
 * town officer sees at once how many complaints wait for an on-site verification and how many are
 * past their deadline. The tabs are the `status` and `overdue` filters; a status picked in the filter
 * form that no tab stands for (属实, 不属实) selects no tab.
 */
import { useListContext, useTranslate } from 'react-admin';
import { FilterTabs } from '../common/FilterTabs.tsx';
import type { FilterTab } from '../common/FilterTabs.tsx';

type View = 'verifying' | 'overdue' | 'all';

const TABS: readonly FilterTab<View>[] = [
  { value: 'verifying', filter: { status: 'verifying' }, color: 'info', showZero: true },
  { value: 'overdue', filter: { overdue: true }, show: { overdue: true }, color: 'warning', showZero: false },
  { value: 'all', filter: {}, color: 'default', showZero: true },
];

const isTrue = (value: unknown) => value === true || value === 'true';

function viewOf(filter: Record<string, unknown>): View | false {
  if (isTrue(filter.overdue)) return 'overdue';
  if (filter.status === 'verifying') return 'verifying';
  return filter.status ? false : 'all';
}

export function ComplaintTabs() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return (
    <FilterTabs
      resource="complaints"
      sort={{ field: 'createdAt', order: 'DESC' }}
      owned={['status', 'overdue']}
      tabs={TABS}
      value={viewOf(filterValues as Record<string, unknown>)}
      ariaLabel={translate('resources.complaints.fields.status')}
    />
  );
}

/**
 * 进行中 / 全部 above the campaign table, each with its count under the other filters. The tabs are
 * the `status` filter, so they agree with the filter form; a status picked there that no tab stands
 * for (已完成, 已截止, 已撤销) selects no tab.
 */
import { useListContext, useTranslate } from 'react-admin';
import { FilterTabs } from '../common/FilterTabs.tsx';
import type { FilterTab } from '../common/FilterTabs.tsx';

type View = 'running' | 'all';

const TABS: readonly FilterTab<View>[] = [
  { value: 'running', filter: { status: 'running' }, color: 'info', showZero: true },
  { value: 'all', filter: {}, color: 'default', showZero: true },
];

function viewOf(filter: Record<string, unknown>): View | false {
  if (filter.status === 'running') return 'running';
  return filter.status ? false : 'all';
}

export function CampaignTabs() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return (
    <FilterTabs
      resource="campaigns"
      sort={{ field: 'createdAt', order: 'DESC' }}
      owned={['status']}
      tabs={TABS}
      value={viewOf(filterValues as Record<string, unknown>)}
      ariaLabel={translate('resources.campaigns.fields.status')}
    />
  );
}

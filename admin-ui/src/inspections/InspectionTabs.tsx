/**
 * 全部 / 位置异常 above the inspection table, each with its count under the other filters: the town
 * officer sees at a glance how many inspections were sent far from the house or without a position,
 * and opens them in one click. The tab is the `flagged` filter, so it agrees with the filter form.
 */
import { useListContext, useTranslate } from 'react-admin';
import { FilterTabs } from '../common/FilterTabs.tsx';
import type { FilterTab } from '../common/FilterTabs.tsx';

type View = 'all' | 'flagged';

const TABS: readonly FilterTab<View>[] = [
  { value: 'all', filter: {}, color: 'default', showZero: true },
  { value: 'flagged', filter: { flagged: true }, show: { flagged: true }, color: 'warning', showZero: false },
];

export function InspectionTabs() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const flagged = filterValues.flagged === true || filterValues.flagged === 'true';
  return (
    <FilterTabs
      resource="inspections"
      sort={{ field: 'inspectedAt', order: 'DESC' }}
      owned={['flagged']}
      tabs={TABS}
      value={flagged ? 'flagged' : 'all'}
      ariaLabel={translate('resources.inspections.fields.presence')}
    />
  );
}

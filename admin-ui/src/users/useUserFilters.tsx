/** The list filters the API understands: text, role, region subtree, status. */
import { SearchInput, SelectInput, useTranslate } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';
import { roleChoices } from './roleChoices.ts';

const statusChoices = [
  { id: 'false', name: 'resources.users.status.active' },
  { id: 'true', name: 'resources.users.status.disabled' },
];

export function useUserFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.users.filters.q')} />,
    <SelectInput key="role" source="role" choices={roleChoices} />,
    <RegionInput key="regionCode" source="regionCode" />,
    <SelectInput key="disabled" source="disabled" choices={statusChoices} />,
  ];
}

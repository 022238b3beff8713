/**
 * The case list filters the API understands: case number, status, severity, category, region,
 * overdue only, building code and a range of registration dates, and the statistics' filters (shown
 * when a figure's link sets them). The first five are always shown.
 */
import { BooleanInput, SearchInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';
import { categoryChoices, severityChoices, statusChoices } from './choices.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';
import { statsCaseFilters } from '../stats/statsFilters.tsx';

/** The API takes `overdue=true` only; an unticked box means "no filter", not "not overdue". */
const onlyWhenTicked = (value: boolean) => (value ? true : undefined);

export function useCaseFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.cases.filters.q')} />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    <SelectInput key="severity" source="severity" choices={severityChoices} alwaysOn />,
    <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
    <BooleanInput key="overdue" source="overdue" label="resources.cases.filters.overdue" parse={onlyWhenTicked} alwaysOn />,
    // Any region within the user's own (a statistics figure links a district's, a town's or a village's cases).
    <RegionInput key="regionCode" source="regionCode" label="resources.buildings.filters.regionCode" />,
    <TextInput key="buildingCode" source="buildingCode" sx={{ minWidth: 220 }} />,
    <DateTextInput key="createdFrom" source="createdFrom" label="resources.cases.filters.createdFrom" />,
    <DateTextInput key="createdTo" source="createdTo" label="resources.cases.filters.createdTo" />,
    ...statsCaseFilters(),
  ];
}

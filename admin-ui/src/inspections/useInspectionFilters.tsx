/**
 * The inspection list filters the API understands: region (any level inside the user's own),
 * building code, judgement, position problems only, a range of inspection dates, and the kind
 * (日常巡查 / 专项排查, from a statistics figure). The first
 * three are always shown; position problems also have their own tab above the table.
 */
import { BooleanInput, SelectInput, TextInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';
import { judgementChoices } from './choices.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';
import { statsInspectionFilters } from '../stats/statsFilters.tsx';

/** The API takes `flagged=true` to narrow; an unticked box means "no filter", not "only unflagged". */
const onlyWhenTicked = (value: boolean) => (value ? true : undefined);

export function useInspectionFilters() {
  return [
    <RegionInput key="regionCode" source="regionCode" alwaysOn />,
    <TextInput key="buildingCode" source="buildingCode" alwaysOn sx={{ minWidth: 220 }} />,
    <SelectInput key="judgement" source="judgement" choices={judgementChoices} alwaysOn sx={{ minWidth: 200 }} />,
    <BooleanInput key="flagged" source="flagged" label="resources.inspections.filters.flagged" parse={onlyWhenTicked} />,
    <DateTextInput key="from" source="from" label="resources.inspections.filters.from" />,
    <DateTextInput key="to" source="to" label="resources.inspections.filters.to" />,
    ...statsInspectionFilters(),
  ];
}

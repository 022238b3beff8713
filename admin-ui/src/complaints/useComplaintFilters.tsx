/**
 * The complaint list filters the API understands: region (any level inside the user's own), status,
 * category, tracking number, overdue only, house code, a range of filing dates and (from a statistics
 * figure) of verification dates. The first four
 * are always shown; 待核实 and overdue also have their tabs above the table. A tracking number or
 * house code is only sent once complete (the API refuses a partial one).
 */
import { BooleanInput, SelectInput, TextInput, regex } from 'react-admin';
import type { Validator } from 'react-admin';
import { buildingCodeProblem, normaliseBuildingCode } from '../../../domain/buildings/code.ts';
import { TRACKING_NO } from '../../../domain/complaints/tracking.ts';
import { categoryChoices } from '../cases/choices.ts';
import { RegionInput } from '../common/RegionInput.tsx';
import { statusChoices } from './choices.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';
import { statsComplaintFilters } from '../stats/statsFilters.tsx';

/** The API takes `overdue=true` to narrow; an unticked box means "no filter", not "only on time". */
const onlyWhenTicked = (value: boolean) => (value ? true : undefined);

const trackingNo = regex(TRACKING_NO, 'resources.complaints.validation.trackingNo');
const parseTrackingNo = (value: string) => (value ?? '').trim().toUpperCase();

const buildingCode: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const problem = buildingCodeProblem(value);
  return problem ? `resources.cases.validation.buildingCode.${problem}` : undefined;
};
const parseCode = (value: string) => normaliseBuildingCode(value ?? '');

export function useComplaintFilters() {
  return [
    <RegionInput key="regionCode" source="regionCode" alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 160 }} />,
    <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn sx={{ minWidth: 180 }} />,
    <TextInput key="trackingNo" source="trackingNo" validate={trackingNo} parse={parseTrackingNo} alwaysOn sx={{ minWidth: 200 }} />,
    <BooleanInput key="overdue" source="overdue" label="resources.complaints.filters.overdue" parse={onlyWhenTicked} />,
    <TextInput key="buildingCode" source="buildingCode" validate={buildingCode} parse={parseCode} sx={{ minWidth: 220 }} />,
    <DateTextInput key="from" source="from" label="resources.complaints.filters.from" />,
    <DateTextInput key="to" source="to" label="resources.complaints.filters.to" />,
    ...statsComplaintFilters(),
  ];
}

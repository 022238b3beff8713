/** The inbox filters: text (case number, address or building code), step and severity. */
import { SearchInput, SelectInput, useTranslate } from 'react-admin';
import { LATEST_HAZARD_CASE_VERSION, hazardCaseDefinition } from '../../../definitions/hazard-case/index.ts';
import { severityChoices } from '../cases/choices.ts';

const stepChoices = Object.values(hazardCaseDefinition(LATEST_HAZARD_CASE_VERSION).steps).map((s) => ({
  id: s.id,
  name: `resources.tasks.enums.step.${s.id}`,
}));

export function useTaskFilters() {
  const translate = useTranslate();
  return [
    // Wide enough on the desktop for its whole placeholder; a phone gives it the full width anyway.
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.tasks.filters.q')} sx={{ minWidth: { sm: 270 } }} />,
    <SelectInput key="step" source="step" choices={stepChoices} alwaysOn />,
    <SelectInput key="severity" source="severity" choices={severityChoices} alwaysOn />,
  ];
}

/**
 * The list filters the API understands: text in the code or address (and the owner's name for those
 * who may see owners, which the API audits; the placeholder says which), a region's subtree,
 * use, business category, structure, latest judgement, appraisal grade, minimum floors and a range
 * of years built. The first four are always shown; the rest are added from the filter button.
 */
import { NumberInput, SearchInput, SelectInput, minValue, useCanAccess, useTranslate } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';
import { choicesOf, judgementFilterChoices } from './choices.ts';

export function useBuildingFilters() {
  const translate = useTranslate();
  const { canAccess: owners } = useCanAccess({ resource: 'buildings', action: 'readPersonal' });
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate(`resources.buildings.filters.${owners ? 'qOwner' : 'q'}`)} />,
    <RegionInput key="regionCode" source="regionCode" label="resources.buildings.filters.regionCode" alwaysOn />,
    <SelectInput key="latestJudgement" source="latestJudgement" choices={judgementFilterChoices()} alwaysOn />,
    <SelectInput key="use" source="use" choices={choicesOf('use')} alwaysOn />,
    <SelectInput key="businessCategory" source="businessCategory" choices={choicesOf('businessCategory')} />,
    <SelectInput key="structureType" source="structureType" choices={choicesOf('structureType')} />,
    <SelectInput key="appraisalGrade" source="appraisalGrade" choices={choicesOf('appraisalGrade')} />,
    <NumberInput key="minFloors" source="minFloors" min={1} validate={minValue(1)} sx={{ width: 140 }} />,
    <NumberInput key="yearFrom" source="yearFrom" min={1800} sx={{ width: 150 }} />,
    <NumberInput key="yearTo" source="yearTo" min={1800} sx={{ width: 150 }} />,
  ];
}

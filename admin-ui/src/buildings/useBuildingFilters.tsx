/**
 * The list filters the API understands: text in the code or address (and the owner's name for those
 * who may see owners, which the API audits; the placeholder says which), a region's subtree, risk
 * tier, latest judgement, use, business category, structure, appraisal grade (or none), floors, years
 * built (or unknown), business use, an open or overdue case, when the house was last inspected, and a data gap (数据完整性). The first five are always
 * shown; the rest are added from the filter button. The statistics figures link here with the same names.
 */
import { NullableBooleanInput, NumberInput, SearchInput, SelectInput, minValue, useCanAccess, useTranslate } from 'react-admin';
import { DateTextInput } from '../common/DateTextInput.tsx';
import { RegionInput } from '../common/RegionInput.tsx';
import { appraisalFilterChoices, choicesOf, gapChoices, judgementFilterChoices, riskTierChoices } from './choices.ts';

export function useBuildingFilters() {
  const translate = useTranslate();
  const { canAccess: owners } = useCanAccess({ resource: 'buildings', action: 'readPersonal' });
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate(`resources.buildings.filters.${owners ? 'qOwner' : 'q'}`)} />,
    <RegionInput key="regionCode" source="regionCode" label="resources.buildings.filters.regionCode" alwaysOn />,
    <SelectInput key="riskTier" source="riskTier" choices={riskTierChoices()} alwaysOn />,
    <SelectInput key="latestJudgement" source="latestJudgement" choices={judgementFilterChoices()} alwaysOn />,
    <SelectInput key="use" source="use" choices={choicesOf('use')} alwaysOn />,
    <SelectInput key="businessCategory" source="businessCategory" choices={choicesOf('businessCategory')} />,
    <NullableBooleanInput key="businessUse" source="businessUse" sx={{ minWidth: 160 }} />,
    <NullableBooleanInput key="openCase" source="openCase" sx={{ minWidth: 160 }} />,
    <NullableBooleanInput key="overdue" source="overdue" sx={{ minWidth: 160 }} />,
    <SelectInput key="structureType" source="structureType" choices={choicesOf('structureType')} />,
    <SelectInput key="appraisalGrade" source="appraisalGrade" choices={appraisalFilterChoices()} />,
    <NumberInput key="minFloors" source="minFloors" min={1} validate={minValue(1)} sx={{ width: 140 }} />,
    <NumberInput key="maxFloors" source="maxFloors" min={1} validate={minValue(1)} sx={{ width: 140 }} />,
    <NumberInput key="yearFrom" source="yearFrom" min={1800} sx={{ width: 150 }} />,
    <NumberInput key="yearTo" source="yearTo" min={1800} sx={{ width: 150 }} />,
    <NullableBooleanInput key="yearUnknown" source="yearUnknown" sx={{ minWidth: 160 }} />,
    <DateTextInput key="inspectedFrom" source="inspectedFrom" />,
    <DateTextInput key="notInspectedSince" source="notInspectedSince" />,
    <SelectInput key="gap" source="gap" choices={gapChoices()} sx={{ minWidth: 180 }} />,
  ];
}

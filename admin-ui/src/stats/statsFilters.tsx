/**
 * The list filters a statistics figure links with (issue 17 §1) that the lists did not offer before:
 * a case's state, origin, overdue day, escalation and closing days and its house's dimensions; a
 * complaint's verification days; an inspection's kind (the registry's own are in its filters).
 * None is shown until set, so a list opened from a figure shows exactly the filters behind it (and
 * its total equals the figure); the others stay behind 添加筛选.
 */
import { BooleanInput, NumberInput, SelectInput } from 'react-admin';
import { CASE_ORIGIN, NONE, RISK_TIER } from '../../../domain/statistics/dimensions.ts';
import { choicesOf, judgementFilterChoices } from '../buildings/choices.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';

const label = (key: string) => `resources.stats.filters.${key}`;
const fromLabels = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));
/** These filters take `true` only; an unticked box means "no filter". */
const onlyWhenTicked = (value: boolean) => (value ? true : undefined);

const tierChoices = fromLabels(RISK_TIER.labels);

/** The case list's statistics filters: the case's own, then its house's under the registry's names. */
export function statsCaseFilters() {
  return [
    <SelectInput
      key="state"
      source="state"
      label={label('state')}
      choices={[
        { id: 'open', name: label('states.open') },
        { id: 'closed', name: label('states.closed') },
        { id: 'found', name: label('states.found') },
      ]}
    />,
    <SelectInput key="origin" source="origin" label={label('origin')} choices={fromLabels(CASE_ORIGIN.labels)} />,
    <DateTextInput key="dueBefore" source="dueBefore" label={label('dueBefore')} />,
    <DateTextInput key="escalatedFrom" source="escalatedFrom" label={label('escalatedFrom')} />,
    <DateTextInput key="escalatedTo" source="escalatedTo" label={label('escalatedTo')} />,
    <DateTextInput key="closedFrom" source="closedFrom" label={label('closedFrom')} />,
    <DateTextInput key="closedTo" source="closedTo" label={label('closedTo')} />,
    <SelectInput key="riskTier" source="riskTier" label={label('riskTier')} choices={tierChoices} />,
    <SelectInput key="use" source="use" label="resources.buildings.fields.use" choices={choicesOf('use')} />,
    <BooleanInput key="businessUse" source="businessUse" label={label('businessUse')} parse={onlyWhenTicked} />,
    <SelectInput
      key="businessCategory"
      source="businessCategory"
      label="resources.buildings.fields.businessCategory"
      choices={[...choicesOf('businessCategory'), { id: NONE, name: label('noCategory') }]}
    />,
    <SelectInput
      key="structureType"
      source="structureType"
      label="resources.buildings.fields.structureType"
      choices={choicesOf('structureType')}
    />,
    <NumberInput key="minFloors" source="minFloors" label="resources.buildings.fields.minFloors" min={1} sx={{ width: 140 }} />,
    <NumberInput key="maxFloors" source="maxFloors" label={label('maxFloors')} min={1} sx={{ width: 140 }} />,
    <NumberInput key="yearFrom" source="yearFrom" label="resources.buildings.fields.yearFrom" min={1800} sx={{ width: 150 }} />,
    <NumberInput key="yearTo" source="yearTo" label="resources.buildings.fields.yearTo" min={1800} sx={{ width: 150 }} />,
    <BooleanInput key="yearUnknown" source="yearUnknown" label={label('yearUnknown')} parse={onlyWhenTicked} />,
    <SelectInput
      key="appraisalGrade"
      source="appraisalGrade"
      label="resources.buildings.fields.appraisalGrade"
      choices={[...choicesOf('appraisalGrade'), { id: NONE, name: label('noGrade') }]}
    />,
    <SelectInput
      key="latestJudgement"
      source="latestJudgement"
      label="resources.buildings.fields.latestJudgement"
      choices={judgementFilterChoices()}
    />,
  ];
}

/** The complaint list's verification days. */
export function statsComplaintFilters() {
  return [
    <DateTextInput key="verifiedFrom" source="verifiedFrom" label={label('verifiedFrom')} />,
    <DateTextInput key="verifiedTo" source="verifiedTo" label={label('verifiedTo')} />,
  ];
}

/** The inspection list's kind: 日常巡查 or 专项排查. */
export function statsInspectionFilters() {
  return [
    <SelectInput
      key="kind"
      source="kind"
      label={label('kind')}
      choices={[
        { id: 'daily', name: label('kinds.daily') },
        { id: 'special', name: label('kinds.special') },
      ]}
    />,
  ];
}

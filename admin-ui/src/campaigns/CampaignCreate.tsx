/**
 * 发起专项排查 (district officers): a name; which houses (an area, a town or the district, and the
 * building registry's filters with the same choices as the house list); who inspects them and by
 * which day; how many days before it the late are reminded. The API's refusals show on their inputs,
 * a refusal of the filters as a whole above them. On success the campaign's page opens.
 */
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  Create,
  NullableBooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { appraisalFilterChoices, choicesOf, judgementFilterChoices, riskTierChoices } from '../buildings/choices.ts';
import { RegionInput } from '../common/RegionInput.tsx';
import { beijingToday, campaignBody, validateCampaign } from './campaignForm.ts';
import type { CampaignFormValues } from './campaignForm.ts';
import { assigneeChoices } from './choices.ts';
import { CampaignHouseCount } from './CampaignHouseCount.tsx';
import { FiltersError } from './FiltersError.tsx';
import { DateTextInput } from '../common/DateTextInput.tsx';

const field = (name: string) => `resources.buildings.fields.${name}`;
const DEFAULTS: CampaignFormValues = { assigneeRole: 'inspector', remindDaysBefore: 3, filters: {} };

function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 2, width: '100%' }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 0.5 }}>
        {translate(title)}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate(help)}
        </Typography>
      )}
      {children}
    </Box>
  );
}

/** Two inputs a row on wide screens, one on phones. */
const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2, width: '100%' };

export function CampaignCreate() {
  return (
    <Create redirect="show" transform={(values: CampaignFormValues) => campaignBody(values)}>
      <SimpleForm defaultValues={DEFAULTS} validate={(v) => validateCampaign(v as CampaignFormValues)} sx={{ maxWidth: 760 }}>
        <TextInput source="name" fullWidth inputProps={{ maxLength: 100 }} />
        <Section title="resources.campaigns.create.sectionHouses" help="resources.campaigns.create.filtersHelp">
          <RegionInput
            source="regionCode"
            label="resources.campaigns.fields.regionCode"
            helperText="resources.campaigns.create.regionHelp"
          />
          <FiltersError />
          <Box sx={grid}>
            <SelectInput source="filters.riskTier" label={field('riskTier')} choices={riskTierChoices()} fullWidth />
            <SelectInput source="filters.use" label={field('use')} choices={choicesOf('use')} fullWidth />
            <SelectInput
              source="filters.businessCategory"
              label={field('businessCategory')}
              choices={choicesOf('businessCategory')}
              fullWidth
            />
            <SelectInput source="filters.structureType" label={field('structureType')} choices={choicesOf('structureType')} fullWidth />
            <SelectInput source="filters.latestJudgement" label={field('latestJudgement')} choices={judgementFilterChoices()} fullWidth />
            <SelectInput source="filters.appraisalGrade" label={field('appraisalGrade')} choices={appraisalFilterChoices()} fullWidth />
            <NullableBooleanInput source="filters.businessUse" label={field('businessUse')} fullWidth />
            <NumberInput source="filters.minFloors" label={field('minFloors')} min={1} max={60} fullWidth />
            <NumberInput source="filters.maxFloors" label={field('maxFloors')} min={1} max={60} fullWidth />
            <NumberInput source="filters.yearFrom" label={field('yearFrom')} min={1800} fullWidth />
            <NumberInput source="filters.yearTo" label={field('yearTo')} min={1800} fullWidth />
            <NullableBooleanInput source="filters.yearUnknown" label={field('yearUnknown')} fullWidth />
            <DateTextInput source="filters.notInspectedSince" label={field('notInspectedSince')} fullWidth />
          </Box>
          <CampaignHouseCount />
        </Section>
        <Section title="resources.campaigns.create.sectionWork">
          <RadioButtonGroupInput source="assigneeRole" choices={assigneeChoices} />
          <Box sx={grid}>
            <DateTextInput source="dueAt" helperText="resources.campaigns.create.dueHelp" min={beijingToday()} fullWidth />
            <NumberInput source="remindDaysBefore" min={0} max={60} helperText="resources.campaigns.create.remindHelp" fullWidth />
          </Box>
        </Section>
      </SimpleForm>
    </Create>
  );
}

/**
 * The building form, shared by create and edit, in the house file's five groups. Enums are selects;
 * a new house is placed in a village (its code is made from it), an existing one keeps its village.
 */
import {
  NullableBooleanInput,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  required,
  useRecordContext,
} from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';
import { ApprovalsInput } from './ApprovalsInput.tsx';
import { choicesOf } from './choices.ts';
import { FormSection } from './FormSection.tsx';
import type { BuildingRecord } from './types.ts';
import { useHouseFile } from './useHouseFile.ts';
import { integer, phone, rule } from './validation.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';

const year = [integer, minValue(1800), maxValue(2100)];
const masked = (value: unknown) => typeof value === 'string' && value.includes('*');

export function BuildingForm({ mode }: { mode: 'create' | 'edit' }) {
  const record = useRecordContext<BuildingRecord>();
  const ownerHelper = (field: 'ownerName' | 'ownerPhone') =>
    mode === 'edit' && masked(record?.[field]) ? 'resources.buildings.helpers.ownerMasked' : false;
  const unknown = 'resources.buildings.values.unknown';
  // While a case of the house is open, its safety state is the cases' to say (the API refuses an edit).
  const file = useHouseFile(mode === 'edit' ? record?.code : undefined);
  const fromCases = ((file.data?.cases ?? []) as { status: string }[]).some((c) => c.status !== 'closed' && c.status !== 'cancelled');
  const stateInput = fromCases ? { readOnly: true, helperText: 'resources.buildings.helpers.stateFromCases' } : {};

  return (
    <SimpleForm
      sx={{ maxWidth: 1100 }}
      defaultValues={mode === 'create' ? { floorsBelow: 0, alteration: 'none', approvals: [] } : undefined}
    >
      <FormSection title="resources.buildings.groups.basic">
        {mode === 'create' ? (
          <RegionInput
            source="villageCode"
            level="village"
            label="resources.buildings.fields.villageCode"
            validate={required()}
            helperText="resources.buildings.helpers.villageCode"
            fullWidth
          />
        ) : (
          <TextInput source="villageName" readOnly helperText={false} />
        )}
        <TextInput source="address" validate={[required(), minLength(2), maxLength(200)]} className="wide" />
        <TextInput source="ownerName" validate={maxLength(50)} helperText={ownerHelper('ownerName')} />
        <TextInput source="ownerPhone" validate={phone} helperText={ownerHelper('ownerPhone')} inputProps={{ inputMode: 'tel' }} />
        <TextInput source="externalId" validate={maxLength(64)} />
        <NumberInput source="floorsAbove" validate={[required(), integer, minValue(1), maxValue(60)]} />
        <NumberInput source="floorsBelow" validate={[integer, minValue(0), maxValue(10)]} />
        <NumberInput source="floorArea" validate={[minValue(0.01), maxValue(100_000)]} />
        <NumberInput source="yearBuilt" validate={[...year, rule('yearBuilt')]} />
        <SelectInput source="structureType" choices={choicesOf('structureType')} validate={required()} />
        <SelectInput source="foundationType" choices={choicesOf('foundationType')} />
        <NumberInput
          source="longitude"
          validate={[minValue(73), maxValue(136), rule('longitude')]}
          helperText="resources.buildings.helpers.coordinates"
        />
        <NumberInput source="latitude" validate={[minValue(3), maxValue(54), rule('latitude')]} helperText={false} />
      </FormSection>

      <FormSection title="resources.buildings.groups.construction">
        <NullableBooleanInput source="professionallyDesigned" nullLabel={unknown} />
        <NullableBooleanInput source="qualifiedBuilder" nullLabel={unknown} />
        <SelectInput source="alteration" choices={choicesOf('alteration')} validate={required()} />
        <NumberInput
          source="alterationYear"
          validate={[...year, rule('alterationYear')]}
          helperText="resources.buildings.helpers.alterationYear"
        />
        <ApprovalsInput code={mode === 'edit' ? record?.code : undefined} />
      </FormSection>

      <FormSection title="resources.buildings.groups.management">
        <SelectInput source="use" choices={choicesOf('use')} validate={required()} />
        <SelectInput
          source="businessCategory"
          choices={choicesOf('businessCategory')}
          validate={rule('businessCategory')}
          helperText="resources.buildings.helpers.businessCategory"
        />
        <NumberInput source="occupants" validate={[integer, minValue(0), maxValue(10_000)]} />
      </FormSection>

      <FormSection title="resources.buildings.groups.inspection">
        <SelectInput source="latestJudgement" choices={choicesOf('latestJudgement')} validate={rule('latestJudgement')} {...stateInput} />
        <DateTextInput source="latestJudgementAt" validate={rule('latestJudgementAt')} {...stateInput} />
      </FormSection>

      <FormSection title="resources.buildings.groups.rectification">
        <SelectInput source="rectificationStatus" choices={choicesOf('rectificationStatus')} {...stateInput} />
        <SelectInput source="appraisalGrade" choices={choicesOf('appraisalGrade')} validate={rule('appraisalGrade')} />
        <DateTextInput source="appraisalDate" validate={rule('appraisalDate')} />
        <TextInput source="appraisalReport" validate={maxLength(500)} className="wide" />
        <TextInput source="rectificationMeasures" validate={maxLength(1000)} multiline minRows={2} className="wide" {...stateInput} />
      </FormSection>
    </SimpleForm>
  );
}

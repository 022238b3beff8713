/**
 * 分派: who must rectify (the owner first, 建村〔2023〕18号), the measures, and the deadline when not
 * the default for the severity; then, when the house has other cases waiting, those to assign with it.
 */
import { CheckboxGroupInput, SelectInput, TextInput, maxLength, required, useTranslate } from 'react-admin';
import type { Validator } from 'react-admin';
import { ResponsibleParty } from '../../../../definitions/hazard-case/v1/forms.ts';
import { hazardCaseDefinition } from '../../../../definitions/hazard-case/index.ts';
import { AssignTogetherInputs } from './AssignTogetherInputs.tsx';
import { measureChoices, relationChoices } from './choices.ts';
import { togetherDefaults } from './together.ts';
import type { StepInputsProps } from './types.ts';
import { DateTextInput } from '../../common/DateTextInput.tsx';

/** The API's own pattern (mobile, or landline with area code), from the form schema. */
const PHONE = new RegExp(ResponsibleParty.properties.phone.pattern ?? '.*');

const phone: Validator = (value: unknown) =>
  typeof value !== 'string' || value.trim() === '' || PHONE.test(value.trim()) ? undefined : 'resources.tasks.validation.phone';

/** Today in Beijing as YYYY-MM-DD: no deadline before it. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

const notPast: Validator = (value: unknown) =>
  typeof value === 'string' && value !== '' && value < today() ? 'resources.tasks.validation.pastDate' : undefined;

export function AssignInputs({ record, context }: StepInputsProps) {
  const translate = useTranslate();
  const days = hazardCaseDefinition(record.definitionVersion).steps.rectify.deadlineDays[record.severity];
  return (
    <>
      <TextInput
        source="responsibleParty.name"
        label="resources.tasks.fields.responsibleName"
        validate={[required(), maxLength(50)]}
        fullWidth
      />
      <TextInput
        source="responsibleParty.phone"
        label="resources.tasks.fields.responsiblePhone"
        validate={phone}
        helperText="resources.tasks.helpers.phone"
        fullWidth
        inputProps={{ inputMode: 'tel', autoComplete: 'off' }}
      />
      <SelectInput
        source="responsibleParty.relation"
        label="resources.tasks.fields.relation"
        choices={relationChoices}
        validate={required()}
        helperText="resources.tasks.helpers.relation"
        fullWidth
      />
      <CheckboxGroupInput
        source="measures"
        label="resources.tasks.fields.measures"
        choices={measureChoices}
        validate={required()}
        row={false}
      />
      <DateTextInput
        source="rectifyDeadline"
        label="resources.tasks.fields.rectifyDeadline"
        validate={notPast}
        helperText={days === null ? false : translate('resources.tasks.helpers.rectifyDeadline', { days })}
        fullWidth
        min={today()}
      />
      <TextInput source="note" label="resources.tasks.fields.note" validate={maxLength(500)} multiline minRows={2} fullWidth />
      <AssignTogetherInputs entries={togetherDefaults(context)} />
    </>
  );
}

/**
 * 登记隐患: a hazard found at a house opens a case. The building code comes prefilled from the house
 * file (`?buildingCode=…`); the severity follows the preliminary judgement. On success the case page
 * opens, showing the new case waiting for its assignment.
 */
import {
  Create,
  FormDataConsumer,
  useNotify,
  useRedirect,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  minLength,
  required,
} from 'react-admin';
import type { Validator } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { buildingCodeProblem, normaliseBuildingCode } from '../../../domain/buildings/code.ts';
import { BuildingPreview } from './BuildingPreview.tsx';
import { categoryChoices, severityChoices } from './choices.ts';
import { SeverityOption } from './SeverityOption.tsx';
import type { CaseDetail } from './types.ts';

const buildingCode: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const problem = buildingCodeProblem(value);
  return problem ? `resources.cases.validation.buildingCode.${problem}` : undefined;
};

const parseCode = (value: string) => normaliseBuildingCode(value ?? '');

export function CaseCreate() {
  const { search } = useLocation();
  const prefilled = new URLSearchParams(search).get('buildingCode') ?? '';
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (created: CaseDetail) => {
    notify('resources.cases.notifications.registered', { type: 'success', messageArgs: { number: created.number } });
    redirect('show', 'cases', created.id);
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ buildingCode: normaliseBuildingCode(prefilled) }} sx={{ maxWidth: 720 }}>
        <TextInput
          source="buildingCode"
          validate={[required(), buildingCode]}
          parse={parseCode}
          helperText="resources.cases.helpers.buildingCode"
          fullWidth
          inputProps={{ autoComplete: 'off', spellCheck: false }}
        />
        <FormDataConsumer<{ buildingCode?: string }>>{({ formData }) => <BuildingPreview code={formData.buildingCode} />}</FormDataConsumer>
        <SelectInput source="category" choices={categoryChoices} validate={required()} fullWidth />
        <RadioButtonGroupInput
          source="severity"
          choices={severityChoices}
          optionText={<SeverityOption />}
          validate={required()}
          row={false}
          helperText="resources.cases.helpers.severityHelp"
        />
        <TextInput
          source="description"
          validate={[required(), minLength(2), maxLength(2000)]}
          multiline
          minRows={4}
          fullWidth
          helperText="resources.cases.helpers.description"
        />
      </SimpleForm>
    </Create>
  );
}

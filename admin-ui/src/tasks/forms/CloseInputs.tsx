/**
 * 销号: the warning sign comes down (销号摘牌) and the outcome is recorded. A serious case needs an
 * appraisal grade A or B, or proof that the house was demolished.
 */
import { BooleanInput, FormDataConsumer, SelectInput, TextInput, maxLength } from 'react-admin';
import { appraisalGradeChoices } from './choices.ts';
import { EvidenceInput } from './EvidenceInput.tsx';
import { TickInput } from './TickInput.tsx';
import type { StepInputsProps } from './types.ts';

export function CloseInputs({ record }: StepInputsProps) {
  return (
    <>
      <TickInput source="signRemoved" label="resources.tasks.fields.signRemoved" requiredMessage="resources.tasks.validation.signRemoved" />
      <SelectInput
        source="appraisalGrade"
        label="resources.tasks.fields.appraisalGrade"
        choices={appraisalGradeChoices}
        emptyText="resources.tasks.values.notAppraised"
        helperText={record.severity === 'serious' ? 'resources.tasks.helpers.seriousClose' : false}
        fullWidth
      />
      <BooleanInput source="demolished" label="resources.tasks.fields.demolished" />
      <FormDataConsumer<{ demolished?: boolean }>>
        {({ formData }) =>
          formData.demolished === true && (
            <EvidenceInput
              source="demolitionFileIds"
              label="resources.tasks.fields.demolitionFiles"
              caseId={record.id}
              accept="images+pdf"
            />
          )
        }
      </FormDataConsumer>
      <TextInput source="note" label="resources.tasks.fields.note" validate={maxLength(500)} multiline minRows={2} fullWidth />
    </>
  );
}

/** 复核: pass or fail the rectification; a failure says why (it goes back to rectify). */
import { FormDataConsumer, RadioButtonGroupInput, TextInput, maxLength, required } from 'react-admin';
import { recheckResultChoices } from './choices.ts';
import { EvidenceInput } from './EvidenceInput.tsx';
import type { StepInputsProps } from './types.ts';

export function RecheckInputs({ record }: StepInputsProps) {
  return (
    <>
      <RadioButtonGroupInput
        source="result"
        label="resources.tasks.fields.recheckResult"
        choices={recheckResultChoices}
        validate={required()}
      />
      <FormDataConsumer<{ result?: string }>>
        {({ formData }) =>
          formData.result === 'fail' && (
            <TextInput
              source="reasons"
              label="resources.tasks.fields.reasons"
              validate={[required(), maxLength(500)]}
              helperText="resources.tasks.helpers.reasons"
              multiline
              minRows={3}
              fullWidth
            />
          )
        }
      </FormDataConsumer>
      <EvidenceInput source="fileIds" label="resources.tasks.fields.recheckPhotos" caseId={record.id} accept="images" />
    </>
  );
}

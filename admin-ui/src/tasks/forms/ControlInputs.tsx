/** 管控 (serious hazards): what was done on site within 24 hours, with photos of it. */
import { CheckboxGroupInput, TextInput, maxLength, required } from 'react-admin';
import { controlMeasureChoices } from './choices.ts';
import { EvidenceInput } from './EvidenceInput.tsx';
import type { StepInputsProps } from './types.ts';

export function ControlInputs({ record }: StepInputsProps) {
  return (
    <>
      <CheckboxGroupInput
        source="measuresTaken"
        label="resources.tasks.fields.measuresTaken"
        choices={controlMeasureChoices}
        validate={required()}
        row={false}
      />
      <EvidenceInput source="fileIds" label="resources.tasks.fields.controlPhotos" caseId={record.id} accept="images" min={1} />
      <TextInput source="note" label="resources.tasks.fields.note" validate={maxLength(500)} multiline minRows={2} fullWidth />
    </>
  );
}

/** 督办退回处理: the district officer resends the refused escalation or records it handled, saying how. */
import { RadioButtonGroupInput, TextInput, maxLength, required } from 'react-admin';
import { escalationActionChoices } from './choices.ts';
import type { StepInputsProps } from './types.ts';

export function EscalationRefusedInputs(_props: StepInputsProps) {
  return (
    <>
      <RadioButtonGroupInput
        source="action"
        label="resources.tasks.fields.escalationAction"
        choices={escalationActionChoices}
        validate={required()}
        row={false}
      />
      <TextInput
        source="note"
        label="resources.tasks.fields.escalationNote"
        validate={[required(), maxLength(500)]}
        multiline
        minRows={3}
        fullWidth
      />
    </>
  );
}

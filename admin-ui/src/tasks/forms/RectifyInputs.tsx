/**
 * 整改: the owner's rectification evidence as the inspector submits it: what was done, photos (and
 * documents), the appraisal grade and report where one was made, or that the house was demolished.
 */
import { BooleanInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
import { appraisalGradeChoices } from './choices.ts';
import { EvidenceInput } from './EvidenceInput.tsx';
import type { StepInputsProps } from './types.ts';

export function RectifyInputs({ record }: StepInputsProps) {
  return (
    <>
      <TextInput
        source="description"
        label="resources.tasks.fields.rectifyDescription"
        validate={[required(), maxLength(1000)]}
        multiline
        minRows={3}
        fullWidth
      />
      <EvidenceInput source="fileIds" label="resources.tasks.fields.rectifyFiles" caseId={record.id} accept="images+pdf" min={1} />
      <SelectInput
        source="appraisalGrade"
        label="resources.tasks.fields.appraisalGrade"
        choices={appraisalGradeChoices}
        emptyText="resources.tasks.values.notAppraised"
        helperText="resources.tasks.helpers.appraisalGrade"
        fullWidth
      />
      <EvidenceInput
        source="appraisalReportFileId"
        label="resources.tasks.fields.appraisalReport"
        caseId={record.id}
        accept="pdf"
        single
        helperText="resources.tasks.helpers.appraisalReport"
      />
      <BooleanInput source="demolished" label="resources.tasks.fields.demolished" />
    </>
  );
}

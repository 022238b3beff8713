/**
 * The inputs of the on-site verification: 属实 or 不属实, then for a confirmed complaint the hazard's
 * severity and, when the citizen picked a point on the map rather than scanning a house, the code
 * of the house found there (checked as typed, and shown so a mistyped code is noticed); the reply
 * the citizen will read, and an internal note they never see.
 */
import { Box } from '@mui/material';
import { RadioButtonGroupInput, TextInput, maxLength, minLength, required } from 'react-admin';
import type { Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { buildingCodeProblem, normaliseBuildingCode } from '../../../domain/buildings/code.ts';
import { BuildingPreview } from '../cases/BuildingPreview.tsx';
import { severityChoices } from '../cases/choices.ts';
import { SeverityOption } from '../cases/SeverityOption.tsx';
import { resultChoices } from './choices.ts';
import type { VerifyBody } from './types.ts';

/** The form's values; `buildingCode` only matters for a confirmed complaint without a house. */
export interface VerifyValues {
  result?: VerifyBody['result'];
  reply: string;
  severity: NonNullable<VerifyBody['severity']>;
  buildingCode: string;
  note: string;
}

export const MAX_REPLY = 500;
export const MAX_NOTE = 1000;

/** Said as the API says it, so a missing code reads the same whichever side notices. */
const codeRequired: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : 'resources.complaints.validation.buildingCodeRequired';

const codeFormat: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const problem = buildingCodeProblem(value);
  return problem ? `resources.cases.validation.buildingCode.${problem}` : undefined;
};

const parseCode = (value: string) => normaliseBuildingCode(value ?? '');

export function VerifyInputs({ needsHouse }: { needsHouse: boolean }) {
  const result = useWatch<VerifyValues, 'result'>({ name: 'result' });
  const code = useWatch<VerifyValues, 'buildingCode'>({ name: 'buildingCode' });
  const confirmed = result === 'confirmed';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column' }}>
      <RadioButtonGroupInput
        source="result"
        label="resources.complaints.fields.result"
        choices={resultChoices}
        validate={required()}
        helperText={false}
        row
      />
      {confirmed && (
        <RadioButtonGroupInput
          source="severity"
          label="resources.complaints.fields.severity"
          choices={severityChoices}
          optionText={<SeverityOption />}
          helperText={false}
          row={false}
        />
      )}
      {confirmed && needsHouse && (
        <>
          <TextInput
            source="buildingCode"
            label="resources.complaints.fields.buildingCode"
            validate={[codeRequired, codeFormat]}
            parse={parseCode}
            helperText="resources.complaints.help.buildingCode"
            isRequired
            fullWidth
            inputProps={{ autoComplete: 'off', spellCheck: false }}
          />
          <BuildingPreview code={code} />
        </>
      )}
      <TextInput
        source="reply"
        label="resources.complaints.fields.reply"
        validate={[required(), minLength(2), maxLength(MAX_REPLY)]}
        helperText="resources.complaints.help.reply"
        multiline
        minRows={3}
        fullWidth
      />
      <TextInput
        source="note"
        label="resources.complaints.fields.verifyNote"
        validate={maxLength(MAX_NOTE)}
        helperText="resources.complaints.help.note"
        multiline
        minRows={2}
        fullWidth
      />
    </Box>
  );
}

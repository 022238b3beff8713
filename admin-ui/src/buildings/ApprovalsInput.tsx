/**
 * The approvals of a building (permits, business licences), any number of them, each with its number,
 * issuer and date, and on an existing house its scanned certificate.
 */
import { ArrayInput, SelectInput, SimpleFormIterator, TextInput, maxLength, required } from 'react-admin';
import { ApprovalScanInput } from './ApprovalScanInput.tsx';
import { choicesOf } from './choices.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';
import { beijingDay } from '../common/dates.ts';

/** An approval dated after today (the Beijing calendar day, whatever the browser's zone) is refused. */
export const todayOrEarlier = (value: unknown, now: Date = new Date()) =>
  typeof value === 'string' && value > beijingDay(now) ? 'resources.buildings.validation.future' : undefined;

/** An emptied issuer is sent as null (the API refuses an empty string). */
const nullIfEmpty = (value: unknown) => (value === '' ? null : value);

export function ApprovalsInput({ code }: { code?: string | undefined }) {
  return (
    <ArrayInput source="approvals" className="wide">
      <SimpleFormIterator inline disableReordering>
        <SelectInput
          source="type"
          label="resources.buildings.approval.type"
          choices={choicesOf('approvalType')}
          validate={required()}
          sx={{ minWidth: 220 }}
        />
        <TextInput source="number" label="resources.buildings.approval.number" validate={[required(), maxLength(100)]} />
        <TextInput source="issuer" label="resources.buildings.approval.issuer" validate={maxLength(100)} parse={nullIfEmpty} />
        <DateTextInput source="date" label="resources.buildings.approval.date" validate={(value: unknown) => todayOrEarlier(value)} />
        {code ? <ApprovalScanInput code={code} /> : null}
      </SimpleFormIterator>
    </ArrayInput>
  );
}

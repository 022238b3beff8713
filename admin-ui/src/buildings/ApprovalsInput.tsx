/** The approvals of a building (permits and their numbers and dates), any number of them. */
import { ArrayInput, SelectInput, SimpleFormIterator, TextInput, maxLength, required } from 'react-admin';
import { choicesOf } from './choices.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';
import { beijingDay } from '../common/dates.ts';

/** An approval dated after today (the Beijing calendar day, whatever the browser's zone) is refused. */
export const todayOrEarlier = (value: unknown, now: Date = new Date()) =>
  typeof value === 'string' && value > beijingDay(now) ? 'resources.buildings.validation.future' : undefined;

export function ApprovalsInput() {
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
        <DateTextInput source="date" label="resources.buildings.approval.date" validate={(value: unknown) => todayOrEarlier(value)} />
      </SimpleFormIterator>
    </ArrayInput>
  );
}

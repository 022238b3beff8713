/** Filters the API offers on the audit trail: action, where it is kept, region, actor, and a time window. */
import { SelectInput, TextInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';
import { KNOWN_ACTIONS, SOURCES } from './types.ts';
import { DateTextInput } from '../common/DateTextInput.tsx';
import { beijingDay, beijingDayBound } from '../common/dates.ts';

const actionChoices = KNOWN_ACTIONS.map((id) => ({ id, name: `resources.audit-log.actions.${id}` }));
const sourceChoices = SOURCES.map((id) => ({ id, name: `resources.audit-log.sources.${id}` }));

/** The window is picked by Beijing days; the API wants instants (the first and last of those days). */
const dayStart = (day: string) => beijingDayBound(day, 'start');
const dayEnd = (day: string) => beijingDayBound(day, 'end');
const dayOf = (value: unknown) => (typeof value === 'string' && value.includes('T') ? beijingDay(value) : String(value ?? ''));

export const auditLogFilters = [
  <SelectInput key="action" source="action" choices={actionChoices} alwaysOn />,
  <SelectInput key="source" source="source" choices={sourceChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" label="resources.audit-log.fields.regionCode" />,
  <DateTextInput key="from" source="from" toValue={dayStart} fromValue={dayOf} />,
  <DateTextInput key="to" source="to" toValue={dayEnd} fromValue={dayOf} />,
  <TextInput key="actorId" source="actorId" />,
];

/** Filters the API offers on the audit trail: action, where it is kept, region, actor, and a time window. */
import { DateTimeInput, SelectInput, TextInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput.tsx';
import { KNOWN_ACTIONS, SOURCES } from './types.ts';

const actionChoices = KNOWN_ACTIONS.map((id) => ({ id, name: `resources.audit-log.actions.${id}` }));
const sourceChoices = SOURCES.map((id) => ({ id, name: `resources.audit-log.sources.${id}` }));

/** The datetime input speaks local wall-clock time; the API wants an instant. */
const toInstant = (value: string | null) => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

export const auditLogFilters = [
  <SelectInput key="action" source="action" choices={actionChoices} alwaysOn />,
  <SelectInput key="source" source="source" choices={sourceChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" label="resources.audit-log.fields.regionCode" />,
  <DateTimeInput key="from" source="from" parse={toInstant} />,
  <DateTimeInput key="to" source="to" parse={toInstant} />,
  <TextInput key="actorId" source="actorId" />,
];

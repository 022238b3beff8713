/** The case enumerations as select choices; names are translation keys (`resources.cases.enums.…`). */
import { CASE_CATEGORIES, CASE_STATUSES, SEVERITIES } from './types.ts';

const choices = (field: string, values: readonly string[]) => values.map((id) => ({ id, name: `resources.cases.enums.${field}.${id}` }));

export const categoryChoices = choices('category', CASE_CATEGORIES);
export const statusChoices = choices('status', CASE_STATUSES);
export const severityChoices = choices('severity', SEVERITIES);

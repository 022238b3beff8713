/**
 * The step forms' enumerations as choices. The values come from the definition's label maps
 * (`definitions/hazard-case/labels.ts`), so the UI offers exactly what the API accepts; names are
 * translation keys (`resources.tasks.enums.<map>.<value>`), whose Chinese words are those maps'.
 */
import {
  APPRAISAL_GRADES,
  CONTROL_MEASURES,
  ESCALATION_ACTIONS,
  MEASURES,
  RECHECK_RESULTS,
  RELATIONS,
} from '../../../../definitions/hazard-case/labels.ts';

const choices = (map: string, labels: Record<string, string>) =>
  Object.keys(labels).map((id) => ({ id, name: `resources.tasks.enums.${map}.${id}` }));

export const measureChoices = choices('measures', MEASURES);
export const relationChoices = choices('relations', RELATIONS);
export const controlMeasureChoices = choices('controlMeasures', CONTROL_MEASURES);
export const recheckResultChoices = choices('recheckResults', RECHECK_RESULTS);
export const escalationActionChoices = choices('escalationActions', ESCALATION_ACTIONS);
export const appraisalGradeChoices = Object.keys(APPRAISAL_GRADES).map((id) => ({
  id,
  name: `resources.buildings.enums.appraisalGrade.${id}`,
}));

/** Narrows a form value to one of a label map's keys. */
export function oneOf<T extends Record<string, string>>(labels: T, value: unknown): (keyof T & string) | undefined {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? value : undefined;
}

/** Narrows a form value to the label map's keys it contains, in order, without repeats. */
export function someOf<T extends Record<string, string>>(labels: T, value: unknown): (keyof T & string)[] {
  if (!Array.isArray(value)) return [];
  const picked = value.map((v) => oneOf(labels, v)).filter((v): v is keyof T & string => v !== undefined);
  return [...new Set(picked)];
}

/**
 * Client-side checks of the building form, in Chinese through the i18n keys. The rules across
 * fields are the domain's own (`buildingRuleProblems`), the same the API and the importer apply, so
 * the form says the same thing the server would; the server still judges and its field errors land
 * on the same inputs.
 */
import type { Validator } from 'react-admin';
import { buildingRuleProblems } from '../../../domain/buildings/rules.ts';
import type { BuildingState } from '../../../domain/buildings/rules.ts';

/** The cross-field rule of one field, e.g. "经营用房须填写经营类别" on `businessCategory`. */
export function rule(field: string): Validator {
  return (_value: unknown, values: unknown) =>
    buildingRuleProblems((values ?? {}) as BuildingState, '').find((p) => p.field === field)?.message;
}

export const integer: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'resources.buildings.validation.integer';

const PHONE = /^[0-9+\- ]{5,20}$/;

/** A phone number as the API accepts it. A masked number (138****5678) left untouched is not sent. */
export const phone: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value === '' || value.includes('*')) return undefined;
  return PHONE.test(value) ? undefined : 'resources.buildings.validation.phone';
};

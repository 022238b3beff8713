/**
 * The completion forms of the hazard case, by definition version (TypeBox, for the API). A case is
 * completed with the forms of the version it started with.
 */
import type { TSchema } from '@sinclair/typebox';
import type { StepId } from './types.ts';
import { HAZARD_FORMS_V1 } from './v1/forms.ts';

/** The labels and input types of the latest version. */
export {
  APPRAISAL_GRADES,
  CONTROL_MEASURES,
  ESCALATION_ACTIONS,
  MEASURES,
  RECHECK_RESULTS,
  RELATIONS,
  type AssignFormInput,
  type CloseFormInput,
  type ControlFormInput,
  type EscalationRefusedFormInput,
  type HazardFormInputs,
  type RecheckFormInput,
  type RectifyFormInput,
} from './v1/forms.ts';

export const HAZARD_FORMS: Readonly<Record<number, Readonly<Record<StepId, TSchema>>>> = { 1: HAZARD_FORMS_V1, 2: HAZARD_FORMS_V1 };

/** The step forms of `version`; throws for a version that has none. */
export function hazardForms(version: number): Readonly<Record<StepId, TSchema>> {
  const forms = HAZARD_FORMS[version];
  if (!forms) throw new Error(`No hazard case forms for definition version ${String(version)}`);
  return forms;
}

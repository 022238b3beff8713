/** The labels of the latest forms' enumerations, without the schemas (the UI's main bundle needs no TypeBox). */
export { APPRAISAL_GRADES, CONTROL_MEASURES, ESCALATION_ACTIONS, MEASURES, RECHECK_RESULTS, RELATIONS } from './v1/labels.ts';

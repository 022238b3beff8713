/**
 * The hazard case definitions by version, and lookups over them. Pure: Temporal workflow code, the API
 * and the UI import this barrel. The TypeBox completion forms live apart in `forms.ts` (API only).
 */
import type { HazardCaseDefinition, StepDefinition } from './types.ts';
import { HAZARD_CASE_V1 } from './v1/definition.ts';
import { HAZARD_CASE_V2 } from './v2/definition.ts';

export type {
  CaseRole,
  EscalationReason,
  HazardCaseDefinition,
  Hop,
  RegionLevel,
  Route,
  Severity,
  StepDefinition,
  StepId,
  StepStatus,
} from './types.ts';
export { hopsOf, outcomeOf, routeTaken } from './routing.ts';
export type { RouteContext, RouteTaken } from './routing.ts';
export { HAZARD_CASE_V1 } from './v1/definition.ts';
export { HAZARD_CASE_V2 } from './v2/definition.ts';

/** Every version still needed: a running case keeps the version it started with. */
export const HAZARD_CASE_DEFINITIONS: Readonly<Record<number, HazardCaseDefinition>> = { 1: HAZARD_CASE_V1, 2: HAZARD_CASE_V2 };

/** The version new cases start with. */
export const LATEST_HAZARD_CASE_VERSION = 2;

/** Each version's BPMN file, relative to the repository root (read by whoever serves the diagram). */
export const HAZARD_CASE_BPMN_FILES: Readonly<Record<number, string>> = {
  1: 'definitions/hazard-case/v1/hazard-case.bpmn',
  // Version 2 changed timings only: the process and its diagram are version 1's.
  2: 'definitions/hazard-case/v1/hazard-case.bpmn',
};

/** The definition of `version`; an unknown version is a programming or data error, so it throws. */
export function hazardCaseDefinition(version: number): HazardCaseDefinition {
  const def = HAZARD_CASE_DEFINITIONS[version];
  if (!def) {
    const known = Object.keys(HAZARD_CASE_DEFINITIONS).join(', ');
    throw new Error(`Unknown hazard case definition version ${String(version)} (known: ${known})`);
  }
  return def;
}

/** The step an element belongs to: its user task, its deadline timer or its overdue end event. */
export function stepByElement(def: HazardCaseDefinition, elementId: string): StepDefinition | undefined {
  return Object.values(def.steps).find((s) => [s.elementId, s.timerElementId, s.overdueElementId].includes(elementId));
}

/** Every element id the workflow may report: each step's task, timer and overdue event, and the other elements. */
export function allElementIds(def: HazardCaseDefinition): string[] {
  const fromSteps = Object.values(def.steps).flatMap((s) => [s.elementId, s.timerElementId, s.overdueElementId]);
  const ids = [...fromSteps, ...Object.values(def.elements)].filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

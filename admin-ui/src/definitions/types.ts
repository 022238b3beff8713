/** The process definition shapes as the API returns them (`/api/definitions/hazard…`). */
import type { StepDefinition, StepId } from '../../../definitions/hazard-case/index.ts';

export interface DefinitionVersion {
  version: number;
  name: string;
  steps: Record<StepId, StepDefinition>;
}

/** `GET /api/definitions/hazard`. */
export interface HazardDefinitions {
  latest: number;
  versions: DefinitionVersion[];
}

/** `GET /api/definitions/hazard/:version/stats`: cases now at each element, and cases that passed it. */
export interface DefinitionStats {
  elements: Record<string, { active: number; passed: number }>;
  cases: number;
}

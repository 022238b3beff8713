/** The process definition calls: the versions, each version's diagram, and where cases stand in it. */
import type { StepDefinition, StepId } from '../../../definitions/hazard-case/index.ts';
import { apiDownload, apiRequest } from '../http.ts';

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

const versionPath = (version: number) => `/api/definitions/hazard/${String(version)}`;

export async function fetchDefinitions(signal?: AbortSignal): Promise<HazardDefinitions> {
  return (await apiRequest('/api/definitions/hazard', { signal })) as HazardDefinitions;
}

/** The BPMN 2.0 XML of one version. */
export async function fetchBpmnXml(version: number, signal?: AbortSignal): Promise<string> {
  const file = await apiDownload(`${versionPath(version)}/bpmn`, { signal });
  return file.blob.text();
}

export async function fetchDefinitionStats(version: number, regionCode: string | null, signal?: AbortSignal): Promise<DefinitionStats> {
  const query = regionCode ? `?${new URLSearchParams({ regionCode }).toString()}` : '';
  return (await apiRequest(`${versionPath(version)}/stats${query}`, { signal })) as DefinitionStats;
}

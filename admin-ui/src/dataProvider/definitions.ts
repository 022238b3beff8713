/** The process definition calls: the versions, each version's diagram, and where cases stand in it. */
import type { DefinitionStats, HazardDefinitions } from '../definitions/types.ts';
import { apiDownload, apiRequest } from '../http.ts';
import { url } from './request.ts';
import type { Query } from './request.ts';

const versionPath = (version: number) => `/definitions/hazard/${String(version)}`;

export interface DefinitionCalls {
  hazardDefinitions(signal?: AbortSignal): Promise<HazardDefinitions>;
  /** The BPMN 2.0 XML of one version. */
  bpmnXml(version: number, signal?: AbortSignal): Promise<string>;
  /** Cases now at each element and cases that passed it, in `regionCode` when given. */
  definitionStats(version: number, regionCode: string | null, signal?: AbortSignal): Promise<DefinitionStats>;
}

export const definitionCalls: DefinitionCalls = {
  async hazardDefinitions(signal) {
    return (await apiRequest(url('/definitions/hazard'), { signal })) as HazardDefinitions;
  },

  async bpmnXml(version, signal) {
    const file = await apiDownload(url(`${versionPath(version)}/bpmn`), { signal });
    return file.blob.text();
  },

  async definitionStats(version, regionCode, signal) {
    const query: Query = regionCode ? { regionCode } : {};
    return (await apiRequest(url(`${versionPath(version)}/stats`, query), { signal })) as DefinitionStats;
  },
};

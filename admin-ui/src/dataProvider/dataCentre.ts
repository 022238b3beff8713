/** The data centre's calls (issue 20): the completeness report and the higher-level platforms' credentials. */
import type { CompletenessReport } from '../../../domain/completeness/report.ts';
import type { ApiClient } from '../../../domain/api-clients/store.ts';
import { apiRequest } from '../http.ts';
import { segment, url } from './request.ts';

export interface DataCentreCalls {
  completeness(regionCode: string | undefined, signal?: AbortSignal): Promise<CompletenessReport>;
  apiClients(signal?: AbortSignal): Promise<{ data: ApiClient[]; total: number }>;
  /** The answer holds the token, shown once. */
  createApiClient(
    body: { name: string; regionCode: string; personalData: boolean },
    idempotencyKey: string,
  ): Promise<{ client: ApiClient; token: string }>;
  revokeApiClient(id: string, idempotencyKey: string): Promise<ApiClient>;
}

export const dataCentreCalls: DataCentreCalls = {
  completeness: async (regionCode, signal) =>
    (await apiRequest(url('/completeness', regionCode ? { regionCode } : {}), { signal })) as CompletenessReport,
  apiClients: async (signal) => (await apiRequest(url('/api-clients'), { signal })) as { data: ApiClient[]; total: number },
  createApiClient: async (body, idempotencyKey) =>
    (await apiRequest(url('/api-clients'), { method: 'POST', body, idempotencyKey })) as { client: ApiClient; token: string },
  revokeApiClient: async (id, idempotencyKey) =>
    (await apiRequest(url(`/api-clients/${segment(id)}/revoke`), { method: 'POST', idempotencyKey })) as ApiClient,
};

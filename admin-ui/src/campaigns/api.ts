/**
 * The special-inspection calls beyond react-admin's CRUD (which `dataProvider` serves for
 * `campaigns`): the houses of a campaign by village and status, the houses waiting in the caller's
 * inbox, and withdrawing a campaign with the Idempotency-Key of the user action.
 */
import { apiRequest } from '../http.ts';
import type { Campaign, CampaignHouse, CampaignItem, CampaignTask } from './types.ts';

export interface Page<T> {
  data: T[];
  total: number;
}

const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

export async function fetchCampaignHouses(
  id: string,
  params: { regionCode?: string; status?: CampaignItem['status']; page: number; perPage: number },
  signal?: AbortSignal,
): Promise<Page<CampaignHouse>> {
  const search = query({ ...params, sort: 'buildingCode', order: 'asc' });
  return (await apiRequest(`${campaignPath(id)}/items?${search}`, { signal })) as Page<CampaignHouse>;
}

/** The houses waiting for the signed-in user, soonest deadline first. */
export async function fetchCampaignTasks(params: { page: number; perPage: number }, signal?: AbortSignal): Promise<Page<CampaignTask>> {
  const search = query({ ...params, sort: 'dueAt', order: 'asc' });
  return (await apiRequest(`/api/campaign-tasks?${search}`, { signal })) as Page<CampaignTask>;
}

export async function cancelCampaign(id: string, reason: string, idempotencyKey: string): Promise<Campaign> {
  return (await apiRequest(`${campaignPath(id)}/cancel`, { method: 'POST', body: { reason }, idempotencyKey })) as Campaign;
}

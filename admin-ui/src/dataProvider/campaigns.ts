/**
 * The special-inspection calls beyond react-admin's CRUD (which serves `campaigns` lists and rows):
 * the houses of a campaign by village and status, the houses waiting in the caller's inbox, and
 * withdrawing a campaign with the Idempotency-Key of the user action.
 */
import type { Campaign, CampaignHouse, CampaignItem, CampaignTask } from '../campaigns/types.ts';
import { apiRequest } from '../http.ts';
import { fetchList, segment, url } from './request.ts';
import type { Page, Query } from './request.ts';

const campaignPath = (id: string) => `/campaigns/${segment(id)}`;

/** The parameters that have a value. */
function query(params: Record<string, string | number | undefined>): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') out[key] = String(value);
  return out;
}

export interface CampaignCalls {
  /** A campaign's houses in a village (or all), by status, by house code. */
  campaignHouses(
    id: string,
    params: { regionCode?: string; status?: CampaignItem['status']; page: number; perPage: number },
    signal?: AbortSignal,
  ): Promise<Page<CampaignHouse>>;
  /** The houses waiting for the signed-in user, soonest deadline first. */
  campaignTasks(params: { page: number; perPage: number }, signal?: AbortSignal): Promise<Page<CampaignTask>>;
  cancelCampaign(id: string, reason: string, idempotencyKey: string): Promise<Campaign>;
}

export const campaignCalls: CampaignCalls = {
  async campaignHouses(id, params, signal) {
    return fetchList<CampaignHouse>(`${campaignPath(id)}/items`, query({ ...params, sort: 'buildingCode', order: 'asc' }), signal);
  },

  async campaignTasks(params, signal) {
    return fetchList<CampaignTask>('/campaign-tasks', query({ ...params, sort: 'dueAt', order: 'asc' }), signal);
  },

  async cancelCampaign(id, reason, idempotencyKey) {
    return (await apiRequest(url(`${campaignPath(id)}/cancel`), { method: 'POST', body: { reason }, idempotencyKey })) as Campaign;
  },
};

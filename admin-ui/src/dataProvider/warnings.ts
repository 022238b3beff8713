/**
 * The warning calls (预警): the 预警处置 inbox, the area's active warnings for the cockpit, one warning,
 * and its three handlings with the Idempotency-Key of the user action.
 */
import type { Warning } from '../warnings/types.ts';
import { apiRequest } from '../http.ts';
import { fetchList, segment, url } from './request.ts';
import type { Page } from './request.ts';

const warningPath = (id: string) => `/warnings/${segment(id)}`;

export interface DispatchBody {
  kind: 'inspection' | 'case';
  dueAt?: string;
  category?: string;
  severity?: 'serious' | 'general';
  description?: string;
}

export interface WarningCalls {
  /** Active warnings waiting for the signed-in user's role in their area, soonest deadline first. */
  warningTasks(params: { page: number; perPage: number }, signal?: AbortSignal): Promise<Page<Warning>>;
  /** Warnings of the user's area (those still waiting, or with this status), newest first. */
  warnings(
    params: { status?: Warning['status']; active?: boolean; regionCode?: string; page: number; perPage: number },
    signal?: AbortSignal,
  ): Promise<Page<Warning>>;
  warning(id: string, signal?: AbortSignal): Promise<Warning>;
  acknowledgeWarning(id: string, idempotencyKey: string): Promise<Warning>;
  dispatchWarning(id: string, body: DispatchBody, idempotencyKey: string): Promise<Warning>;
  dismissWarning(id: string, reason: string, idempotencyKey: string): Promise<Warning>;
}

export const warningCalls: WarningCalls = {
  async warningTasks(params, signal) {
    return fetchList<Warning>(
      '/warning-tasks',
      { page: String(params.page), perPage: String(params.perPage), sort: 'acknowledgeDueAt', order: 'asc' },
      signal,
    );
  },

  async warnings(params, signal) {
    const query: Record<string, string> = { page: String(params.page), perPage: String(params.perPage), sort: 'raisedAt', order: 'desc' };
    if (params.status) query.status = params.status;
    if (params.active !== undefined) query.active = String(params.active);
    if (params.regionCode) query.regionCode = params.regionCode;
    return fetchList<Warning>('/warnings', query, signal);
  },

  async warning(id, signal) {
    return (await apiRequest(url(warningPath(id)), { signal })) as Warning;
  },

  async acknowledgeWarning(id, idempotencyKey) {
    return (await apiRequest(url(`${warningPath(id)}/acknowledge`), { method: 'POST', body: {}, idempotencyKey })) as Warning;
  },

  async dispatchWarning(id, body, idempotencyKey) {
    return (await apiRequest(url(`${warningPath(id)}/dispatch`), { method: 'POST', body, idempotencyKey })) as Warning;
  },

  async dismissWarning(id, reason, idempotencyKey) {
    return (await apiRequest(url(`${warningPath(id)}/dismiss`), { method: 'POST', body: { reason }, idempotencyKey })) as Warning;
  },
};

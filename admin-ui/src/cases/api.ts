/**
 * The case calls beyond react-admin's CRUD (which `dataProvider` serves for `cases` and `tasks`): the
 * audit trail, cancel and escalate, and evidence files. Each mutation takes the Idempotency-Key of
 * the user action it belongs to (see `useActionKey`).
 */
import { apiRequest } from '../http.ts';
import type { CaseDetail, CaseEvents } from './types.ts';

const segment = (id: string) => encodeURIComponent(id);

/** The API path of a case, for `apiRequest` (`/api/…`) or, without the prefix, `dataProvider.download`. */
export const casePath = (id: string) => `/cases/${segment(id)}`;

/** Where the browser loads an evidence file (the session cookie authenticates it). */
export const caseFileUrl = (caseId: string, fileId: string) => `/api${casePath(caseId)}/files/${segment(fileId)}`;

export async function fetchCaseEvents(id: string, signal?: AbortSignal): Promise<CaseEvents> {
  return (await apiRequest(`/api${casePath(id)}/events`, { signal })) as CaseEvents;
}

/** A district officer withdraws the case (e.g. an unfounded complaint). */
export async function cancelCase(id: string, reason: string, idempotencyKey: string): Promise<CaseDetail> {
  return (await apiRequest(`/api${casePath(id)}/cancel`, { method: 'POST', body: { reason }, idempotencyKey })) as CaseDetail;
}

/** An officer sends the case to the government supervision system (督办). */
export async function escalateCase(id: string, reason: string, idempotencyKey: string): Promise<CaseDetail> {
  return (await apiRequest(`/api${casePath(id)}/escalate`, { method: 'POST', body: { reason }, idempotencyKey })) as CaseDetail;
}

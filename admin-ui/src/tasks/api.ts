/** The task calls beyond react-admin's CRUD: tab counts, claim, release, complete, reassign, context, assign together. */
import type { AssignFormInput, HazardFormInputs } from '../../../definitions/hazard-case/forms.ts';
import type { CaseDetail } from '../cases/types.ts';
import { apiRequest } from '../http.ts';
import type { AssignResult, TaskCandidate, TaskContext, TaskCounts } from './types.ts';

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

/** The form of any step, as `POST /api/tasks/:id/complete` takes it. */
export type StepForm = HazardFormInputs[keyof HazardFormInputs];

export async function fetchTaskCounts(signal?: AbortSignal): Promise<TaskCounts> {
  return (await apiRequest('/api/tasks/counts', { signal })) as TaskCounts;
}

export async function claimTask(id: string, idempotencyKey: string): Promise<CaseDetail> {
  return (await apiRequest(`${taskPath(id)}/claim`, { method: 'POST', idempotencyKey })) as CaseDetail;
}

/** Gives a claimed task back to the group that may claim it. */
export async function releaseTask(id: string, idempotencyKey: string): Promise<CaseDetail> {
  return (await apiRequest(`${taskPath(id)}/release`, { method: 'POST', idempotencyKey })) as CaseDetail;
}

export async function completeTask(id: string, form: StepForm, idempotencyKey: string): Promise<CaseDetail> {
  return (await apiRequest(`${taskPath(id)}/complete`, { method: 'POST', body: { form }, idempotencyKey })) as CaseDetail;
}

export async function fetchCandidates(id: string, signal?: AbortSignal): Promise<TaskCandidate[]> {
  return (await apiRequest(`${taskPath(id)}/candidates`, { signal })) as TaskCandidate[];
}

export async function reassignTask(id: string, userId: string, reason: string, idempotencyKey: string): Promise<CaseDetail> {
  const body = reason.trim() ? { userId, reason: reason.trim() } : { userId };
  return (await apiRequest(`${taskPath(id)}/reassign`, { method: 'POST', body, idempotencyKey })) as CaseDetail;
}

export async function fetchTaskContext(id: string, signal?: AbortSignal): Promise<TaskContext> {
  return (await apiRequest(`${taskPath(id)}/context`, { signal })) as TaskContext;
}

/** `POST /api/tasks/assign-together`: one responsible party, one decision per case; a result per case. */
export interface AssignTogether {
  responsibleParty: AssignFormInput['responsibleParty'];
  cases: ({ taskId: string } & Omit<AssignFormInput, 'responsibleParty'>)[];
}

export async function assignTogether(body: AssignTogether, idempotencyKey: string): Promise<AssignResult[]> {
  return ((await apiRequest('/api/tasks/assign-together', { method: 'POST', body, idempotencyKey })) as { results: AssignResult[] })
    .results;
}

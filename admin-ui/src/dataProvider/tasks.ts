/**
 * The task calls beyond react-admin's CRUD (which serves `tasks` lists and rows): tab counts,
 * claim, release, complete, reassign, a task's context and assigning several cases together. Each
 * mutation takes the Idempotency-Key of the user action it belongs to (see `useActionKey`).
 */
import type { CaseDetail } from '../cases/types.ts';
import { apiRequest } from '../http.ts';
import type { AssignResult, AssignTogether, StepFormInput, TaskCandidate, TaskContext, TaskCounts } from '../tasks/types.ts';
import { segment, url } from './request.ts';

const taskPath = (id: string) => url(`/tasks/${segment(id)}`);

export interface TaskCalls {
  /** `GET /api/tasks/counts`: the badge of each inbox tab. */
  taskCounts(signal?: AbortSignal): Promise<TaskCounts>;
  claimTask(id: string, idempotencyKey: string): Promise<CaseDetail>;
  /** Gives a claimed task back to the group that may claim it. */
  releaseTask(id: string, idempotencyKey: string): Promise<CaseDetail>;
  completeTask(id: string, form: StepFormInput, idempotencyKey: string): Promise<CaseDetail>;
  /** Who the task may be reassigned to. */
  taskCandidates(id: string, signal?: AbortSignal): Promise<TaskCandidate[]>;
  /** To `userId`; an empty reason is not sent. */
  reassignTask(id: string, userId: string, reason: string, idempotencyKey: string): Promise<CaseDetail>;
  /** What the person doing the task needs to see: the house, what was found, the other open cases. */
  taskContext(id: string, signal?: AbortSignal): Promise<TaskContext>;
  /** One responsible party, one decision per case; a result per case. */
  assignTogether(body: AssignTogether, idempotencyKey: string): Promise<AssignResult[]>;
}

export const taskCalls: TaskCalls = {
  async taskCounts(signal) {
    return (await apiRequest(url('/tasks/counts'), { signal })) as TaskCounts;
  },

  async claimTask(id, idempotencyKey) {
    return (await apiRequest(`${taskPath(id)}/claim`, { method: 'POST', idempotencyKey })) as CaseDetail;
  },

  async releaseTask(id, idempotencyKey) {
    return (await apiRequest(`${taskPath(id)}/release`, { method: 'POST', idempotencyKey })) as CaseDetail;
  },

  async completeTask(id, form, idempotencyKey) {
    return (await apiRequest(`${taskPath(id)}/complete`, { method: 'POST', body: { form }, idempotencyKey })) as CaseDetail;
  },

  async taskCandidates(id, signal) {
    return (await apiRequest(`${taskPath(id)}/candidates`, { signal })) as TaskCandidate[];
  },

  async reassignTask(id, userId, reason, idempotencyKey) {
    const body = reason.trim() ? { userId, reason: reason.trim() } : { userId };
    return (await apiRequest(`${taskPath(id)}/reassign`, { method: 'POST', body, idempotencyKey })) as CaseDetail;
  },

  async taskContext(id, signal) {
    return (await apiRequest(`${taskPath(id)}/context`, { signal })) as TaskContext;
  },

  async assignTogether(body, idempotencyKey) {
    const answer = (await apiRequest(url('/tasks/assign-together'), { method: 'POST', body, idempotencyKey })) as {
      results: AssignResult[];
    };
    return answer.results;
  },
};

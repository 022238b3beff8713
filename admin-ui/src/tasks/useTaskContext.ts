/** The context of a task (`GET /api/tasks/:id/context`), refreshed with the task's other queries. */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { fetchTaskContext } from './api.ts';

export function useTaskContext(taskId: string) {
  return useApiQuery(['tasks', taskId, 'context'], (signal) => fetchTaskContext(taskId, signal));
}

/** The context of a task (`GET /api/tasks/:id/context`), refreshed with the task's other queries. */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';

export function useTaskContext(taskId: string) {
  return useApiQuery(['tasks', taskId, 'context'], (dataProvider, signal) => dataProvider.taskContext(taskId, signal));
}

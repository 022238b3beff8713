/** The badge numbers of the inbox tabs, refreshed every half minute and after every task action. */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';

const COUNTS_MS = 30_000;

export function useTaskCounts() {
  return useApiQuery(['tasks', 'counts'], (dataProvider, signal) => dataProvider.taskCounts(signal), { refetchInterval: COUNTS_MS });
}

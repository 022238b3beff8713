/** The badge numbers of the inbox tabs, refreshed every half minute and after every task action. */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { fetchTaskCounts } from './api.ts';

const COUNTS_MS = 30_000;

export function useTaskCounts() {
  return useApiQuery(['tasks', 'counts'], (signal) => fetchTaskCounts(signal), { refetchInterval: COUNTS_MS });
}

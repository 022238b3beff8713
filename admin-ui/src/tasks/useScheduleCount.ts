/**
 * The 定期巡查 tab's badge: how many houses due by risk tier wait in the signed-in inspector's batch,
 * refreshed every half minute like the other counts. Only asked for inspectors.
 */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';

const COUNT_MS = 30_000;

export function useScheduleCount(enabled: boolean) {
  return useApiQuery(
    ['inspection-due', 'batch', 'count'],
    async (dataProvider, signal) => (await dataProvider.inspectionBatch({ page: 1, perPage: 1 }, signal)).total,
    { enabled, refetchInterval: COUNT_MS },
  );
}

/**
 * The 专项排查 tab's badge: how many campaign houses wait for the signed-in user, refreshed every half
 * minute like the task counts. Only asked for the roles a campaign can be handed to.
 */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';

const COUNT_MS = 30_000;

export function useCampaignTaskCount(enabled: boolean) {
  return useApiQuery(
    ['campaign-tasks', 'count'],
    async (dataProvider, signal) => (await dataProvider.campaignTasks({ page: 1, perPage: 1 }, signal)).total,
    {
      enabled,
      refetchInterval: COUNT_MS,
    },
  );
}

/** The campaign workflow's activities; each is safe to run again (the campaign row says what was done). */
import { DatabaseCampaignStore } from '../../domain/campaigns/database-store.ts';
import type { CampaignEnd } from '../../domain/campaigns/store.ts';
import type { Db } from '../../domain/db.ts';

export function createCampaignActivities({ db }: { db: Db }) {
  const campaigns = new DatabaseCampaignStore(db);
  return {
    async campaignRemaining({ campaignId }: { campaignId: string }): Promise<number> {
      return campaigns.remaining(campaignId);
    },

    async remindCampaign({ campaignId }: { campaignId: string }): Promise<void> {
      await campaigns.markReminded(campaignId);
    },

    /** Completed (all done), closed at the deadline (what is left overdue) or cancelled. */
    async finishCampaign({ campaignId, status, reason }: { campaignId: string; status: CampaignEnd; reason?: string }) {
      await campaigns.finish(campaignId, status, reason);
    },
  };
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;

/** The campaign workflow's activities; each is safe to run again (the campaign row says what was done). */
import type { Db } from '../../domain/db.ts';

export function createCampaignActivities({ db }: { db: Db }) {
  return {
    async campaignRemaining({ campaignId }: { campaignId: string }): Promise<number> {
      const row = (await db('campaign_items').where({ campaign_id: campaignId, status: 'pending' }).count({ n: '*' }).first()) as {
        n: number;
      };
      return row.n;
    },

    async remindCampaign({ campaignId }: { campaignId: string }): Promise<void> {
      await db('campaigns').where({ id: campaignId, status: 'running' }).whereNull('reminded_at').update({ reminded_at: db.fn.now() });
    },

    /** Completed (all done), closed at the deadline (what is left overdue) or cancelled. */
    async finishCampaign({
      campaignId,
      status,
      reason,
    }: {
      campaignId: string;
      status: 'completed' | 'closed' | 'cancelled';
      reason?: string;
    }) {
      await db.transaction(async (trx) => {
        const changed = await trx('campaigns')
          .where({ id: campaignId, status: 'running' })
          .update({ status, closed_at: trx.fn.now(), ...(reason ? { cancel_reason: reason } : {}) });
        if (changed && status === 'closed')
          await trx('campaign_items').where({ campaign_id: campaignId, status: 'pending' }).update({ status: 'overdue' });
      });
    },
  };
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;

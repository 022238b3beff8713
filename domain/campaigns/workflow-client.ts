/** The API's side of the campaign workflow: starting it after the campaign is written, nudging it, cancelling it. */
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { startOnce } from '../workflow-start.ts';
import { refusal } from '../workflow-errors.ts';
import { SA_CASE_TYPE, SA_REGION_CODE } from '../search-attributes.ts';
import { CAMPAIGN_WORKFLOW, campaignProgressSignal, campaignWorkflowId, cancelCampaignUpdate } from '../../workflows/campaign/messages.ts';
import type { Actor } from '../../workflows/shared/messages.ts';

export class CampaignWorkflows {
  constructor(
    private readonly temporal: Client,
    private readonly config: Config,
  ) {}

  async start(c: { id: string; regionCode: string; dueAt: string; remindDaysBefore: number }): Promise<void> {
    const remind = Date.parse(c.dueAt) - c.remindDaysBefore * this.config.caseDaySeconds * 1000;
    await startOnce(this.temporal, CAMPAIGN_WORKFLOW, {
      workflowId: campaignWorkflowId(c.id),
      taskQueue: this.config.temporalTaskQueue,
      args: [{ campaignId: c.id, dueAt: c.dueAt, remindAt: remind > Date.now() ? new Date(remind).toISOString() : null }],
      typedSearchAttributes: [
        { key: SA_REGION_CODE, value: c.regionCode },
        { key: SA_CASE_TYPE, value: 'campaign' },
      ],
    });
  }

  /** Tells the campaign an inspection marked one of its houses done; a finished campaign has nothing to hear. */
  async nudge(campaignId: string): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).signal(campaignProgressSignal);
    } catch {
      // Finished, or Temporal briefly away: the deadline closes the campaign either way.
    }
  }

  async cancel(campaignId: string, actor: Actor, reason: string, key: string | undefined): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(campaignWorkflowId(campaignId))
        .executeUpdate(cancelCampaignUpdate, { args: [{ actor, reason }], updateId: key ?? randomUUID() });
    } catch (error) {
      throw refusal(error);
    }
  }
}

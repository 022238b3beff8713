/**
 * A special-inspection campaign (专项排查): runs until its houses are all inspected (completed) or its
 * deadline passes (closed, what is left marked overdue), with one reminder before the deadline.
 * Progress itself is written by the inspections; this workflow owns the campaign's lifecycle.
 */
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CampaignActivities } from '../../workers/activities/campaigns.ts';
import { REFUSAL } from '../shared/messages.ts';
import { campaignProgressSignal, campaignStateQuery, cancelCampaignUpdate } from './messages.ts';
import type { CampaignInput, CampaignState } from './messages.ts';

const { campaignRemaining, remindCampaign, finishCampaign } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export async function campaignWorkflow(input: CampaignInput): Promise<CampaignState> {
  const state: CampaignState = { campaignId: input.campaignId, status: 'running', reminded: input.remindAt === null };
  let progressed = false;

  setHandler(campaignStateQuery, () => state);
  setHandler(campaignProgressSignal, () => {
    progressed = true;
  });
  setHandler(
    cancelCampaignUpdate,
    async ({ reason }) => {
      state.status = 'cancelled';
      await finishCampaign({ campaignId: input.campaignId, status: 'cancelled', reason });
      return state;
    },
    {
      validator: (_args) => {
        if (state.status !== 'running')
          throw ApplicationFailure.create({ type: REFUSAL.conflict, message: '专项排查已结束', nonRetryable: true });
      },
    },
  );

  while (state.status === 'running') {
    const reminding = !state.reminded && input.remindAt !== null;
    const until = Date.parse(reminding ? (input.remindAt as string) : input.dueAt) - Date.now();
    const woken = await condition(() => progressed || state.status !== 'running', Math.max(until, 1));
    if (state.status !== 'running') break;
    if (woken) {
      progressed = false;
      if ((await campaignRemaining({ campaignId: input.campaignId })) === 0) {
        state.status = 'completed';
        await finishCampaign({ campaignId: input.campaignId, status: 'completed' });
      }
    } else if (reminding) {
      await remindCampaign({ campaignId: input.campaignId });
      state.reminded = true;
    } else {
      state.status = 'closed';
      await finishCampaign({ campaignId: input.campaignId, status: 'closed' });
    }
  }
  await condition(allHandlersFinished);
  return state;
}

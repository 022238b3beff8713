/** The campaign's messages: progress nudges from inspections, cancelling by an officer, the live state. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../shared/messages.ts';

export const CAMPAIGN_WORKFLOW = 'campaignWorkflow';

export function campaignWorkflowId(campaignId: string): string {
  return `campaign-${campaignId}`;
}

export interface CampaignInput {
  campaignId: string;
  dueAt: string;
  /** When to remind the inboxes of what is left; null when that moment had passed at creation. */
  remindAt: string | null;
}

export type CampaignStatus = 'running' | 'completed' | 'closed' | 'cancelled';

export interface CampaignState {
  campaignId: string;
  status: CampaignStatus;
  reminded: boolean;
}

/** An inspection marked one of the campaign's houses done: the workflow checks whether any are left. */
export const campaignProgressSignal = defineSignal('campaignProgress');
export const cancelCampaignUpdate = defineUpdate<CampaignState, [{ actor: Actor; reason: string }]>('cancelCampaign');
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');

/**
 * Special-inspection shapes as the API returns them (`/api/campaigns…`, `/api/campaign-tasks`): the
 * API's own types, so the UI names exactly the values the API sends.
 */
import type {
  Campaign,
  CampaignFilters,
  CampaignItem,
  CampaignStatus,
  CampaignTask,
  Counts,
  VillageProgress,
} from '../../../domain/campaigns/store.ts';

export type { Campaign, CampaignFilters, CampaignItem, CampaignStatus, CampaignTask, Counts, VillageProgress };

/**
 * `GET /api/campaigns/:id`: the campaign with its progress per village the reader may see. Villages
 * are absent while the page shows the record the list or the create form left in the cache, until
 * its own fetch answers.
 */
export interface CampaignDetail extends Campaign {
  villages?: VillageProgress[];
}

/** One house of `GET /api/campaigns/:id/items`: a house with the campaign's deadline. */
export type CampaignHouse = CampaignTask;

/**
 * Where a house stands as officers read it: a house still pending once the deadline has passed is
 * overdue, even before the campaign's workflow has marked it so.
 */
export const houseState = (item: Pick<CampaignItem, 'status'> & { dueAt: string }, now = Date.now()): CampaignItem['status'] =>
  item.status === 'pending' && Date.parse(item.dueAt) < now ? 'overdue' : item.status;

/** The page of one campaign, as the `campaigns` resource routes it. */
export const campaignPage = (id: string) => `/campaigns/${encodeURIComponent(id)}/show`;

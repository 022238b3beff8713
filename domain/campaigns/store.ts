/**
 * Special-inspection campaigns as the API reads them, and the store interface behind them:
 * `DatabaseCampaignStore` (database-store.ts) holds the SQL. A user sees the campaigns of their area and
 * the campaigns that cover it (a town officer sees the district's campaign), with progress counted only
 * over the villages they may see.
 */
import type { BuildingFilter } from '../buildings/store.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';

export type CampaignStatus = 'running' | 'completed' | 'closed' | 'cancelled';
export type CampaignFilters = Omit<BuildingFilter, 'regionCode' | 'q' | 'ids'>;

export interface Counts {
  total: number;
  done: number;
  withHazards: number;
  overdue: number;
  pending: number;
}

export interface Campaign {
  id: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  filters: CampaignFilters;
  assigneeRole: 'inspector' | 'town_officer';
  dueAt: string;
  remindDaysBefore: number;
  status: CampaignStatus;
  remindedAt: string | null;
  closedAt: string | null;
  cancelReason: string | null;
  createdByName: string;
  createdAt: string;
  /** Over the villages the reader may see. */
  progress: Counts;
}

export interface VillageProgress extends Counts {
  villageCode: string;
  villageName: string | null;
  townCode: string;
  townName: string | null;
}

export interface CampaignItem {
  buildingCode: string;
  address: string | null;
  villageCode: string;
  villageName: string | null;
  status: 'pending' | 'done' | 'overdue';
  inspectionId: string | null;
  hazardsFound: number | null;
  doneAt: string | null;
}

/** A house waiting in someone's inbox. */
export interface CampaignTask extends CampaignItem {
  campaignId: string;
  campaignName: string;
  dueAt: string;
  /** When the campaign was launched: its houses' deadlines are coloured by the share of time left. */
  startedAt: string;
}

/** A campaign to launch, checked by the service. */
export interface NewCampaign {
  name: string;
  regionCode: string;
  /** The registry's filters; `ids` names the houses themselves (a warning dispatched as a special inspection). */
  filters: CampaignFilters & Pick<BuildingFilter, 'ids'>;
  assigneeRole: Campaign['assigneeRole'];
  dueAt: string;
  remindDaysBefore: number;
  createdBy: { id: string; name: string };
}

/** How a campaign ends: all done, closed at the deadline (what is left overdue) or cancelled. */
export type CampaignEnd = 'completed' | 'closed' | 'cancelled';

/**
 * Campaigns and their houses. `scope` is the reader's region code: a reader sees the campaigns over
 * their area or within it, and counts and houses of the villages within it only.
 */
export interface CampaignStore {
  /** Writes a campaign and its houses (the filter's result in the campaign's area); returns its id and count. */
  create(input: NewCampaign, tx?: Db): Promise<{ id: string; total: number }>;
  /** A page of the campaigns visible in `scope`, newest first by default. */
  list(scope: string, params: ListParams & { status?: CampaignStatus | undefined }): Promise<ListResult<Campaign>>;
  /** One campaign visible in `scope`, with its progress over the villages of `scope`. */
  find(scope: string, id: string): Promise<Campaign | undefined>;
  /** Progress per village (with its town), over the villages of `scope`. */
  progress(scope: string, id: string): Promise<VillageProgress[]>;
  /** A page of a campaign's houses in `scope`; a pending house past the deadline counts as overdue. */
  items(
    scope: string,
    id: string,
    params: ListParams & { regionCode?: string | undefined; status?: CampaignItem['status'] | undefined },
  ): Promise<ListResult<CampaignTask>>;
  /** The houses waiting for this user: running campaigns handed to their role, in their area, soonest due first. */
  tasks(
    user: { role: string; regionCode: string },
    params: ListParams & { buildingCode?: string | undefined },
  ): Promise<ListResult<CampaignTask>>;
  /** Campaigns written more than `olderThanMs` ago whose workflow was never seen to start (the sweeper's list). */
  unstarted(olderThanMs: number, limit?: number): Promise<{ id: string; regionCode: string; dueAt: string; remindDaysBefore: number }[]>;
  /** Notes that the campaign's workflow started. */
  markStarted(id: string): Promise<void>;
  /** Marks the house's pending items of running campaigns done by this inspection; returns those campaigns' ids. */
  fulfil(buildingCode: string, inspection: { id: string; hazardsFound: number }, tx?: Db): Promise<string[]>;
  /** How many houses of the campaign are still pending. */
  remaining(id: string): Promise<number>;
  /** Notes the reminder of a running campaign (once). */
  markReminded(id: string): Promise<void>;
  /** Ends a running campaign (once); closing it at the deadline marks the pending houses overdue. */
  finish(id: string, end: CampaignEnd, reason?: string): Promise<void>;
}

/**
 * Monthly bulletins (通报, issue 20 §4): the record of one region's bulletin for one month (who asked,
 * when, its two files and their SHA-256), and the store interface behind it; the SQL is in
 * database-store.ts.
 */
import type { AppAbility } from '../abilities.ts';
import type { ListParams, ListResult } from '../paging.ts';

/** Queued when recorded, running once its workflow picked it up, then done or failed. */
export const BULLETIN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

export const BULLETIN_SORT_FIELDS = ['month', 'createdAt', 'regionCode'] as const;
export type BulletinSortField = (typeof BULLETIN_SORT_FIELDS)[number];

/** One bulletin as the domain sees it. */
export interface Bulletin {
  id: string;
  regionCode: string;
  regionName: string | null;
  /** The month reported on, `YYYY-MM`. */
  month: string;
  status: BulletinStatus;
  /** Null when the monthly schedule made it. */
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  pdfKey: string | null;
  pdfSha256: string | null;
  xlsxKey: string | null;
  xlsxSha256: string | null;
  error: string | null;
}

/** The files of a finished bulletin. */
export interface BulletinFiles {
  pdfKey: string;
  pdfSha256: string;
  xlsxKey: string;
  xlsxSha256: string;
}

/** A warning raised within the month, as the bulletin lists it (no personal data in a warning). */
export interface RaisedWarning {
  id: string;
  ruleId: string;
  ruleVersion: number;
  regionCode: string;
  regionName: string | null;
  status: string;
  raisedAt: string;
  buildingCount: number;
}

export interface BulletinListParams extends ListParams {
  regionCode?: string | undefined;
  month?: string | undefined;
  status?: BulletinStatus | undefined;
}

export interface BulletinStore {
  /**
   * The bulletin of a region and month, recorded if missing (by `createdBy`); a second call, or one
   * racing it, finds the first row. `created` tells the caller which happened.
   */
  ensure(regionCode: string, month: string, createdBy: string | null): Promise<{ id: string; created: boolean }>;
  /** One bulletin; with an ability, only one it may read. */
  find(ability: AppAbility | null, id: string): Promise<Bulletin | undefined>;
  list(ability: AppAbility, params: BulletinListParams): Promise<ListResult<Bulletin>>;
  /** The figures a finished bulletin shows (its BulletinData), or null before it is done. */
  figures(id: string): Promise<unknown>;
  /** Queued or failed → queued again with no error (a request for one that failed asks to make it again). */
  requeue(id: string): Promise<void>;
  /** Queued → running; nothing else changes. */
  markRunning(id: string): Promise<void>;
  /** Records the files and figures; a bulletin already done keeps what it had (a retried activity writes nothing twice). */
  finish(id: string, files: BulletinFiles, figures: unknown): Promise<boolean>;
  fail(id: string, error: string): Promise<void>;
  /**
   * Bulletins an officer asked for, written more than `olderThanMs` ago and still queued: their workflow
   * may never have started (a crash between the row and the start). The monthly run's own are its business.
   */
  queued(olderThanMs: number, limit?: number): Promise<{ id: string }[]>;
  /** The regions the monthly schedule makes bulletins for: every district and every town, in code order. */
  scheduledRegions(): Promise<string[]>;
  /**
   * Warnings raised within `scope` between two Beijing days (inclusive): how many in all and per rule,
   * and the newest `limit` of them.
   */
  warningsRaised(
    scope: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<{ total: number; byRule: { ruleId: string; count: number }[]; rows: RaisedWarning[] }>;
}

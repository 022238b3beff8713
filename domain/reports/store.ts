/**
 * Upward reports (数据上报): a region's houses exported in the national five-group layout, full or as
 * the changes since the region's previous report, and the store interface behind them;
 * `DatabaseDataReportStore` (database-store.ts) holds the SQL.
 */
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { HouseRecord } from './rows.ts';

export const DATA_REPORT_KINDS = ['full', 'changes'] as const;
/** `full`: every house of the region; `changes`: what was added, changed or removed since the previous report. */
export type DataReportKind = (typeof DATA_REPORT_KINDS)[number];

export const DATA_REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type DataReportStatus = (typeof DATA_REPORT_STATUSES)[number];

/** How many houses a report holds, and (for every report) how they differ from the previous one. */
export interface DataReportCounts {
  /** Houses in the region when the report was made. */
  total: number;
  /** Rows in the report's files (total for a full report; added + changed + removed for a change report). */
  rows: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** One file of a report, as the manifest lists it. */
export interface DataReportFile {
  name: string;
  key: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface DataReport {
  id: string;
  regionCode: string;
  regionName: string | null;
  kind: DataReportKind;
  baseReportId: string | null;
  layoutVersion: number;
  status: DataReportStatus;
  counts: DataReportCounts | null;
  files: DataReportFile[] | null;
  digest: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

export const DATA_REPORT_SORT_FIELDS = ['createdAt', 'regionCode', 'kind', 'status'] as const;
export type DataReportSortField = (typeof DATA_REPORT_SORT_FIELDS)[number];

export interface DataReportListParams extends ListParams {
  regionCode?: string | undefined;
  kind?: DataReportKind | undefined;
  status?: DataReportStatus | undefined;
}

export interface NewDataReport {
  regionCode: string;
  kind: DataReportKind;
  baseReportId: string | null;
  layoutVersion: number;
  createdBy: string | null;
  createdByName: string | null;
}

/** A snapshot row of a finished report. */
export interface SnapshotRow {
  code: string;
  cells: string[];
  hash: string;
}

export interface DataReportStore {
  create(input: NewDataReport, tx?: Db): Promise<string>;
  /** One report; with an ability, only when it may read it. */
  find(ability: AppAbility | null, id: string): Promise<DataReport | undefined>;
  list(ability: AppAbility, params: DataReportListParams): Promise<ListResult<DataReport>>;
  /** The newest finished report of exactly this region (the base of its next change report). */
  latestDone(regionCode: string): Promise<DataReport | undefined>;
  /** Queued → running (no change otherwise). */
  markRunning(id: string): Promise<void>;
  /** The houses of a region after `afterCode`, in code order, as the layout reads them. */
  houses(tx: Db, regionCode: string, columns: readonly string[], afterCode: string, limit: number): Promise<HouseRecord[]>;
  /** How many houses a region holds. */
  countHouses(tx: Db, regionCode: string): Promise<number>;
  /** Snapshot rows of a report with `afterCode < code <= uptoCode` (no upper bound when null), in code order. */
  snapshot(tx: Db, reportId: string, afterCode: string, uptoCode: string | null, limit: number): Promise<SnapshotRow[]>;
  addSnapshot(tx: Db, reportId: string, rows: readonly SnapshotRow[]): Promise<void>;
  /** Done, with its counts, files and digest (never twice). */
  finish(tx: Db, id: string, done: { counts: DataReportCounts; files: DataReportFile[]; digest: string }): Promise<void>;
  /** Failed, with the reason (never once done). */
  fail(id: string, error: string): Promise<void>;
  /** Reports still queued `olderThanMs` after they were written: their workflow may never have started (the sweeper's list). */
  queued(olderThanMs: number, limit?: number): Promise<{ id: string }[]>;
}

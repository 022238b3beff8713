/**
 * Label batches: the batch (what to print, progress, the finished file) and its finished chunks, and the
 * store interface behind them; `DatabaseLabelBatchStore` (database-store.ts) holds the SQL.
 */
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';

/** A batch is queued when made, running once its workflow starts, then done or failed. */
export const LABEL_BATCH_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
/** One of LABEL_BATCH_STATUSES. */
export type LabelBatchStatus = (typeof LABEL_BATCH_STATUSES)[number];

/** A label batch as the domain sees it. */
export interface LabelBatch {
  id: string;
  regionCode: string;
  regionName: string | null;
  /** How many houses were chosen; null when the batch prints a whole region. */
  selectionSize: number | null;
  status: LabelBatchStatus;
  total: number;
  doneCount: number;
  chunkSize: number;
  chunkCount: number;
  fileKey: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

/** A finished chunk: its PDF in the file store and the last code it printed. */
export interface LabelBatchChunk {
  chunkNo: number;
  fileKey: string;
  labelCount: number;
  lastCode: string;
  doneAt: Date;
}

/** Fields a batch list may be sorted by. */
export const LABEL_BATCH_SORT_FIELDS = ['createdAt', 'total', 'status', 'regionCode'] as const;
export type LabelBatchSortField = (typeof LABEL_BATCH_SORT_FIELDS)[number];

/** A batch to write. */
export interface NewLabelBatch {
  regionCode: string;
  codes: string[] | null;
  total: number;
  chunkSize: number;
  createdBy: string | null;
  createdAt?: Date;
}

/**
 * Label batches and their chunks. Recording a chunk is idempotent and moves the progress with it, so a
 * retried activity never counts a chunk twice.
 */
export interface LabelBatchStore {
  /**
   * The database's clock, the one that stamps buildings: a batch covers the houses registered before
   * this instant, however long it runs.
   */
  clock(): Promise<Date>;
  /** Writes a batch (queued); returns its id. */
  create(input: NewLabelBatch, tx?: Db): Promise<string>;
  /** One batch; with an ability, only when it may read it. */
  find(ability: AppAbility | null, id: string): Promise<LabelBatch | undefined>;
  /** A page of the batches the ability may read. */
  list(
    ability: AppAbility,
    params: ListParams & { status?: LabelBatchStatus | undefined; regionCode?: string | undefined; ids?: string[] | undefined },
  ): Promise<ListResult<LabelBatch>>;
  /** Codes `from` (0-based) up to `to` (exclusive) of a batch's selection, in code order. */
  selectionSlice(id: string, from: number, to: number): Promise<string[]>;
  /** The batch's finished chunks, in order. */
  chunks(id: string): Promise<LabelBatchChunk[]>;
  /** One finished chunk. */
  chunk(id: string, chunkNo: number): Promise<LabelBatchChunk | undefined>;
  /** Queued → running (no change once running, done or failed). */
  markRunning(id: string): Promise<void>;
  /** Records a finished chunk once; returns false when it was already recorded (progress unchanged). */
  recordChunk(id: string, chunk: Omit<LabelBatchChunk, 'doneAt'>): Promise<boolean>;
  /** Done, with the finished file. */
  finish(id: string, fileKey: string): Promise<void>;
  /** Failed, with the reason (never once done). */
  fail(id: string, error: string): Promise<void>;
  /** Batches still queued after `olderThanMs`: their workflow may never have started (the sweeper's list). */
  queued(olderThanMs: number, limit?: number): Promise<{ id: string }[]>;
}

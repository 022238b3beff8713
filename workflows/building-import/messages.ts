/**
 * Messages of the building import workflow, shared by the workflow, the API and the CLI: its id, its
 * input and its progress query.
 */
import { defineQuery } from '@temporalio/workflow';

/** The workflow's input: the job row holds everything else. */
export interface BuildingImportInput {
  jobId: string;
  /**
   * Chunks in flight at once (default 2): one validates in Node while the other writes in PostgreSQL.
   * Their writes still commit one after the other (they queue on the per-village code sequences).
   */
  concurrency?: number;
}

/** Progress as the workflow sees it; the job row in PostgreSQL carries the same counts for the UI. */
export interface ImportProgress {
  status: 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failedRows: number;
  chunksDone: number;
  chunksTotal: number;
  error: string | null;
}

/** Progress of a running import, for operators and the CLI. */
export const importProgressQuery = defineQuery<ImportProgress>('importProgress');

/** One workflow per job, so starting it twice is refused by Temporal rather than run twice. */
export function importWorkflowId(jobId: string): string {
  return `building-import-${jobId}`;
}

/** The workflow type, for clients that start it by name. */
export const BUILDING_IMPORT_WORKFLOW = 'buildingImportWorkflow';

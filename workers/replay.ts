/**
 * Replays workflow histories from the Temporal server against the workflow code on disk. A running case
 * replays its history on whatever code the worker has when it next wakes up, so a change that makes the
 * code take another path breaks every case started before it (a non-determinism error). Run before
 * deploying (`npm run replay`), and by the integration tests on every history they record. Histories
 * kept as files are in the JSON form `temporal workflow show --output json` writes, named
 * `<anything>--<workflow id>.json` or `<workflow id>.json`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Client, HistoryAndWorkflowId } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from './worker.ts';

export interface ReplayFailure {
  workflowId: string;
  runId: string;
  error: string;
}

export interface ReplayReport {
  replayed: number;
  failures: ReplayFailure[];
}

export interface ReplayOptions {
  /** A visibility query, e.g. `TaskQueue = 'ydym' AND ExecutionStatus = 'Running'`. */
  query: string;
  /** At most this many workflows (the most recent first, as the server lists them). */
  limit?: number;
  /** The workflow code to replay on; the platform's own by default. */
  workflowsPath?: string;
  /** Called with each fetched history, e.g. to keep a copy. */
  onHistory?: (item: HistoryAndWorkflowId) => void;
  /** Called after each replayed workflow with the count so far. */
  onProgress?: (replayed: number) => void;
}

/** The default query: every workflow of the platform's task queue that is still running. */
export function runningOn(taskQueue: string): string {
  return `TaskQueue = '${taskQueue.replaceAll("'", "\\'")}' AND ExecutionStatus = 'Running'`;
}

/** A history as the JSON text Temporal's CLI and UI export. */
export function historyText(history: HistoryAndWorkflowId['history']): string {
  return historyToJSON(history as Parameters<typeof historyToJSON>[0]);
}

/** The workflow id a history file is named by. */
export function workflowIdOfFile(path: string): string {
  const name = basename(path, '.json');
  return name.includes('--') ? name.slice(name.lastIndexOf('--') + 2) : name;
}

/** Reads exported history files; throws on one that is not such a history. */
export function loadHistoryFiles(paths: readonly string[]): HistoryAndWorkflowId[] {
  return paths.map((path) => ({
    workflowId: workflowIdOfFile(path),
    history: historyFromJSON(JSON.parse(readFileSync(path, 'utf8'))),
  }));
}

export async function replayFiles(paths: readonly string[], workflowsPath = WORKFLOWS_PATH): Promise<ReplayReport> {
  return replayHistories(loadHistoryFiles(paths), workflowsPath);
}

export async function replayFromServer(client: Client, options: ReplayOptions): Promise<ReplayReport> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  async function* histories(): AsyncGenerator<HistoryAndWorkflowId> {
    let fetched = 0;
    for await (const wf of client.workflow.list({ query: options.query })) {
      if (fetched >= limit) return;
      fetched++;
      const item = { workflowId: wf.workflowId, history: await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory() };
      options.onHistory?.(item);
      yield item;
    }
  }
  return replayHistories(histories(), options.workflowsPath ?? WORKFLOWS_PATH, options.onProgress);
}

export async function replayHistories(
  histories: AsyncIterable<HistoryAndWorkflowId> | Iterable<HistoryAndWorkflowId>,
  workflowsPath = WORKFLOWS_PATH,
  onProgress?: (replayed: number) => void,
): Promise<ReplayReport> {
  const report: ReplayReport = { replayed: 0, failures: [] };
  for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'ydym-replay' }, histories)) {
    report.replayed++;
    if (result.error) report.failures.push({ workflowId: result.workflowId, runId: result.runId, error: result.error.message });
    onProgress?.(report.replayed);
  }
  return report;
}

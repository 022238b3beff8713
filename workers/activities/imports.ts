/** Activities of the building import workflow: thin wrappers that wire the import steps to Temporal. */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import { importChunk } from '../../domain/imports/chunk.ts';
import type { ChunkCounts } from '../../domain/imports/chunk.ts';
import { ImportStopped } from '../../domain/imports/context.ts';
import type { ImportDeps } from '../../domain/imports/context.ts';
import type { ChunkPlan, ImportJob } from '../../domain/imports/jobs.ts';
import { prepareImport } from '../../domain/imports/prepare.ts';
import type { PreparedImport } from '../../domain/imports/prepare.ts';
import { failImport, finishImport } from '../../domain/imports/report.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

/** Runs a step with the activity's heartbeat and cancellation; a stop of the whole import is not retried. */
async function step<T>(deps: { db: Db; files: FileStore }, run: (deps: ImportDeps) => Promise<T>): Promise<T> {
  const ctx = Context.current();
  try {
    return await run({ ...deps, beat: (detail) => ctx.heartbeat(detail), signal: ctx.cancellationSignal });
  } catch (error) {
    if (error instanceof ImportStopped)
      throw ApplicationFailure.create({ message: error.message, type: FAILURE.importStopped, nonRetryable: true });
    throw error;
  }
}

/** The import activities, wired to the database and the file store. */
export function createImportActivities(deps: { db: Db; files: FileStore }) {
  return {
    async prepareBuildingImport(jobId: string): Promise<PreparedImport> {
      return step(deps, (d) => prepareImport(d, jobId));
    },
    async importBuildingChunk(input: { jobId: string; chunk: ChunkPlan }): Promise<ChunkCounts> {
      return step(deps, (d) => importChunk(d, input.jobId, input.chunk));
    },
    async finishBuildingImport(jobId: string): Promise<ImportJob> {
      return step(deps, (d) => finishImport(d, jobId));
    },
    async failBuildingImport(input: { jobId: string; message: string }): Promise<ImportJob> {
      return step(deps, (d) => failImport(d, input.jobId, input.message));
    },
  };
}

/** Their types, for `proxyActivities` in the workflow. */
export type ImportActivities = ReturnType<typeof createImportActivities>;

/** Runs the worker until stopped; used by `npm run worker` and `npm start`. */
import { NativeConnection } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import type { Config } from '../domain/config.ts';
import type { Db } from '../domain/db.ts';
import type { FileStore } from '../domain/files.ts';
import { BootError } from '../domain/boot.ts';
import { temporalConnectionOptions } from '../domain/temporal.ts';
import { ensureSchedules } from './schedules.ts';
import { createWorker } from './worker.ts';

export interface RunningWorker {
  /** Settles when the worker stops; rejects if it crashed. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export async function startWorker(deps: { config: Config; db: Db; files: FileStore; client: Client }): Promise<RunningWorker> {
  let connection: NativeConnection;
  try {
    connection = await NativeConnection.connect(temporalConnectionOptions(deps.config));
  } catch (error) {
    throw new BootError(`Temporal is unreachable at ${deps.config.temporalAddress} [TEMPORAL_ADDRESS]: ${(error as Error).message}`);
  }
  const worker = await createWorker({ config: deps.config, db: deps.db, files: deps.files, connection });
  await ensureSchedules(deps.client, deps.config.temporalTaskQueue);
  const done = worker.run().finally(() => connection.close());
  return {
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

/**
 * The whole platform in one test process: a fresh database, a Temporal dev server, the worker and the
 * API (serving the built UI) on a free loopback port. Nothing outside the machine is reached.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { startApi } from '../../api/server.ts';
import { loadConfig } from '../../domain/config.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { fileStoreFor } from '../../domain/files.ts';
import type { FileStore } from '../../domain/files.ts';
import { createLogger } from '../../domain/logger.ts';
import { ensureSchedules } from '../../workers/schedules.ts';
import { createWorker } from '../../workers/worker.ts';
import { createTestDatabase } from './database.ts';
import { freePort } from './ports.ts';
import { startTestTemporal } from './temporal.ts';

export interface Stack {
  baseUrl: string;
  /** As the owner, for fixtures and checks; the API and the worker use the application role (config.databaseUrl). */
  db: Db;
  config: Config;
  temporal: TestWorkflowEnvironment;
  worker: Worker;
  files: FileStore;
  stop(): Promise<void>;
}

/** Chosen before start-up, so the whole stack (worker included) knows the API's URL before it starts. */
export { freePort };

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'ydym-stack-'));
  const files = fileStoreFor(dataDir);
  const temporal = await startTestTemporal();
  const config = loadConfig({
    PORT: String(await freePort()),
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const logger = createLogger(config.logLevel);
  const worker = await createWorker({ config, db: database.appDb, files, connection: temporal.nativeConnection });
  const running = worker.run();
  await ensureSchedules(temporal.client, config.temporalTaskQueue);
  const api = await startApi({ config, db: database.appDb, logger, temporal: temporal.client, files });
  return {
    baseUrl: api.url,
    db: database.db,
    config,
    temporal,
    worker,
    files,
    async stop() {
      await api.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await temporal.teardown();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

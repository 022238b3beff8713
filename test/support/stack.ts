/**
 * The whole platform in one test process: a fresh database, a Temporal dev server, the worker and the
 * API (serving the built UI) on a free loopback port. Nothing outside the machine is reached.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { startApi } from '../../api/server.ts';
import { CONFIG_VARS, loadConfig } from '../../domain/config.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { fileStoreFor } from '../../domain/files.ts';
import type { FileStore } from '../../domain/files.ts';
import { createLogger } from '../../domain/logger.ts';
import { startSmsSimulator } from '../../tools/sms-sim/simulator.ts';
import type { RunningSmsSimulator } from '../../tools/sms-sim/simulator.ts';
import { ensureSchedules } from '../../workers/schedules.ts';
import { createWorker } from '../../workers/worker.ts';
import { createTestDatabase } from './database.ts';
import type { TestDatabase } from './database.ts';
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
  /** The bundled SMS simulator the stack's messages go to (none when the test named its own SMS_URL). */
  sms: RunningSmsSimulator | undefined;
  stop(): Promise<void>;
}

/** Chosen before start-up, so the whole stack (worker included) knows the API's URL before it starts. */
export { freePort };

/**
 * What a stack may be given instead of making its own (a restore test starts one on restored state):
 * the database, the data folder, and `persistTemporal` to keep Temporal's state in the data folder's
 * `temporal/temporal.sqlite`, where `npm start` keeps it. The stack's `stop` removes them all the same.
 */
export interface StackOptions {
  database?: TestDatabase;
  dataDir?: string;
  persistTemporal?: boolean;
}

export async function startStack(env: Record<string, string> = {}, options: StackOptions = {}): Promise<Stack> {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ydym-stack-'));
  const files = fileStoreFor(dataDir);
  if (options.persistTemporal) mkdirSync(join(dataDir, 'temporal'), { recursive: true });
  const temporal = await startTestTemporal(options.persistTemporal ? { dbFilename: join(dataDir, 'temporal', 'temporal.sqlite') } : {});
  // Text messages go to a simulator of the stack's own, on loopback (never a provider, never a developer's
  // `npm start` simulator); quiet hours off unless a test sets them, so a run at night behaves as by day.
  const sms = env.SMS_URL ? undefined : await startSmsSimulator({ port: 0, secret: env.SMS_SECRET ?? CONFIG_VARS.smsSecret.default ?? '' });
  const config = loadConfig({
    SMS_QUIET_HOURS: '',
    ...(sms ? { SMS_URL: sms.url } : {}),
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
    sms,
    async stop() {
      await api.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await temporal.teardown();
      await database.drop();
      await sms?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

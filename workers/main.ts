/** `npm run worker`: the Temporal worker alone, against the configured services (deployments). */
import { checkProductionDatabase, connectDatabase, connectTemporal } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { openFileStore } from '../domain/file-stores.ts';
import { createLogger } from '../domain/logger.ts';
import { runMain } from '../domain/run-main.ts';
import { installTemporalRuntime } from './log.ts';
import { startWorker } from './run.ts';

runMain('worker', async () => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'ydym-worker');
  installTemporalRuntime(logger);
  const db = await connectDatabase(config);
  await checkProductionDatabase(config, db).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const { connection, client } = await connectTemporal(config);
  const worker = await startWorker({ config, db, client, files: await openFileStore(config) });
  logger.info({ taskQueue: config.temporalTaskQueue }, 'worker running');
  worker.done.catch((error: unknown) => {
    logger.fatal({ err: error }, 'worker crashed');
    process.exit(1);
  });
  return async () => {
    await worker.stop();
    await connection.close();
    await db.destroy();
  };
});

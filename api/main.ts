/** `npm run api`: the API alone, against the configured PostgreSQL and Temporal (deployments). */
import { checkProductionDatabase, connectDatabase, connectTemporal } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { openFileStore } from '../domain/file-stores.ts';
import { createLogger } from '../domain/logger.ts';
import { runMain } from '../domain/run-main.ts';
import { startApi } from './server.ts';

runMain('api', async () => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'ydym-api');
  const db = await connectDatabase(config);
  await checkProductionDatabase(config, db).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const { connection, client } = await connectTemporal(config);
  const api = await startApi({ config, db, logger, temporal: client, files: await openFileStore(config) });
  logger.info({ url: api.url }, 'api listening');
  return async () => {
    await api.close();
    await connection.close();
    await db.destroy();
  };
});

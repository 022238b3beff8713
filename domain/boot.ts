/** Start-up checks shared by every entry point: each failure names the setting at fault. */
import { Connection, Client } from '@temporalio/client';
import type { Config } from './config.ts';
import { createDb, explainDatabaseError } from './db.ts';
import type { Db } from './db.ts';
import { productionDatabaseProblems } from './production.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo.ts';
import { temporalConnectionOptions } from './temporal.ts';

export class BootError extends Error {}

/** A knex instance whose database answered. */
export async function connectDatabase(config: Config): Promise<Db> {
  const db = createDb(config.databaseUrl, config.databasePoolMax);
  try {
    await db.raw('SELECT 1');
  } catch (error) {
    await db.destroy();
    throw new BootError(`${explainDatabaseError(error, config.databaseUrl)} [DATABASE_URL]`);
  }
  return db;
}

/** A Temporal client whose server answered. */
export async function connectTemporal(config: Config): Promise<{ connection: Connection; client: Client }> {
  let connection: Connection;
  try {
    connection = await Connection.connect({ ...temporalConnectionOptions(config), connectTimeout: '10 seconds' });
  } catch (error) {
    throw new BootError(`Temporal is unreachable at ${config.temporalAddress} [TEMPORAL_ADDRESS]: ${(error as Error).message}`);
  }
  return { connection, client: new Client({ connection, namespace: config.temporalNamespace }) };
}

/** In production mode, refuses a database login or accounts that anyone who read the README could use. */
export async function checkProductionDatabase(config: Config, db: Db): Promise<void> {
  if (!config.production) return;
  const problems = await productionDatabaseProblems(db, { usernames: DEMO_USERS.map((u) => u.username), password: DEMO_PASSWORD });
  if (problems.length > 0) throw new BootError(`production mode (NODE_ENV=production) refuses to start:\n  ${problems.join('\n  ')}`);
}

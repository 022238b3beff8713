/** Start-up checks shared by every entry point: each failure names the setting at fault. */
import { Connection, Client } from '@temporalio/client';
import type { Config } from './config.ts';
import { createDb, ensureDatabase, explainDatabaseError } from './db.ts';
import type { Db } from './db.ts';
import { productionDatabaseProblems } from './production.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-accounts.ts';
import { ensureAppRole, excessPrivilege, ownerDatabaseUrl, roleOf } from './db-roles.ts';
import { migrateLatest } from './migrate.ts';
import { StartupError } from './run-main.ts';
import { temporalConnectionOptions } from './temporal.ts';

export class BootError extends StartupError {}

/**
 * A knex instance, as the application role, whose database answered. A superuser or table owner is
 * refused: with it, the application could switch off the audit trail's append-only triggers.
 */
export async function connectDatabase(config: Config): Promise<Db> {
  const db = createDb(config.databaseUrl, config.databasePoolMax);
  let excess: string | undefined;
  try {
    excess = await excessPrivilege(db);
  } catch (error) {
    await db.destroy();
    throw new BootError(`${explainDatabaseError(error, config.databaseUrl)} [DATABASE_URL]`);
  }
  if (excess) {
    await db.destroy();
    throw new BootError(
      `DATABASE_URL must name the application role, not the owner: ${excess} (npm start and npm run migrate create the role named in DATABASE_URL) [DATABASE_URL]`,
    );
  }
  return db;
}

/**
 * As the owner role (`npm start`, `npm run migrate`): creates the database and the application role
 * when missing, then applies pending migrations, which grant the role its rights. Returns the
 * migrations applied.
 */
export async function prepareDatabase(config: Config, say: (line: string) => void): Promise<string[]> {
  const url = ownerDatabaseUrl(config);
  try {
    if (await ensureDatabase(url)) say('Created the PostgreSQL database');
    if ((await ensureAppRole(url, config.databaseUrl)).created)
      say(`Created the application database role "${roleOf(config.databaseUrl)}"`);
  } catch (error) {
    throw new BootError(`${(error as Error).message} [DATABASE_OWNER_URL]`);
  }
  const db = createDb(url, 1);
  try {
    return await migrateLatest(db);
  } catch (error) {
    throw new BootError(`${explainDatabaseError(error, url)} [DATABASE_OWNER_URL]`);
  } finally {
    await db.destroy();
  }
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

/** In production mode, refuses accounts that anyone who read the README could use. */
export async function checkProductionDatabase(config: Config, db: Db): Promise<void> {
  if (!config.production) return;
  const problems = await productionDatabaseProblems(db, { usernames: DEMO_USERS.map((u) => u.username), password: DEMO_PASSWORD });
  if (problems.length > 0) throw new BootError(`production mode (NODE_ENV=production) refuses to start:\n  ${problems.join('\n  ')}`);
}

/**
 * A fresh PostgreSQL database per test file, migrated and seeded with the Qingcheng region tree,
 * dropped at the end. The server is the local one (TEST_DATABASE_URL names another, as a role that may
 * create databases and roles). `url`/`db` connect as that owner (fixtures, migrations); `appUrl`/`appDb`
 * as the application role the API and the workers use, with the rights the migrations grant it.
 */
import { randomBytes } from 'node:crypto';
import { createDb, dropDatabase, ensureDatabase } from '../../domain/db.ts';
import { ensureAppRole } from '../../domain/db-roles.ts';
import type { Db } from '../../domain/db.ts';
import { migrateLatest } from '../../domain/migrate.ts';
import { seedDemoUsers } from '../../tools/seed/demo.ts';
import { districtRegions } from '../../tools/seed/regions.ts';
import { DatabaseRegionStore } from '../../domain/stores/database-regions.ts';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The tests' application login role, one per cluster like the group role it joins (roles are
 * cluster-wide; every test database grants the group its rights). Its own name, so that tests never
 * log in as the role of a local `npm start`.
 */
const TEST_APP_ROLE = { user: 'ydym_test_app', password: 'ydym_test_app' };

export interface TestDatabase {
  /** As the owner. */
  url: string;
  db: Db;
  /** As the application role. */
  appUrl: string;
  appDb: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  options: { migrate?: boolean; regions?: boolean; demoUsers?: boolean } = {},
): Promise<TestDatabase> {
  const url = new URL(SERVER);
  url.pathname = `/ydym_test_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(url.toString());
  const app = new URL(url);
  app.username = TEST_APP_ROLE.user;
  app.password = TEST_APP_ROLE.password;
  await ensureAppRole(url.toString(), app.toString());
  const db = createDb(url.toString(), 5);
  const appDb = createDb(app.toString(), 5);
  if (options.migrate !== false) await migrateLatest(db);
  if (options.regions !== false && options.migrate !== false) await new DatabaseRegionStore(db).upsert(await districtRegions('441802'));
  if (options.demoUsers !== false && options.migrate !== false) await seedDemoUsers(db);
  return {
    url: url.toString(),
    db,
    appUrl: app.toString(),
    appDb,
    async drop() {
      await appDb.destroy();
      await db.destroy();
      await dropDatabase(url.toString());
    },
  };
}

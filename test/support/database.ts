/**
 * A fresh PostgreSQL database per test file, migrated and seeded with the Qingcheng region tree,
 * dropped at the end. The server is the local one (TEST_DATABASE_URL names another).
 */
import { randomBytes } from 'node:crypto';
import { createDb, dropDatabase, ensureDatabase } from '../../domain/db.ts';
import type { Db } from '../../domain/db.ts';
import { migrateLatest } from '../../domain/migrate.ts';
import { seedDemoUsers } from '../../domain/seed/demo.ts';
import { districtRegions } from '../../domain/seed/regions.ts';
import { RegionStore } from '../../domain/stores/regions.ts';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  options: { migrate?: boolean; regions?: boolean; demoUsers?: boolean } = {},
): Promise<TestDatabase> {
  const url = new URL(SERVER);
  url.pathname = `/ydym_test_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(url.toString());
  const db = createDb(url.toString(), 5);
  if (options.migrate !== false) await migrateLatest(db);
  if (options.regions !== false && options.migrate !== false) await new RegionStore(db).upsert(await districtRegions('441802'));
  if (options.demoUsers !== false && options.migrate !== false) await seedDemoUsers(db);
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.destroy();
      await dropDatabase(url.toString());
    },
  };
}

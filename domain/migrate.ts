/** Runs the knex migrations in `migrations/` (TypeScript files, loaded through tsx). */
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

const options = { directory: MIGRATIONS_DIR, loadExtensions: ['.ts'], tableName: 'knex_migrations' };

/** Applies every pending migration; returns the names applied. */
export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(options)) as [number, string[]];
  return applied;
}

/** Rolls back every migration (tests of `down`). */
export async function migrateDownAll(db: Db): Promise<void> {
  await db.migrate.rollback(options, true);
}

/** `npm run migrate`: applies pending migrations to DATABASE_URL (creating the database if missing). */
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { ensureDatabase } from '../domain/db.ts';
import { migrateLatest } from '../domain/migrate.ts';
import { runMain } from './lib/main.ts';

runMain('migrate', async () => {
  const config = loadConfig();
  if (await ensureDatabase(config.databaseUrl)) console.log('created the database');
  const db = await connectDatabase(config);
  const applied = await migrateLatest(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
  await db.destroy();
});

/**
 * `npm run migrate`: as the owner (DATABASE_OWNER_URL), creates the database and the application role
 * named in DATABASE_URL when missing, and applies pending migrations.
 */
import { prepareDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { runMain } from '../domain/run-main.ts';

runMain('migrate', async () => {
  const applied = await prepareDatabase(loadConfig(), (line) => console.log(line));
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
});

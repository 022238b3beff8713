/**
 * `npm run stats:rebuild`: recounts the statistics summary tables (stats_*) from the raw rows in one
 * transaction, as the application role (DATABASE_URL). Writers of houses, inspections, complaints, cases
 * and tasks wait until it commits; readers, the cockpit's included, keep reading the old figures until
 * then. Prints each table's rows and the time taken. Needed only after a fault: the triggers of
 * migration 0023 keep the tables current.
 */
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { runMain } from '../domain/run-main.ts';
import { rebuildStatistics } from '../domain/statistics/rebuild.ts';

runMain('stats:rebuild', async () => {
  const db = await connectDatabase(loadConfig());
  try {
    const report = await rebuildStatistics(db, (line) => console.log(line));
    const total = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
    console.log(`rebuilt ${total} summary rows in ${(report.ms / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
});

/**
 * `npm run stats:check`: recounts the statistics summary tables (stats_*) from the raw rows and prints
 * every summary row that differs (the key, what the raw rows count, what the summary holds). Exit code 1
 * when any differs; `npm run stats:rebuild` then repairs them. Reads only.
 */
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { runMain } from '../domain/run-main.ts';
import { CHECKED_SUMMARIES, statisticsDifferences } from '../domain/statistics/rebuild.ts';

/** Differences printed per table at most; the count is always printed. */
const SHOWN = 20;

runMain('stats:check', async () => {
  const db = await connectDatabase(loadConfig());
  try {
    const started = Date.now();
    const differences = await statisticsDifferences(db);
    for (const table of CHECKED_SUMMARIES) {
      const mine = differences.filter((d) => d.table === table);
      console.log(`${table}: ${mine.length ? `${mine.length} rows differ` : 'consistent'}`);
      for (const d of mine.slice(0, SHOWN)) {
        console.log(`  ${JSON.stringify(d.key)}: recount ${d.expected ?? '—'}, summary ${d.actual ?? '—'}`);
      }
      if (mine.length > SHOWN) console.log(`  … and ${mine.length - SHOWN} more`);
    }
    console.log(`checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (differences.length) {
      console.log('run `npm run stats:rebuild` to recount the summaries from the raw rows');
      process.exitCode = 1;
    }
  } finally {
    await db.destroy();
  }
});

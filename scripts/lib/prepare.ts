/**
 * What `npm start` and `npm run start:cluster` both do before any process serves: the database created and
 * migrated (as its owner, the application role made), the district's regions, demo users and demo houses
 * when empty and DEMO_DATA is on, every house's risk tier current, the production checks, the UI built;
 * and the bundled simulators of the supervision system and the SMS provider when none is configured.
 */
import { resolve } from 'node:path';
import { supervisionCallbackUrl } from '../../domain/cases/escalation.ts';
import { checkProductionDatabase, connectDatabase, prepareDatabase } from '../../domain/boot.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import type { Logger } from '../../domain/logger.ts';
import { sweepAllRiskTiers } from '../../domain/risk/refresh.ts';
import { DatabaseRegionStore } from '../../domain/stores/database-regions.ts';
import { startSmsSimulator } from '../../tools/sms-sim/simulator.ts';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import { seedDemoUsers } from '../../tools/seed/demo.ts';
import { districtRegions } from '../../tools/seed/regions.ts';
import { seedSyntheticBuildings } from '../../tools/synthetic/seed.ts';
import { buildUi } from './ui-build.ts';

/** Synthetic houses loaded into an empty registry when DEMO_DATA is on: enough to make lists and maps look real. */
const DEMO_BUILDINGS = 3000;

/** Prepares the database and the UI; returns the open connection (the caller destroys it). */
export async function preparePlatform(config: Config, say: (line: string) => void): Promise<Db> {
  const applied = await prepareDatabase(config, say);
  if (applied.length) say(`Migrations applied: ${applied.length}`);
  const db = await connectDatabase(config);
  try {
    const regions = new DatabaseRegionStore(db);
    if (!(await regions.exists(config.seedDistrict))) {
      const count = await regions.upsert(await districtRegions(config.seedDistrict.slice(0, 6)));
      say(`Loaded ${count} regions of district ${config.seedDistrict}`);
    }
    const demo = config.demoData ? await seedDemoUsers(db) : 0;
    if (demo) say(`Created ${demo} demo users`);
    if (config.demoData && !(await db('buildings').first('code'))) {
      const houses = await seedSyntheticBuildings(db, { count: DEMO_BUILDINGS, district: config.seedDistrict.slice(0, 6) });
      say(`Created ${houses} synthetic demo buildings`);
    }
    // Houses registered before risk tiers existed, or assessed by older rules, get their tier now.
    const risk = await sweepAllRiskTiers(db);
    if (risk.changed) say(`Risk tiers brought up to date for ${risk.changed} houses`);
    await checkProductionDatabase(config, db);
    await buildUi({ say });
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export interface Simulators {
  supervisionUrl?: string;
  smsUrl?: string;
  close(): Promise<void>;
}

/** The bundled simulators, each only when its real system is not configured. */
export async function startSimulators(config: Config, logger: Logger): Promise<Simulators> {
  const closes: (() => Promise<void>)[] = [];
  const out: Simulators = {
    close: async () => {
      for (const close of closes.reverse()) await close();
    },
  };
  // Without a configured supervision system, escalations go to the bundled simulator.
  if (!config.supervisionUrl) {
    const sim = await startSupervisionSimulator({
      port: config.supervisionSimPort,
      secret: config.supervisionSecret,
      callbackUrl: supervisionCallbackUrl(config),
      stateFile: resolve(config.dataDir, 'supervision-sim.json'),
    });
    closes.push(() => sim.close());
    out.supervisionUrl = sim.url;
  }
  // Without a configured SMS provider, text messages go to the bundled simulator (which sends nothing).
  if (!config.smsUrl) {
    const sms = await startSmsSimulator({ port: config.smsSimPort, secret: config.smsSecret, logger });
    closes.push(() => sms.close());
    out.smsUrl = sms.url;
  }
  return out;
}

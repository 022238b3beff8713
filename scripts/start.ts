/**
 * `npm start`: the whole platform on one machine with embedded defaults. Provisions the Temporal CLI and
 * runs its dev server, creates the database and the application role and migrates (as the owner), loads the region tree and demo users when
 * empty, builds the UI when missing, runs the worker and the API, and prints where everything is.
 * Ctrl-C stops all of it.
 */
import { resolve } from 'node:path';
import { startApi } from '../api/server.ts';
import { supervisionCallbackUrl } from '../domain/cases/escalation.ts';
import { startSupervisionSimulator } from '../tools/supervision-sim/simulator.ts';
import { checkProductionDatabase, connectDatabase, connectTemporal, prepareDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { fileStoreFor } from '../domain/files.ts';
import { createLogger } from '../domain/logger.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../domain/demo-accounts.ts';
import { seedDemoUsers } from '../tools/seed/demo.ts';
import { districtRegions } from '../tools/seed/regions.ts';
import { seedSyntheticBuildings } from '../tools/synthetic/seed.ts';
import { sweepAllRiskTiers } from '../domain/risk/refresh.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { installTemporalRuntime } from '../workers/log.ts';
import { startWorker } from '../workers/run.ts';
import { startDevServer } from './lib/dev-server.ts';
import type { DevServer } from './lib/dev-server.ts';
import { runMain } from '../domain/run-main.ts';
import { provisionTemporalCli } from './lib/temporal-cli.ts';
import { buildUi } from './lib/ui-build.ts';

const say = (line: string) => process.stdout.write(`[start] ${line}\n`);
/** Synthetic houses loaded into an empty registry when DEMO_DATA is on: enough to make lists and maps look real. */
const DEMO_BUILDINGS = 3000;

runMain('start', async () => {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'ydym');
  installTemporalRuntime(logger);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };

  try {
    let dev: DevServer | undefined;
    if (config.temporalEmbedded) {
      const cli = await provisionTemporalCli(say, config.temporalCliPath || undefined);
      say(`Temporal CLI: ${cli}`);
      dev = await startDevServer({
        cli,
        dataDir: resolve(config.dataDir),
        address: config.temporalAddress,
        uiPort: config.temporalUiPort,
        namespace: config.temporalNamespace,
        log: say,
      });
      stops.push(() => dev!.stop());
    }

    const applied = await prepareDatabase(config, say);
    if (applied.length) say(`Migrations applied: ${applied.length}`);
    const db = await connectDatabase(config);
    stops.push(() => db.destroy());

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

    const { connection, client } = await connectTemporal(config);
    stops.push(() => connection.close());
    const files = fileStoreFor(resolve(config.dataDir));
    const worker = await startWorker({ config, db, client, files });
    stops.push(() => worker.stop());
    worker.done.catch((error: unknown) => {
      logger.fatal({ err: error }, 'worker crashed');
      void stopAll().finally(() => process.exit(1));
    });
    const api = await startApi({ config, db, logger, temporal: client, files });
    stops.push(() => api.close());

    // Without a configured supervision system, escalations go to the bundled simulator.
    let simulatorUrl: string | undefined;
    if (!config.supervisionUrl) {
      const sim = await startSupervisionSimulator({
        port: config.supervisionSimPort,
        secret: config.supervisionSecret,
        callbackUrl: supervisionCallbackUrl(config),
        stateFile: resolve(config.dataDir, 'supervision-sim.json'),
      });
      stops.push(() => sim.close());
      simulatorUrl = sim.url;
    }

    const lines = [
      '',
      '一栋一码 · 自建房安全监管平台 is running',
      `  App (admin UI + API):  ${config.publicBaseUrl ?? api.url}`,
      `  API document:          ${api.url}/api/openapi.json`,
      `  Readiness:             ${api.url}/readyz`,
      dev ? `  Temporal Web UI:       ${dev.uiUrl}` : `  Temporal:              ${config.temporalAddress} (external)`,
      simulatorUrl
        ? `  Supervision system:    ${simulatorUrl} (simulator — 政务监督信息化系统模拟器)`
        : `  Supervision system:    ${config.supervisionUrl}`,
      '',
      `  Demo logins (password ${DEMO_PASSWORD}):`,
      ...DEMO_USERS.map((u) => `    ${u.username.padEnd(10)} ${ROLE_LABELS[u.role]}`),
      '',
      ...(config.production
        ? []
        : [
            '  DEMO MODE (演示模式): published demo secrets and demo passwords are in use. Not for real data:',
            '  NODE_ENV=production refuses to start with them (see SECURITY.md, production checklist).',
            '',
          ]),
      `  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops everything.`,
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return stopAll;
  } catch (error) {
    await stopAll();
    throw error;
  }
});

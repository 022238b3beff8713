/**
 * `npm start`: the whole platform on one machine with embedded defaults. Runs the bundled PostgreSQL when
 * none answers at the default address, provisions the Temporal CLI and runs its dev server, creates the database and the application role and migrates (as the owner), loads the region tree and demo users when
 * empty, builds the UI when missing, runs the worker and the API, and prints where everything is.
 * Ctrl-C stops all of it.
 */
import { resolve } from 'node:path';
import { startApi } from '../api/server.ts';
import { connectTemporal } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { openFileStore } from '../domain/file-stores.ts';
import { createLogger } from '../domain/logger.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../domain/demo-accounts.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { installTemporalRuntime } from '../workers/log.ts';
import { startWorker } from '../workers/run.ts';
import { startDevServer } from './lib/dev-server.ts';
import { ensureDatabaseServer } from './lib/embedded-postgres/index.ts';
import type { DevServer } from './lib/dev-server.ts';
import { runMain } from '../domain/run-main.ts';
import { preparePlatform, startSimulators } from './lib/prepare.ts';
import { provisionTemporalCli } from './lib/temporal-cli.ts';

const say = (line: string) => process.stdout.write(`[start] ${line}\n`);

runMain('start', async () => {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'ydym');
  installTemporalRuntime(logger);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  // Ctrl-C while starting: exit at once, so the servers started so far (PostgreSQL, Temporal) are
  // stopped by their exit hooks; once everything is up, runMain's orderly stop takes over.
  const early = () => process.exit(130);
  process.on('SIGINT', early);
  process.on('SIGTERM', early);

  try {
    // On a machine without PostgreSQL, the bundled one (stopped last, after everything that uses it).
    const postgres = await ensureDatabaseServer(config, say);
    if (postgres) stops.push(() => postgres.stop());

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

    const db = await preparePlatform(config, say);
    stops.push(() => db.destroy());

    const { connection, client } = await connectTemporal(config);
    stops.push(() => connection.close());
    const files = await openFileStore({ ...config, dataDir: resolve(config.dataDir) });
    const worker = await startWorker({ config, db, client, files });
    stops.push(() => worker.stop());
    worker.done.catch((error: unknown) => {
      logger.fatal({ err: error }, 'worker crashed');
      void stopAll().finally(() => process.exit(1));
    });
    const api = await startApi({ config, db, logger, temporal: client, files });
    stops.push(() => api.close());

    const sims = await startSimulators(config, logger);
    stops.push(() => sims.close());
    const simulatorUrl = sims.supervisionUrl;
    const smsSimulatorUrl = sims.smsUrl;

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
      smsSimulatorUrl
        ? `  SMS provider:          ${smsSimulatorUrl} (simulator, sends nothing — 短信平台模拟器)`
        : `  SMS provider:          ${config.smsUrl}`,
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
    process.off('SIGINT', early);
    process.off('SIGTERM', early);
    // Without its database the platform only fails requests: stop all of it and say why.
    void postgres?.lost.then((output) => {
      logger.fatal({ output: output.slice(-2000) }, 'the bundled PostgreSQL stopped unexpectedly');
      void stopAll().finally(() => process.exit(1));
    });
    return stopAll;
  } catch (error) {
    await stopAll();
    throw error;
  }
});

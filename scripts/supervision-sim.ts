/**
 * `npm run supervision-sim`: runs the bundled supervision system simulator on its own, for working on
 * escalations without the rest of `npm start`. State lives in DATA_DIR, so de-duplication survives restarts.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BootError } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { createLogger } from '../domain/logger.ts';
import { startSupervisionSimulator } from '../tools/supervision-sim/simulator.ts';
import { runMain } from '../domain/run-main.ts';

runMain('supervision-sim', async () => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'supervision-sim');
  const dataDir = resolve(config.dataDir);
  await mkdir(dataDir, { recursive: true });
  const stateFile = join(dataDir, 'supervision-sim.json');
  const callbackUrl = `${config.baseUrl}/api/supervision/callbacks`;

  const sim = await startSupervisionSimulator({
    port: config.supervisionSimPort,
    secret: config.supervisionSecret,
    callbackUrl,
    stateFile,
    logger,
  }).catch((error: NodeJS.ErrnoException) => {
    throw new BootError(
      error.code === 'EADDRINUSE'
        ? `port ${config.supervisionSimPort} is already in use [SUPERVISION_SIM_PORT]`
        : `cannot start the supervision simulator: ${error.message}`,
    );
  });

  console.log(`政务监督信息化系统（模拟器）— a SIMULATOR for development, not the real government system`);
  console.log(`  page and API: ${sim.url}`);
  console.log(`  callbacks to: ${callbackUrl}`);
  console.log(`  state file:   ${stateFile}`);
  if (config.supervisionUrl && config.supervisionUrl !== sim.url) {
    console.log(`  note: SUPERVISION_URL=${config.supervisionUrl}, so the platform does not send to this simulator`);
  }
  return () => sim.close();
});

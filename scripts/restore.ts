/**
 * `npm run restore -- --from <dir> [--force]`: restores a backup of `npm run backup` into the places the
 * configuration names (DATABASE_OWNER_URL/DATABASE_URL, DATA_DIR or the S3 store, the dev server's state
 * under DATA_DIR or the cluster's databases given by --temporal-db and --temporal-visibility-db). Checks
 * every checksum first and refuses a target that is not empty unless --force. Stop the platform (and
 * its Temporal server) before, start it after: the sweeper and the anchor workflow finish the repair.
 */
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../domain/config.ts';
import { runMain } from '../domain/run-main.ts';
import { BackupError } from './lib/backup/manifest.ts';
import { restoreBackup } from './lib/backup/restore.ts';
import { TARGET_OPTIONS, anchorTarget, listableStore, ownerDatabaseUrl, temporalTarget } from './lib/backup/targets.ts';

/** Whether something answers at host:port (a dev server still running on the state about to be replaced). */
function answers(address: string): Promise<boolean> {
  const [host = '127.0.0.1', port = '7233'] = address.split(':');
  return new Promise((done) => {
    const socket = createConnection({ host, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

runMain('restore', async () => {
  const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false }, ...TARGET_OPTIONS } });
  if (!values.from) throw new BackupError('name the backup folder: npm run restore -- --from <dir>');
  const config = loadConfig();
  const anchorFile = anchorTarget(config, values);
  const temporal = temporalTarget(config, values);
  if (temporal.kind === 'sqlite' && !values['temporal-sqlite'] && (await answers(config.temporalAddress)))
    throw new BackupError(
      `a Temporal server answers at ${config.temporalAddress} [TEMPORAL_ADDRESS]: stop the platform (npm start) before a restore`,
    );
  const manifest = await restoreBackup({
    from: resolve(values.from),
    ownerUrl: ownerDatabaseUrl(config),
    appUrl: config.databaseUrl,
    temporal,
    files: await listableStore(config),
    anchorFile,
    force: values.force,
    say: (line) => console.log(`  ${line}`),
  });
  console.log(`restore: the state of ${manifest.temporal.copiedAt} is back. Start the platform, then check the audit trail:`);
  console.log(`  npm run audit:verify -- --anchors ${anchorFile}`);
});

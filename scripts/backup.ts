/**
 * `npm run backup [-- --to <dir>]`: one self-describing backup of the platform while it runs: the anchor
 * file, Temporal's state, the platform database, the file store and a manifest with each part's SHA-256
 * (scripts/lib/backup/take.ts says why in that order). Default folder: DATA_DIR/backups/<UTC time>.
 * Options for a Temporal cluster: --temporal-db <url> --temporal-visibility-db <url> (its role may read
 * both); --temporal-sqlite <file> for a dev server's state elsewhere; --anchors <file> for the anchor file.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../domain/config.ts';
import { runMain } from '../domain/run-main.ts';
import { takeBackup } from './lib/backup/take.ts';
import { TARGET_OPTIONS, anchorTarget, appVersion, listableStore, ownerDatabaseUrl, temporalTarget } from './lib/backup/targets.ts';

runMain('backup', async () => {
  const { values } = parseArgs({ options: { to: { type: 'string' }, ...TARGET_OPTIONS } });
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const to = resolve(values.to ?? join(config.dataDir, 'backups', stamp));
  const files = await listableStore(config);
  const manifest = await takeBackup({
    to,
    ownerUrl: ownerDatabaseUrl(config),
    temporal: temporalTarget(config, values),
    files,
    fileStore: config.fileStore,
    anchorFile: anchorTarget(config, values),
    appVersion: appVersion(),
    say: (line) => console.log(`  ${line}`),
  });
  const bytes = manifest.parts.reduce((sum, p) => sum + p.bytes + (p.fileBytes ?? 0), 0);
  console.log(`backup: ${to} (${(bytes / 1_048_576).toFixed(1)} MB, ${manifest.parts.length} parts); copy it off this machine`);
});

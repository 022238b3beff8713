/**
 * What `npm run backup` and `npm run restore` read from the configuration and their options: the
 * platform database (DATABASE_OWNER_URL, DATABASE_URL), Temporal's state (the dev server's SQLite file
 * under DATA_DIR when TEMPORAL_EMBEDDED, else the cluster's databases named by --temporal-db and
 * --temporal-visibility-db), the file store (FILE_STORE) and the anchor file (DATA_DIR/anchors).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { anchorFilePath } from '../../../domain/cases/anchor-file.ts';
import type { Config } from '../../../domain/config.ts';
import { ownerDatabaseUrl } from '../../../domain/db-roles.ts';
import { openFileStore } from '../../../domain/file-stores.ts';
import type { ListableFileStore } from '../../../domain/files.ts';
import { BackupError } from './manifest.ts';
import type { TemporalSource } from './take.ts';

/** The options both commands share. */
export const TARGET_OPTIONS = {
  'temporal-db': { type: 'string' },
  'temporal-visibility-db': { type: 'string' },
  'temporal-sqlite': { type: 'string' },
  anchors: { type: 'string' },
} as const;

export interface TargetValues {
  'temporal-db'?: string | undefined;
  'temporal-visibility-db'?: string | undefined;
  'temporal-sqlite'?: string | undefined;
  anchors?: string | undefined;
}

/** The dev server's state file under a data folder (scripts/lib/dev-server.ts writes it there). */
export function devServerStateFile(dataDir: string): string {
  return join(resolve(dataDir), 'temporal', 'temporal.sqlite');
}

export function temporalTarget(config: Config, values: TargetValues): TemporalSource {
  const url = values['temporal-db'];
  const visibilityUrl = values['temporal-visibility-db'];
  if (url || visibilityUrl) {
    if (!url || !visibilityUrl)
      throw new BackupError('--temporal-db and --temporal-visibility-db go together (the Temporal cluster has both)');
    for (const [name, value] of [
      ['--temporal-db', url],
      ['--temporal-visibility-db', visibilityUrl],
    ] as const)
      if (!/^postgres(ql)?:\/\//.test(value)) throw new BackupError(`${name} must be a postgres:// URL`);
    return { kind: 'postgres', url, visibilityUrl };
  }
  if (!config.temporalEmbedded && !values['temporal-sqlite'])
    throw new BackupError(
      "TEMPORAL_EMBEDDED is false: name the Temporal cluster's databases with --temporal-db and --temporal-visibility-db (or a dev server's file with --temporal-sqlite)",
    );
  return { kind: 'sqlite', file: resolve(values['temporal-sqlite'] ?? devServerStateFile(config.dataDir)) };
}

export async function listableStore(config: Config): Promise<ListableFileStore> {
  const store = await openFileStore(config);
  if (!('keys' in store)) throw new BackupError(`FILE_STORE=${config.fileStore} cannot list its files`);
  return store as ListableFileStore;
}

export function anchorTarget(config: Config, values: TargetValues): string {
  return resolve(values.anchors ?? anchorFilePath(resolve(config.dataDir)));
}

export { ownerDatabaseUrl };

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

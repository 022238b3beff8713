/**
 * Restores one backup into fresh places: the platform database (created when missing), Temporal's state
 * (the dev server's SQLite file, or the cluster's two databases), the file store and the anchor file.
 * Everything is checked before anything is written: the manifest, every part's SHA-256, every file
 * against the index, the migration level (this version must know it), and that each target is empty
 * (`force` replaces what is there). A failure while writing undoes the parts already written and names
 * the part that failed, so no half restore is left behind unnoticed.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb, ensureDatabase } from '../../../domain/db.ts';
import { ensureAppRole, excessPrivilege } from '../../../domain/db-roles.ts';
import type { ListableFileStore } from '../../../domain/files.ts';
import { migrateLatest } from '../../../domain/migrate.ts';
import { BackupError, readManifest, verifyParts } from './manifest.ts';
import type { Manifest, PartName } from './manifest.ts';
import { restoreFiles, verifyFiles } from './files.ts';
import type { TemporalSource } from './take.ts';
import { checkSqlite } from './take.ts';
import { libpqEnv, pgTool, run, sqliteShell } from './tools.ts';

export interface RestoreOptions {
  from: string;
  /** The platform database as its owner; created when missing. */
  ownerUrl: string;
  /** The application role (DATABASE_URL): made when missing, checked to reach the restored tables. */
  appUrl: string;
  temporal: TemporalSource;
  files: ListableFileStore;
  anchorFile: string;
  /** Replace a database, SQLite file, store or anchor file that is not empty. */
  force: boolean;
  say(line: string): void;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Tables, views and sequences in the database's own schemas (0 for a fresh database; undefined when it does not exist). */
async function relations(url: string): Promise<number | undefined> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (!(await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return undefined;
  } finally {
    await client.end();
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'v', 'm', 'S', 'p')`,
    );
    return Number(rows[0]?.n);
  } finally {
    await db.end();
  }
}

async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

export async function restoreBackup(o: RestoreOptions): Promise<Manifest> {
  const { from, say } = o;
  if (!existsSync(from) || !(await stat(from)).isDirectory()) throw new BackupError(`${from}: no such backup folder`);
  const manifest = await readManifest(from);
  await verifyParts(from, manifest);
  const index = await verifyFiles(from);
  say(`backup of ${manifest.finishedAt}: ${manifest.parts.length} parts, checksums match`);

  const known = (await readdir(MIGRATIONS_DIR)).filter((f) => /\.ts$/.test(f) && !f.endsWith('.test.ts'));
  if (!known.includes(manifest.migration))
    throw new BackupError(
      `the backup's database is at migration ${manifest.migration}, which this version of the platform does not have: restore with the version that made it (${manifest.versions.app}) or newer`,
    );
  if (manifest.temporal.kind !== o.temporal.kind)
    throw new BackupError(
      manifest.temporal.kind === 'sqlite'
        ? "the backup holds a Temporal dev server's state (SQLite): restore it for the dev server (TEMPORAL_EMBEDDED=true), without --temporal-db"
        : "the backup holds a Temporal cluster's databases: name their targets with --temporal-db and --temporal-visibility-db",
    );

  // Every target is looked at before anything is written.
  const refuse = (what: string) =>
    new BackupError(`${what} is not empty: restore into a new one, or pass --force to replace it (what it holds is lost)`);
  const platformRelations = await relations(o.ownerUrl);
  if (platformRelations && !o.force)
    throw refuse(`the platform database ${dbName(o.ownerUrl)} (${platformRelations} tables and sequences)`);
  const temporalTargets = o.temporal.kind === 'postgres' ? [o.temporal.url, o.temporal.visibilityUrl] : [];
  for (const url of temporalTargets) if ((await relations(url)) && !o.force) throw refuse(`Temporal's database ${dbName(url)}`);
  if (o.temporal.kind === 'sqlite' && existsSync(o.temporal.file) && !o.force)
    throw refuse(`the Temporal dev server's state ${o.temporal.file} (stop the dev server first)`);
  for await (const key of o.files.keys()) {
    if (!o.force) throw refuse(`the file store (it holds ${key} and maybe more)`);
    break;
  }
  if (existsSync(o.anchorFile) && (await stat(o.anchorFile)).size > 0 && !o.force) throw refuse(`the anchor file ${o.anchorFile}`);

  const undo: { part: PartName; action: () => Promise<void> }[] = [];
  let current: PartName = 'platform';
  try {
    await restorePlatform();
    current = 'temporal';
    await restoreTemporal();
    current = 'files';
    for (const f of index) undo.push({ part: 'files', action: () => o.files.remove(f.key) });
    await restoreFiles(from, index, o.files);
    say(`files: ${index.length} restored`);
    current = 'anchors';
    await mkdir(dirname(o.anchorFile), { recursive: true });
    await copyFile(join(from, 'anchors.jsonl'), o.anchorFile);
    undo.push({ part: 'anchors', action: () => rm(o.anchorFile, { force: true }) });
    say('anchors: restored');
  } catch (error) {
    const undone = new Set<string>();
    for (const u of undo.reverse()) {
      await u.action().catch(() => undefined);
      undone.add(u.part);
    }
    throw new BackupError(
      `restoring the part "${current}" failed: ${(error as Error).message}${undone.size ? `\n  undone: ${[...undone].join(', ')}` : ''}`,
    );
  }
  return manifest;

  async function restorePlatform(): Promise<void> {
    if (platformRelations) await dropDatabase(o.ownerUrl);
    if (platformRelations !== undefined) await ensureDatabase(o.ownerUrl);
    else if (await ensureDatabase(o.ownerUrl)) say(`created the database ${dbName(o.ownerUrl)}`);
    undo.push({
      part: 'platform',
      action: async () => {
        await dropDatabase(o.ownerUrl);
        // A database that was there before (empty, or replaced by --force) is left there, empty.
        if (platformRelations !== undefined) await ensureDatabase(o.ownerUrl);
      },
    });
    // The grants in the dump name the group role; the login role of DATABASE_URL joins it.
    await ensureAppRole(o.ownerUrl, o.appUrl);
    // As the owner, in one transaction: objects belong to the owner role, the grants come with them.
    await run(
      pgTool('pg_restore'),
      ['--single-transaction', '--exit-on-error', '--no-owner', '--dbname', dbName(o.ownerUrl), join(from, 'platform.dump')],
      libpqEnv(o.ownerUrl),
    ).done;
    const db = createDb(o.ownerUrl, 1);
    try {
      const cleared = await clearStartedSince(db, manifest.temporal.copiedAt);
      if (cleared) say(`${cleared} rows whose workflow started after Temporal was copied will be started again by the sweeper`);
      const applied = await migrateLatest(db);
      if (applied.length) say(`migrations applied after the restore: ${applied.join(', ')}`);
    } finally {
      await db.destroy();
    }
    const app = createDb(o.appUrl, 1);
    try {
      const excess = await excessPrivilege(app);
      if (excess) throw new Error(`DATABASE_URL: ${excess}`);
      await app('cases').count({ n: '*' });
    } finally {
      await app.destroy();
    }
    say(`platform database: restored into ${dbName(o.ownerUrl)} (migration ${manifest.migration})`);
  }

  async function restoreTemporal(): Promise<void> {
    if (o.temporal.kind === 'sqlite') {
      const target = o.temporal.file;
      await mkdir(dirname(target), { recursive: true });
      const partial = `${target}.restoring`;
      await copyFile(join(from, 'temporal.sqlite'), partial);
      await checkSqlite(sqliteShell(), partial);
      // The dev server's own side files of an older state would be read as part of the new one.
      for (const side of ['-wal', '-shm', '-journal']) await rm(target + side, { force: true });
      await rename(partial, target);
      undo.push({ part: 'temporal', action: () => rm(target, { force: true }) });
      say(`temporal: restored into ${target}`);
      return;
    }
    const pgRestore = pgTool('pg_restore');
    for (const [url, file] of [
      [o.temporal.url, 'temporal.dump'],
      [o.temporal.visibilityUrl, 'temporal-visibility.dump'],
    ] as const) {
      const had = await relations(url);
      if (had) await dropDatabase(url);
      await ensureDatabase(url);
      undo.push({ part: 'temporal', action: () => dropDatabase(url) });
      await run(
        pgRestore,
        ['--single-transaction', '--exit-on-error', '--no-owner', '--dbname', dbName(url), join(from, file)],
        libpqEnv(url),
      ).done;
      say(`temporal: restored into ${dbName(url)}`);
    }
  }
}

/**
 * Clears `workflow_started_at` on rows marked started at or after `since` in every table that has the
 * column: their workflows may be missing from Temporal's copy, and the sweeper starts each such row's
 * workflow (by its derived id, where "already started" counts as started).
 */
async function clearStartedSince(db: ReturnType<typeof createDb>, since: string): Promise<number> {
  const tables = (
    (await db.raw(
      `SELECT table_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'workflow_started_at' ORDER BY table_name`,
    )) as { rows: { name: string }[] }
  ).rows;
  let cleared = 0;
  for (const { name } of tables) cleared += await db(name).where('workflow_started_at', '>=', since).update({ workflow_started_at: null });
  return cleared;
}

/**
 * Takes one backup: the anchor file, Temporal's state, the platform database, the file store, then the
 * manifest. The order is what makes the parts agree with each other when restored:
 *
 * 1. **Anchors first.** The anchor file is only ever appended with anchors already committed in the
 *    database, so every anchor in this copy is in the database dump taken after it (the restored
 *    database may hold later ones; the anchor workflow appends them to the file again).
 * 2. **Temporal, with case steps held.** A case step is written to the database (apply_case_transition,
 *    keyed by case and sequence number) a moment before Temporal records it. The backup takes an
 *    EXCLUSIVE lock on `case_events` (reads go on; step writes wait), lets steps already written reach
 *    Temporal (SETTLE_MS), copies Temporal's state, and only then takes the database snapshot, under the
 *    same lock. So for every case the dump and Temporal's copy show the same last step: a restored case
 *    waits for exactly the task its inbox row shows, and its next step follows its last event.
 * 3. **The platform database**, from a snapshot exported inside that lock (`pg_dump --snapshot`); the lock
 *    is released as soon as pg_dump holds it, so steps wait for seconds, not for the whole dump. Rows that
 *    are not case steps are not held: a row written while Temporal was copied (a new case, a complaint)
 *    may be in the dump without its workflow in Temporal's copy. The manifest keeps the time the copy
 *    began (by the database's clock); the restore clears `workflow_started_at` of rows marked started
 *    since, and the sweeper, which starts every row without a workflow, starts them again. A step of
 *    another workflow kind written in that window stays in the dump without its record in Temporal (the
 *    README's Backups section names this gap); only case steps are held, because a lock on every table
 *    the workers write could deadlock with their transactions.
 * 4. **Files last**: a file is stored before any row names it, so every file the dump refers to is
 *    there (files added later are copied too and are merely unused).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { ListableFileStore } from '../../../domain/files.ts';
import { BackupError, describePart, writeManifest, FORMAT, FORMAT_VERSION } from './manifest.ts';
import type { Manifest, Part } from './manifest.ts';
import { backupFiles, FILES_INDEX } from './files.ts';
import { libpqEnv, pgTool, run, sqliteShell, toolVersion } from './tools.ts';

/** Where Temporal keeps its state: the dev server's SQLite file, or the cluster's two PostgreSQL databases. */
export type TemporalSource = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; visibilityUrl: string };

export interface BackupOptions {
  /** The backup folder: created, or empty. */
  to: string;
  /** The platform database as its owner (pg_dump and the lock need it). */
  ownerUrl: string;
  temporal: TemporalSource;
  files: ListableFileStore;
  fileStore: 'folder' | 's3';
  /** The anchor file (DATA_DIR/anchors/anchors.jsonl); missing means no anchor was exported yet. */
  anchorFile: string;
  appVersion: string;
  /** How long steps already written get to reach Temporal before it is copied. */
  settleMs?: number;
  say(line: string): void;
}

/** Long enough for a workflow task whose step was just written to be completed by its worker. */
export const SETTLE_MS = 1500;

export async function takeBackup(options: BackupOptions): Promise<Manifest> {
  const { to, say } = options;
  if (existsSync(to) && (await readdir(to)).length > 0) throw new BackupError(`${to} is not empty: name a new folder with --to`);
  await mkdir(to, { recursive: true });
  try {
    return await take(options);
  } catch (error) {
    // A failed backup leaves no folder that looks like one.
    await rm(to, { recursive: true, force: true });
    throw error;
  }

  async function take(o: BackupOptions): Promise<Manifest> {
    const startedAt = new Date().toISOString();
    const pgDump = pgTool('pg_dump');
    const sqlite = o.temporal.kind === 'sqlite' ? sqliteShell() : undefined;
    const parts: Part[] = [];

    const anchors = await copyAnchors(o.anchorFile, join(to, 'anchors.jsonl'));
    parts.push(await describePart(to, 'anchors', 'anchors.jsonl', `the exported audit anchors (${anchors} lines)`));
    say(`anchors: ${anchors} copied`);

    const client = new pg.Client({ connectionString: o.ownerUrl });
    await client.connect();
    let copiedAt: string;
    let migration: string;
    let postgres: string;
    let dump: ReturnType<typeof run> | undefined;
    try {
      postgres = ((await client.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = '60s'`);
      await client.query('LOCK TABLE case_events IN EXCLUSIVE MODE');
      copiedAt = ((await client.query('SELECT clock_timestamp() AS t')).rows[0] as { t: Date }).t.toISOString();
      await new Promise((r) => setTimeout(r, o.settleMs ?? SETTLE_MS));
      parts.push(...(await copyTemporal(o.temporal, to, pgDump, sqlite)));
      say(`temporal: copied (${o.temporal.kind})`);
      const snapshot = ((await client.query('SELECT pg_export_snapshot() AS s')).rows[0] as { s: string }).s;
      migration =
        ((await client.query('SELECT name FROM knex_migrations ORDER BY id DESC LIMIT 1')).rows[0] as { name: string } | undefined)?.name ??
        '';
      if (!migration) throw new BackupError('the platform database has no migrations applied: nothing to back up');
      const appName = `ydym-backup-${randomBytes(4).toString('hex')}`;
      dump = run(pgDump, ['--format=custom', `--snapshot=${snapshot}`, '--file', join(to, 'platform.dump')], {
        ...libpqEnv(o.ownerUrl),
        PGAPPNAME: appName,
      });
      await untilDumpHoldsSnapshot(client, appName, dump);
      await client.query('COMMIT');
    } catch (error) {
      dump?.stop();
      await dump?.done.catch(() => undefined);
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
    await dump!.done;
    const database = decodeURIComponent(new URL(o.ownerUrl).pathname.slice(1));
    parts.push(await describePart(to, 'platform', 'platform.dump', `pg_dump custom format of the platform database ${database}`));
    say(`platform database: dumped (migration ${migration})`);

    const files = await backupFiles(o.files, to);
    parts.push(
      await describePart(to, 'files', FILES_INDEX, `index of the ${o.fileStore} file store's files, copied under files/`, {
        count: files.count,
        fileBytes: files.bytes,
      }),
    );
    say(`files: ${files.count} copied (${(files.bytes / 1_048_576).toFixed(1)} MB)`);

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      startedAt,
      finishedAt: new Date().toISOString(),
      versions: {
        app: o.appVersion,
        node: process.version,
        postgres,
        pgDump: toolVersion(pgDump),
        ...(sqlite ? { sqlite: toolVersion(sqlite) } : {}),
      },
      migration,
      temporal: { kind: o.temporal.kind, copiedAt },
      fileStore: o.fileStore,
      parts,
    };
    await writeManifest(to, manifest);
    return manifest;
  }
}

/** Copies the anchor file's whole lines (a line being appended right now is left for the next backup). */
async function copyAnchors(from: string, to: string): Promise<number> {
  let text = '';
  try {
    text = await readFile(from, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  text = text.slice(0, text.lastIndexOf('\n') + 1);
  await writeFile(to, text);
  return text.split('\n').filter((l) => l.trim()).length;
}

/**
 * The dev server's SQLite file through `VACUUM INTO` (one read transaction: a consistent copy while the
 * server runs and writes; its writers wait at most for the copy), checked with `PRAGMA integrity_check`;
 * or the cluster's two databases through pg_dump, each from one snapshot.
 */
async function copyTemporal(source: TemporalSource, to: string, pgDump: string, sqlite: string | undefined): Promise<Part[]> {
  if (source.kind === 'postgres') {
    await Promise.all([
      run(pgDump, ['--format=custom', '--file', join(to, 'temporal.dump')], libpqEnv(source.url)).done,
      run(pgDump, ['--format=custom', '--file', join(to, 'temporal-visibility.dump')], libpqEnv(source.visibilityUrl)).done,
    ]);
    return [
      await describePart(
        to,
        'temporal',
        'temporal.dump',
        `pg_dump custom format of Temporal's database ${new URL(source.url).pathname.slice(1)}`,
      ),
      await describePart(
        to,
        'temporal-visibility',
        'temporal-visibility.dump',
        `pg_dump custom format of Temporal's visibility database ${new URL(source.visibilityUrl).pathname.slice(1)}`,
      ),
    ];
  }
  if (!existsSync(source.file))
    throw new BackupError(
      `no Temporal dev server state at ${source.file}: with a Temporal cluster, name its databases with --temporal-db and --temporal-visibility-db`,
    );
  const copy = join(to, 'temporal.sqlite');
  await vacuumInto(sqlite!, source.file, copy);
  await checkSqlite(sqlite!, copy);
  return [await describePart(to, 'temporal', 'temporal.sqlite', "a copy of the Temporal dev server's SQLite file (VACUUM INTO)")];
}

/**
 * `VACUUM INTO`, tried again when SQLite answers "database is locked" even after its busy timeout (seen
 * once, in a test run on an overloaded machine, while the server checkpointed): a half-written copy is
 * removed first, as `VACUUM INTO` refuses to write over a file.
 */
export async function vacuumInto(
  sqlite: string,
  file: string,
  copy: string,
  { attempts = 3, busyTimeoutMs = 30_000 }: { attempts?: number; busyTimeoutMs?: number } = {},
): Promise<void> {
  const quoted = copy.replaceAll("'", "''");
  for (let attempt = 1; ; attempt++) {
    try {
      await run(sqlite, ['-bail', file, `.timeout ${busyTimeoutMs}`, `VACUUM INTO '${quoted}'`]).done;
      return;
    } catch (error) {
      if (attempt >= attempts || !/database is locked|SQLITE_BUSY/i.test(String(error))) throw error;
      await rm(copy, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** Fails unless SQLite finds the file whole. */
export async function checkSqlite(sqlite: string, file: string): Promise<void> {
  const out = join(file + '.check');
  await run(sqlite, ['-bail', file, `.output ${out}`, 'PRAGMA integrity_check']).done;
  const verdict = (await readFile(out, 'utf8')).trim();
  await rm(out, { force: true });
  if (verdict !== 'ok') throw new BackupError(`${file}: SQLite's integrity check failed: ${verdict.slice(0, 500)}`);
}

/**
 * Waits until pg_dump has imported the exported snapshot: it does so first thing, before it locks the
 * tables it dumps, so a lock on a table of the platform's schema held by its session (found by its
 * application name) means it has.
 */
async function untilDumpHoldsSnapshot(client: pg.Client, appName: string, dump: ReturnType<typeof run>): Promise<void> {
  let ended: { error?: unknown } | undefined;
  dump.done.then(
    () => (ended = {}),
    (error: unknown) => (ended = { error }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    // A small database is dumped before the first look.
    if (ended) {
      if (ended.error) throw ended.error as Error;
      return;
    }
    const { rowCount } = await client.query(
      `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid JOIN pg_class c ON c.oid = l.relation
        WHERE a.application_name = $1 AND l.locktype = 'relation' AND l.granted AND c.relnamespace = 'public'::regnamespace
        LIMIT 1`,
      [appName],
    );
    if (rowCount) return;
    if (Date.now() > deadline) throw new BackupError('pg_dump did not start within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

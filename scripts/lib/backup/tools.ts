/**
 * The command-line tools a backup runs: PostgreSQL's `pg_dump`/`pg_restore` (the newest installed major
 * version, which reads every older server) and the SQLite shell `sqlite3` (the online copy of the
 * Temporal dev server's state). Each is looked up once; a missing one is a StartupError saying how to
 * install it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../../../domain/run-main.ts';

/** `pg_dump` or `pg_restore`: from PG_BIN_DIR, else the newest /usr/lib/postgresql/<n>/bin, else PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = process.env.PG_BIN_DIR ? [process.env.PG_BIN_DIR] : [];
  try {
    const majors = readdirSync('/usr/lib/postgresql')
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => join('/usr/lib/postgresql', m, 'bin')));
  } catch {
    // Not a Debian layout: PATH below.
  }
  for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  if (spawnSync(name, ['--version']).status === 0) return name;
  throw new StartupError(`${name} not found: install the PostgreSQL client (apt-get install postgresql-client) or set PG_BIN_DIR`);
}

/** The SQLite shell, from SQLITE3_PATH or PATH. */
export function sqliteShell(): string {
  const path = process.env.SQLITE3_PATH || 'sqlite3';
  if (spawnSync(path, ['--version']).status !== 0)
    throw new StartupError(`sqlite3 not found: install the SQLite shell (apt-get install sqlite3) or set SQLITE3_PATH`);
  return path;
}

/** The first line a tool prints for `--version`. */
export function toolVersion(path: string): string {
  return spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? '';
}

/** libpq's settings for a connection URL: the tools get the password from the environment, never argv. */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  return {
    PGHOST: u.hostname || '127.0.0.1',
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username) || 'postgres',
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}),
  };
}

export interface Running {
  pid: number;
  /** Resolves when the tool exited 0; rejects with its last output otherwise. */
  done: Promise<void>;
  /** Ends it (a backup given up: the tool must not write on into a folder being removed). */
  stop(): void;
}

/** Runs a tool; its stderr (the last 4 kB) is the error message when it fails. */
export function run(path: string, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(path, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.split('/').pop()} ${signal ? `killed by ${signal}` : `exited with ${code}`}: ${output.trim()}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    done,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}

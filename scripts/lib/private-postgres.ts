/**
 * A PostgreSQL server of its own, for a run that must stop and start the database (the soak's faults)
 * without touching the machine's server that others use: Debian's binaries (`/usr/lib/postgresql/<v>/bin`),
 * a fresh data folder made by initdb, loopback only, trust authentication (any role, no password: the
 * folder and the port live only as long as the run), superuser `postgres`. initdb and the server refuse
 * to run as root, so as root they run as `nobody`, the data folder handed to it.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { StartupError } from '../../domain/run-main.ts';

export interface PrivatePostgres {
  port: number;
  /** The superuser's URL of database `database` (default `postgres`). */
  url(database?: string): string;
  /** Stops it at once (`pg_ctl stop -m fast`: open sessions are ended) and starts it again; resolves once it answers. */
  restart(): Promise<void>;
  /** Stops it and removes its data folder. */
  destroy(): Promise<void>;
}

/** The binaries folder of the newest PostgreSQL installed the Debian way, or undefined. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const NOBODY = { uid: 65534, gid: 65534 };

export async function startPrivatePostgres(port: number, options: { maxConnections?: number } = {}): Promise<PrivatePostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new StartupError('PostgreSQL server binaries are needed (/usr/lib/postgresql/<version>/bin): apt-get install postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'ydym-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, NOBODY.uid, NOBODY.gid);
  const run = (command: string, args: string[]) => {
    const result = spawnSync(join(bin, command), args, {
      cwd: dir,
      encoding: 'utf8',
      ...(asRoot ? NOBODY : {}),
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    if (result.status !== 0)
      throw new StartupError(
        `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}${result.error ?? ''}`,
      );
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      `max_connections = ${options.maxConnections ?? 300}`,
      // A scratch server: durability of each commit to the disk is not what is tested (a restart is fast, not a crash of the machine).
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'shared_buffers = 128MB',
    ].join('\n') + '\n',
  );
  if (asRoot) chownSync(join(data, 'postgresql.auto.conf'), NOBODY.uid, NOBODY.gid);
  const log = join(dir, 'server.log');
  const start = async () => {
    run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
    await answering(`postgres://postgres@127.0.0.1:${port}/postgres`);
  };
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  try {
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: async () => {
      stop();
      await start();
    },
    destroy: async () => {
      if (stopped) return;
      stopped = true;
      try {
        stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function answering(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

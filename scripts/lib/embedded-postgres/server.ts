/**
 * The bundled PostgreSQL as a child of `npm start`: its cluster made once in the data folder (kept
 * across starts), started on a loopback port, stopped with the rest. Authentication is `trust` on
 * 127.0.0.1 only, like the local server the README asks for on a development machine, and no Unix
 * socket, so it cannot meet another server's socket. The cluster's superuser is `postgres` (used by
 * `npm start` and `npm run migrate` for the database, the application role and migrations); the
 * application connects as its own non-superuser role, created as on any other server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { StartupError } from '../../../domain/run-main.ts';
import { bundledPostgres } from './binaries.ts';
import type { PostgresBinaries } from './binaries.ts';
import { clearStalePid } from './pid-file.ts';
import { blockedFolder, reachableBinaries, serverAccount } from './run-as.ts';
import type { RunAs } from './run-as.ts';

export interface EmbeddedPostgres {
  port: number;
  dataDir: string;
  /** `17.10`; empty for a server taken over from an earlier start. */
  version: string;
  pid: number;
  /** Fast shutdown (open sessions are ended); resolves once the server has exited. */
  stop(): Promise<void>;
  /** Resolves, with the server's last output, if it ends without stop() (killed, crashed); else never. */
  lost: Promise<string>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's folder; made (initdb) when it holds none. */
  dataDir: string;
  port: number;
  /** The system user to run as when we are root (EMBEDDED_POSTGRES_USER). */
  user: string;
  say: (line: string) => void;
  /** Already looked up by the caller; else found here. */
  binaries?: PostgresBinaries;
}

/** The superuser of the bundled cluster. */
export const EMBEDDED_SUPERUSER = 'postgres';

const READY_TIMEOUT_MS = 60_000;

function run(command: string, args: string[], account: RunAs): void {
  const result = spawnSync(command, args, { encoding: 'utf8', uid: account.uid, gid: account.gid, env: { ...process.env, LC_ALL: 'C' } });
  if (result.status !== 0)
    throw new StartupError(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr || result.error?.message}`,
    );
}

function chownTree(path: string, account: RunAs): void {
  if (account.uid === undefined || statSync(path).uid === account.uid) return;
  const result = spawnSync('chown', ['-R', `${account.uid}:${account.gid}`, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new StartupError(`cannot give ${path} to the user "${account.name}": ${result.stderr}`);
}

/** Makes the cluster when the folder holds none: into a sibling first, so a broken initdb leaves nothing behind. */
function initialise(dataDir: string, initdb: string, account: RunAs, say: (line: string) => void): void {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  if (existsSync(dataDir)) {
    if (readdirSync(dataDir).length > 0)
      throw new StartupError(`${dataDir} holds files but no PostgreSQL cluster: move them away, or set DATA_DIR`);
    rmSync(dataDir, { recursive: true });
  }
  const building = `${dataDir}.initdb`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true, mode: 0o700 });
  chownTree(building, account);
  say(`Creating the PostgreSQL cluster in ${dataDir} (once)`);
  run(initdb, ['-D', building, `--username=${EMBEDDED_SUPERUSER}`, '--auth=trust', '--encoding=UTF8', '--locale=C'], account);
  renameSync(building, dataDir);
}

/** True once the server on `port` accepts queries and serves `dataDir` (not some other server that took the port). */
async function serving(port: number, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: EMBEDDED_SUPERUSER, database: 'postgres', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return realpathSync(rows[0]?.data_directory ?? '') === dataDir;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the bundled PostgreSQL on 127.0.0.1:`port`, its cluster in `dataDir` (made on first use). */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const account = serverAccount(options.user, options.say);
  mkdirSync(dirname(options.dataDir), { recursive: true });
  const blocked = blockedFolder(options.dataDir, account);
  if (blocked)
    throw new StartupError(
      `the bundled PostgreSQL runs as "${account.name}" (PostgreSQL refuses root), which may not enter ${blocked} on the way to ${options.dataDir}: ` +
        `allow it (chmod o+x ${blocked}), or set DATA_DIR to a folder other users can enter`,
    );
  const bins = reachableBinaries(options.binaries ?? (await bundledPostgres()), account, options.dataDir, options.say);
  initialise(options.dataDir, bins.initdb, account, options.say);
  chownTree(options.dataDir, account);
  const dataDir = realpathSync(options.dataDir);
  clearStalePid(dataDir, options.say);

  const args = ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  // detached: Ctrl-C in the terminal reaches only `npm start`, which stops the server last, after the
  // API and the worker have closed their connections.
  const child = spawn(bins.postgres, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    uid: account.uid,
    gid: account.gid,
    env: { ...process.env, LC_ALL: 'C' },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-6000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let failed = false; // could not be started at all (no such file, not allowed)
  child.once('error', (error) => {
    output += `\n${error.message}`;
    failed = true;
  });
  // If this process ends without stopping it (a crash), the server still shuts down (fast) by itself.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  void exited.then(() => process.off('exit', stopOnExit));

  let stopping = false;
  const lost = new Promise<string>((resolve) => void exited.then(() => !stopping && resolve(output)));
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await serving(options.port, dataDir))) {
    if (failed || child.exitCode !== null || child.signalCode !== null)
      throw new StartupError(`the bundled PostgreSQL exited (${child.exitCode ?? child.signalCode}) on port ${options.port}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new StartupError(
        `the bundled PostgreSQL did not answer on port ${options.port} within ${READY_TIMEOUT_MS / 1000} s:\n${output}`,
      );
    }
    await sleep(100);
  }
  return { port: options.port, dataDir, version: bins.version, pid: child.pid ?? 0, stop, lost };
}

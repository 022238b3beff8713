/**
 * The cluster's postmaster.pid (pid, data folder, start time, port, … one per line): how a start finds
 * a server that an earlier `npm start` left running, or a lock that a crashed one left behind.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StartupError } from '../../../domain/run-main.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

interface PidFile {
  pid: number;
  port: string;
  /** The pid is alive and is a PostgreSQL server on this folder; undefined when /proc cannot tell. */
  running: boolean | undefined;
}

function readPidFile(dataDir: string): PidFile | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = lines[3]?.trim() ?? '';
  if (!(pid > 0) || !alive(pid)) return { pid, port, running: false };
  try {
    return { pid, port, running: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir) };
  } catch {
    return { pid, port, running: undefined };
  }
}

/**
 * A postmaster.pid left by a server that did not stop cleanly (power loss, kill -9) is removed. When its
 * pid is alive PostgreSQL would refuse to start: rightly if that is a server still on this folder, wrongly
 * if the pid was given to another program since (common in containers); /proc tells which.
 */
export function clearStalePid(dataDir: string, say: (line: string) => void): void {
  const file = readPidFile(dataDir);
  if (!file || file.running === undefined) return; // none, or no /proc: PostgreSQL itself decides
  if (file.running)
    throw new StartupError(
      `the PostgreSQL in ${dataDir} is already running (pid ${file.pid}, port ${file.port}), but not at the default address: stop it (kill -INT ${file.pid}) or set EMBEDDED_POSTGRES_PORT to its port`,
    );
  say(`Removing the stale postmaster.pid of a PostgreSQL that did not stop cleanly (pid ${file.pid} is gone)`);
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

/** The pid of a server on `dataDir` listening on `port` (left by an earlier start that was killed), if any. */
export function leftRunning(dataDir: string, port: number): number | undefined {
  const file = readPidFile(dataDir);
  return file?.running && file.port === String(port) ? file.pid : undefined;
}

/** Fast shutdown of a server we did not start as our child; resolves once it is gone. */
export async function stopPid(pid: number, graceMs = 30_000): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + graceMs;
  let killed = false;
  // A zombie (no init to reap it in some containers) stays "alive": give up a few seconds after SIGKILL.
  while (alive(pid) && Date.now() < deadline + 5000) {
    if (Date.now() > deadline && !killed) {
      process.kill(pid, 'SIGKILL');
      killed = true;
    }
    await sleep(100);
  }
}

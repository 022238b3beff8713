/**
 * A server program the project starts as a child (nginx, SeaweedFS, the Temporal server): its output's
 * tail kept for the error message, its exit noticed, a stop that asks first and kills after a grace time,
 * and the wait until it listens on a loopback port.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { StartupError } from '../../domain/run-main.ts';

/** True when something accepts connections on the loopback port. */
export const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export interface ServiceProcess {
  /** The exit code once it ended (null: by a signal), undefined while it runs. */
  exited(): number | null | undefined;
  /** The tail of what it printed. */
  log(): string;
  /** Asks it to stop with `signal`, kills it after `graceMs`; resolves once it is gone. */
  stop(): Promise<void>;
}

export function startService(
  name: string,
  command: string,
  args: string[],
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): ServiceProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-6000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      resolve();
    }),
  );
  child.once('error', (error) => {
    log += `\n${name}: ${error.message}`;
    exited = -1;
  });
  return {
    exited: () => exited,
    log: () => log,
    stop: async () => {
      if (exited !== undefined) return;
      child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** Waits until `service` listens on `port`; stops it and throws with its output when it exits or times out. */
export async function waitForPort(name: string, service: ServiceProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await listening(port))) {
    if (service.exited() !== undefined) throw new StartupError(`${name} exited (${String(service.exited())}):\n${service.log()}`);
    if (Date.now() > deadline) {
      await service.stop();
      throw new StartupError(`${name} did not listen on ${port} in ${timeoutMs / 1000} s:\n${service.log()}`);
    }
    await sleep(100);
  }
}

/**
 * Runs `temporal server start-dev` as a child process with persistent state and the platform's search
 * attributes, waits until it answers, and stops it on request.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { searchAttributeCliArgs } from '../../domain/search-attributes.ts';

/**
 * Dynamic config of every dev server the project starts (`npm start`, tests, benchmarks). A task queue
 * has four partitions by default, and each new task goes to one at random; one that found no poller
 * waiting in its partition waited about two seconds (measured on the benchmark's bare workflow: 1 to 4
 * in every 100 updates, most of its tasks without a sticky worker cache). One worker needs no spread:
 * every new task goes to the root partition, and reads still cover all four, so tasks an older server
 * left in the others are still taken.
 */
export const DEV_SERVER_DYNAMIC_CONFIG = ['--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1'];

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function launch(options: {
  cli: string;
  dataDir: string;
  address: string;
  uiPort: number;
  namespace: string;
  log: (line: string) => void;
}): Promise<DevServer> {
  const [host = '127.0.0.1', portText = '7233'] = options.address.split(':');
  const port = Number(portText);
  if (await portOpen(host, port)) {
    throw new Error(
      `port ${port} on ${host} is already in use: another Temporal server? Stop it, or set TEMPORAL_EMBEDDED=false to use it, or change TEMPORAL_ADDRESS`,
    );
  }
  const dir = join(options.dataDir, 'temporal');
  mkdirSync(dir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    join(dir, 'temporal.sqlite'),
    '--ip',
    host,
    '--port',
    String(port),
    '--ui-port',
    String(options.uiPort),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    ...searchAttributeCliArgs(),
    ...DEV_SERVER_DYNAMIC_CONFIG,
  ];
  // detached: Ctrl-C in the terminal reaches only our process, which then stops the server in order.
  const child: ChildProcess = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // The server runs in its own process group; if this process dies without stopping it, take it along.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Temporal dev server exited (code ${child.exitCode}):\n${output}`);
    if (await portOpen(host, port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the Temporal dev server did not open ${options.address} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  options.log(`Temporal dev server on ${options.address} (state in ${dir})`);
  return {
    address: `${host}:${port}`,
    uiUrl: `http://${host === '0.0.0.0' ? 'localhost' : host}:${options.uiPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts the dev server. The CLI picks its HTTP API and metrics ports itself (free when picked, not
 * reserved), so another process can take one first; such a start is tried again, twice at most.
 */
export async function startDevServer(options: Parameters<typeof launch>[0]): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(options);
    } catch (error) {
      const raced = /exited[\s\S]*address already in use/.test((error as Error).message);
      if (!raced || attempt >= 3) throw error;
      options.log('The Temporal dev server lost a race for one of its own ports; starting it again');
    }
  }
}

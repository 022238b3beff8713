/**
 * Load at a stated rate from `clients` independent clients, as phones scanning would, by two engines:
 *  - `autocannon`: one autocannon instance per client (one keep-alive connection each, paced with
 *    `connectionRate`), their starts spread over the first second. One instance with 50 connections
 *    starts every connection's once-a-second allowance on the same tick, so all 50 fire together each
 *    second: a synchronised burst that no set of independent phones makes. Latencies are taken from
 *    autocannon's `response` events: its own histogram, in rate mode, corrects for coordinated omission
 *    with an expected interval of `ceil(1 / rate)` = 1 ms instead of `1000 / rate` ms, which books every
 *    answer slower than 1 ms many times over.
 *  - `open-loop`: each client sends on its own fixed schedule and latency is counted from the moment a
 *    request was due, not from when it was sent, so a slow answer that delays the next request shows
 *    in the figures (no coordinated omission, as in wrk2).
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { percentile } from './cli.ts';
import { summarise } from './http.ts';
import type { LoadResult } from './http.ts';

export interface OpenLoopOptions {
  engine: 'autocannon' | 'open-loop';
  clients: number;
  /** requests per second over all clients */
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function get(agent: Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function openLoopRun(baseUrl: string, paths: string[], options: OpenLoopOptions): Promise<LoadResult> {
  const interval = (1000 * options.clients) / options.rate;
  const latencies: number[] = [];
  // How late the generator itself sent (its timers fire late when the cores are busy): counted in
  // the latencies, so a reader can tell a starved generator from a slow server.
  const lateness: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now() + 50;
  const end = start + options.seconds * 1000;
  const client = async (index: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let k = 0; ; k++) {
        const due = start + (index * interval) / options.clients + k * interval;
        if (due >= end) return;
        await sleep(due - performance.now());
        lateness.push(performance.now() - due);
        const url = new URL(paths[next++ % paths.length] ?? '/', baseUrl);
        try {
          const status = await get(agent, url, options.headers ?? {});
          if (status >= 400) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - due);
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return { ...summarise(latencies, errors, (performance.now() - start) / 1000), senderLateP99: percentile(lateness, 0.99) };
}

export async function autocannonPacedRun(baseUrl: string, paths: string[], options: OpenLoopOptions): Promise<LoadResult> {
  const perClient = Math.max(1, Math.round(options.rate / options.clients));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async (_, i) => {
      await sleep((i * 1000) / options.clients);
      await new Promise<void>((resolve, reject) => {
        const instance = autocannon(
          {
            url: baseUrl,
            connections: 1,
            connectionRate: perClient,
            duration: options.seconds,
            headers: options.headers ?? {},
            ignoreCoordinatedOmission: true,
            requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] ?? '/' }) }],
          },
          (error) => (error ? reject(error) : resolve()),
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          latencies.push(responseTime);
          if (statusCode >= 400) errors++;
        });
        instance.on('reqError', () => errors++);
      });
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000 - 1);
}

/**
 * The same run after a `warmUpSeconds` run that is not counted, in a process of its own: a generator
 * sharing the benchmark's heap (hundreds of thousands of imported rows) pauses with its garbage
 * collector and books the pause as server latency.
 */
export function openLoopInChild(
  baseUrl: string,
  paths: string[],
  options: OpenLoopOptions & { warmUpSeconds: number },
): Promise<LoadResult> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('exit', (code) => reject(new Error(`open-loop generator exited (${code}) without a result`)));
    child.send({ baseUrl, paths, options });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', (message) => {
    const { baseUrl, paths, options } = message as {
      baseUrl: string;
      paths: string[];
      options: OpenLoopOptions & { warmUpSeconds: number };
    };
    const run = options.engine === 'autocannon' ? autocannonPacedRun : openLoopRun;
    void (async () => {
      await run(baseUrl, paths, { ...options, seconds: options.warmUpSeconds });
      const result = await run(baseUrl, paths, options);
      process.send?.(result, () => process.exit(0));
    })();
  });
}

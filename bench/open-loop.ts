/**
 * An open-loop load generator: `clients` keep-alive connections, each sending on its own fixed schedule
 * (the total `rate` spread evenly over time), as independent phones scanning would. Latency is counted
 * from the moment a request was due, not from when it was sent, so a slow answer that delays the next
 * request shows in the figures (no coordinated omission, as in wrk2). autocannon's rate limit sends
 * each connection's share in bursts, which measures the bursts rather than the server.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './http.ts';

export interface OpenLoopOptions {
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
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 10) / 10;
  return { requestsPerSecond: Math.round(latencies.length / elapsed), p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
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
    void (async () => {
      await openLoopRun(baseUrl, paths, { ...options, seconds: options.warmUpSeconds });
      const result = await openLoopRun(baseUrl, paths, options);
      process.send?.(result, () => process.exit(0));
    })();
  });
}

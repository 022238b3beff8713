/** Load helpers for benchmarks: autocannon for throughput and tail latency, a small loop for p95. */
import autocannon from 'autocannon';
import { Agent, request } from 'node:http';
import { percentile } from './cli.ts';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95?: number;
  p99: number;
  errors: number;
  /** open loop only: p99 of how late the generator sent, in ms */
  senderLateP99?: number;
}

/** Requests per second and latency percentiles of `latencies` (ms) gathered over `seconds`. */
export function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const at = (p: number) => percentile(latencies, p);
  return { requestsPerSecond: Math.round(latencies.length / seconds), p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
}

/** 50 connections (by default) for `seconds`, each request to a path picked in turn from `paths`. */
export async function autocannonRun(
  baseUrl: string,
  paths: string[],
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 10,
    headers: options.headers ?? {},
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Sends each URL once, `concurrency` at a time, and reports latency percentiles in ms. */
export async function latencyRun(urls: string[], concurrency: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++] as string;
      const t = performance.now();
      const res = await send(url, { headers });
      if (res.status >= 400) errors++;
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/**
 * One request over a keep-alive agent (a shared one unless given), the body read whole. Node's
 * `fetch` costs the load generator about a millisecond of CPU per request, which on two cores is taken
 * from the server.
 */
export function send(
  url: string | URL,
  options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; agent?: Agent } = {},
): Promise<{ status: number; text: string }> {
  const agent = options.agent ?? (sharedAgent ??= new Agent({ keepAlive: true, maxSockets: 64 }));
  return new Promise((resolve, reject) => {
    const body = options.body ?? '';
    const req = request(
      url,
      { method: options.method ?? 'GET', agent, headers: { ...options.headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
let sharedAgent: Agent | undefined;

/** Closes the sockets `send` keeps open. */
export function closeSend(): void {
  sharedAgent?.destroy();
  sharedAgent = undefined;
}

/**
 * `clients` keep-alive connections, each sending its next request as soon as the last is answered,
 * for `seconds`: requests per second and latency percentiles of POSTs built by `body(i)`.
 */
export async function closedLoopPost(
  url: string,
  body: (i: number) => string,
  options: { clients: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const target = new URL(url);
  const started = performance.now();
  const end = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const res = await send(target, { method: 'POST', agent, headers: options.headers ?? {}, body: body(next++) });
          if (res.status >= 400) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
      agent.destroy();
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

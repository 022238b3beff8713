/** Load helpers for benchmarks: autocannon for throughput and tail latency, a small loop for p95. */
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95?: number;
  p99: number;
  errors: number;
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
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (!res.ok) errors++;
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 10) / 10;
  return {
    requestsPerSecond: Math.round(urls.length / ((performance.now() - started) / 1000)),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
  };
}

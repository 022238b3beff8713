/**
 * The production topology on one machine (issue 21 §1): the Temporal server on PostgreSQL with several
 * history shards, the files on an S3-compatible store (SeaweedFS), two worker and two API processes
 * started with their real entry points, nginx in front of the APIs. The application's database must be
 * migrated first (the caller does it, as `npm start` does). `stop` ends everything in reverse order.
 */
import { join } from 'node:path';
import { spawnService } from '../../bench/processes.ts';
import type { Service } from '../../bench/processes.ts';
import { ensureNginx, startNginx } from './nginx.ts';
import { provisionSeaweedfs, startSeaweedfs } from './seaweedfs.ts';
import type { SeaweedPorts } from './seaweedfs.ts';
import { provisionTemporalServer, setupTemporalDatabases, startTemporalServer } from './temporal-server.ts';
import type { TemporalDatabases, TemporalServerPorts } from './temporal-server.ts';

export interface ClusterOptions {
  /** The cluster's own state (SeaweedFS's data, nginx's files). */
  dir: string;
  /** A PostgreSQL role that may create Temporal's role and databases. */
  adminUrl: string;
  temporalDatabases: TemporalDatabases;
  shards: number;
  namespace: string;
  ports: { proxy: number; apis: number[]; workers: number; temporal: TemporalServerPorts; seaweed: SeaweedPorts };
  s3: { bucket: string; accessKeyId: string; secretAccessKey: string };
  /** When given, each API and worker process appends its output to `<logDir>/api-<i>.log` or `worker-<i>.log`. */
  logDir?: string;
  /** Settings every API and worker process gets besides the ones the cluster sets (database, secrets…). */
  env: Record<string, string>;
  say(line: string): void;
}

export interface RunningCluster {
  url: string;
  temporalAddress: string;
  s3Endpoint: string;
  apis: Service[];
  workers: Service[];
  /** Starts API process `i` again (after it was stopped or killed). */
  restartApi(i: number): Promise<void>;
  /** Starts worker process `i` again (after it was stopped or killed). */
  restartWorker(i: number): Promise<void>;
  /** Stops the Temporal server (SIGTERM) and starts it again on the same databases and ports. */
  restartTemporal(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCluster(opts: ClusterOptions): Promise<RunningCluster> {
  const { say } = opts;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const nginx = ensureNginx(say);
    const tools = await provisionTemporalServer(say);
    await setupTemporalDatabases(tools, opts.adminUrl, opts.temporalDatabases, say);
    const startTemporal = () =>
      startTemporalServer(tools, {
        databases: opts.temporalDatabases,
        ports: opts.ports.temporal,
        shards: opts.shards,
        namespace: opts.namespace,
        say,
      });
    let temporal = await startTemporal();
    stops.push(() => temporal.stop());
    const weed = await startSeaweedfs(await provisionSeaweedfs(say), join(opts.dir, 'seaweedfs'), opts.ports.seaweed);
    stops.push(() => weed.stop());
    say(`S3 (SeaweedFS) on ${weed.endpoint}`);

    const url = `http://127.0.0.1:${opts.ports.proxy}`;
    const env = {
      ...opts.env,
      // Readiness is read from the processes' info lines ('worker running', 'api listening').
      LOG_LEVEL: 'info',
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: opts.namespace,
      FILE_STORE: 's3',
      S3_ENDPOINT: weed.endpoint,
      S3_BUCKET: opts.s3.bucket,
      S3_ACCESS_KEY_ID: opts.s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: opts.s3.secretAccessKey,
      PUBLIC_BASE_URL: url,
    };
    const workers: Service[] = [];
    const logFile = (name: string) => (opts.logDir ? join(opts.logDir, `${name}.log`) : undefined);
    const startWorker = (i: number) => spawnService('workers/main.ts', env, 'worker running', logFile(`worker-${i}`));
    for (let i = 0; i < opts.ports.workers; i++) workers.push(await startWorker(i));
    stops.push(async () => {
      for (const worker of workers) await worker.stop();
    });
    const apis: Service[] = [];
    const startApi = (i: number) =>
      spawnService('api/main.ts', { ...env, PORT: String(opts.ports.apis[i]) }, 'api listening', logFile(`api-${i}`));
    for (let i = 0; i < opts.ports.apis.length; i++) apis.push(await startApi(i));
    stops.push(async () => {
      for (const api of apis) await api.stop();
    });
    say(`${workers.length} worker and ${apis.length} API processes running`);
    const proxy = await startNginx(nginx, join(opts.dir, 'nginx'), opts.ports.proxy, opts.ports.apis);
    stops.push(() => proxy.stop());
    return {
      url,
      temporalAddress: temporal.address,
      s3Endpoint: weed.endpoint,
      apis,
      workers,
      restartApi: async (i) => {
        apis[i] = await startApi(i);
      },
      restartWorker: async (i) => {
        workers[i] = await startWorker(i);
      },
      restartTemporal: async () => {
        await temporal.stop();
        temporal = await startTemporal();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

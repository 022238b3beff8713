/**
 * `npm run start:cluster`: the production topology on one machine (README, Running at scale): the Temporal
 * server on PostgreSQL (CLUSTER_HISTORY_SHARDS shards, fixed when its databases are first made), the files
 * on SeaweedFS's S3 gateway, two worker and two API processes, nginx in front on CLUSTER_PORT, the bundled
 * simulators. Everything it needs is built or installed on first use, with progress shown. Ctrl-C stops all.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../domain/config.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../domain/demo-accounts.ts';
import { createLogger } from '../domain/logger.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { runMain } from '../domain/run-main.ts';
import { startCluster } from './lib/cluster.ts';
import { preparePlatform, startSimulators } from './lib/prepare.ts';

const say = (line: string) => process.stdout.write(`[cluster] ${line}\n`);
const env = (name: string, fallback: string) => process.env[name] || fallback;

/** A secret made once for this machine and kept (mode 600) in the cluster's folder. */
function keptSecret(dir: string, name: string): string {
  const path = join(dir, name);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(24).toString('hex');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

runMain('start:cluster', async () => {
  const started = Date.now();
  // Links, QR labels and the supervision system's callbacks go through nginx.
  process.env.PUBLIC_BASE_URL ||= `http://127.0.0.1:${env('CLUSTER_PORT', '8080')}`;
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'ydym-cluster');
  const dir = resolve(config.dataDir, 'cluster');
  mkdirSync(dir, { recursive: true });
  const db = await preparePlatform(config, say);
  await db.destroy();
  const sims = await startSimulators(config, logger);
  const temporalPort = Number(config.temporalAddress.split(':').pop());
  const cluster = await startCluster({
    dir,
    adminUrl: env('CLUSTER_ADMIN_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
    temporalDatabases: {
      host: env('CLUSTER_PG_HOST', '127.0.0.1'),
      port: Number(env('CLUSTER_PG_PORT', '5432')),
      user: 'ydym_temporal',
      password: keptSecret(dir, 'temporal-db-password'),
      database: 'ydym_temporal',
      visibilityDatabase: 'ydym_temporal_visibility',
    },
    shards: Number(env('CLUSTER_HISTORY_SHARDS', '8')),
    namespace: config.temporalNamespace,
    ports: {
      proxy: Number(env('CLUSTER_PORT', '8080')),
      apis: [3001, 3002],
      workers: 2,
      temporal: { frontend: temporalPort, internal: [7243, 7234, 7235, 7239, 6933, 6934, 6935, 6939, 7236] },
      seaweed: { s3: 8333, master: 9333, volume: 8340, filer: 8888, masterGrpc: 19333, volumeGrpc: 18340, filerGrpc: 18888, s3Grpc: 18333 },
    },
    s3: { bucket: config.s3Bucket, accessKeyId: 'ydym', secretAccessKey: keptSecret(dir, 's3-secret') },
    env: { TEMPORAL_EMBEDDED: 'false' },
    say,
  }).catch(async (error: unknown) => {
    await sims.close();
    throw error;
  });
  const lines = [
    '',
    '一栋一码 · the cluster topology is running',
    `  App through nginx:     ${cluster.url}`,
    `  API processes:         ${cluster.apis.length} (ports 3001, 3002) · workers: ${cluster.workers.length}`,
    `  Temporal (PostgreSQL): ${cluster.temporalAddress}`,
    `  S3 (SeaweedFS):        ${cluster.s3Endpoint}`,
    sims.supervisionUrl
      ? `  Supervision system:    ${sims.supervisionUrl} (simulator)`
      : `  Supervision system:    ${config.supervisionUrl}`,
    '',
    `  Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} (${ROLE_LABELS[u.role]})`).join(', ')}`,
    '',
    `  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops everything.`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return async () => {
    await cluster.stop();
    await sims.close();
  };
});

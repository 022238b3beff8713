/**
 * The production topology, run for real on loopback (issue 21 §1): the Temporal server on PostgreSQL with
 * 4 history shards, SeaweedFS's S3 gateway, two worker and two API processes, nginx in front. Through the
 * proxy an officer registers a house and a case (the case workflow runs on the cluster's Temporal), an
 * inspector's photo lands in the S3 bucket and is read back through the other API process; with one API
 * process killed the proxy keeps serving from the other, and the restarted one takes requests again.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { S3FileStore } from '../../domain/s3-files.ts';
import { startCluster } from '../../scripts/lib/cluster.ts';
import type { RunningCluster } from '../../scripts/lib/cluster.ts';
import { ensureNginx } from '../../scripts/lib/nginx.ts';
import { provisionSeaweedfs, seaweedPorts } from '../../scripts/lib/seaweedfs.ts';
import { provisionTemporalServer } from '../../scripts/lib/temporal-server.ts';
import { createHouse, registerCase, tinyPng, upload, waitForCase } from '../support/cases.ts';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';
import { loggedIn } from '../support/http.ts';
import { freePort } from '../support/ports.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const run = randomBytes(4).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'ydym-cluster-'));
const S3 = { bucket: 'ydym-cluster-test', accessKeyId: 'ydym', secretAccessKey: randomBytes(16).toString('hex') };
const admin = new URL(ADMIN_URL);
const temporalDatabases = {
  host: admin.hostname,
  port: Number(admin.port || 5432),
  user: `ydym_temporal_${run}`,
  password: randomBytes(12).toString('hex'),
  database: `ydym_temporal_${run}`,
  visibilityDatabase: `ydym_temporal_vis_${run}`,
};
let database: TestDatabase;
let cluster: RunningCluster;

before(async () => {
  database = await createTestDatabase();
  // Installed and built (or found so) before the ports are chosen: an install or a build takes minutes,
  // and other test files choose ports meanwhile; a port chosen here must be bound seconds later, not minutes.
  ensureNginx((line) => console.log(line));
  await provisionTemporalServer((line) => console.log(line));
  await provisionSeaweedfs((line) => console.log(line));
  const ports = {
    proxy: await freePort(),
    apis: [await freePort(), await freePort()],
    workers: 2,
    temporal: { frontend: await freePort(), internal: await Promise.all(Array.from({ length: 9 }, () => freePort())) },
    seaweed: await seaweedPorts(freePort),
  };
  cluster = await startCluster({
    dir,
    adminUrl: ADMIN_URL,
    temporalDatabases,
    shards: 4,
    namespace: 'default',
    ports,
    s3: S3,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.appUrl,
      DATABASE_OWNER_URL: database.url,
      DATA_DIR: join(dir, 'data'),
      TEMPORAL_EMBEDDED: 'false',
      // No simulator runs here: an escalation would wait; none is due in this test.
      SUPERVISION_SIM_PORT: String(await freePort()),
      SMS_SIM_PORT: String(await freePort()),
    },
    say: (line) => console.log(line),
  });
});
after(async () => {
  await cluster?.stop();
  await database?.drop();
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  for (const name of [temporalDatabases.database, temporalDatabases.visibilityDatabase])
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`DROP ROLE IF EXISTS ${temporalDatabases.user}`);
  await client.end();
  rmSync(dir, { recursive: true, force: true });
});

test('through nginx: a case runs on the cluster’s Temporal, a photo goes to S3, and the service outlives one API process', async () => {
  const ready = await fetch(`${cluster.url}/readyz`);
  assert.equal(ready.status, 200, await ready.text());
  const officer = await loggedIn(cluster.url, 'officer');
  const code = await createHouse(officer);
  const c = await registerCase(officer, code);
  const assigned = await waitForCase(officer, c.id, (x) => x.openTasks.some((t) => t.step === 'assign'));
  assert.ok(assigned.activeElements.length > 0, 'the workflow runs on a cluster worker');

  const fileId = await upload(officer, c.id, tinyPng(), '现场照片.png');
  const bucket = new S3FileStore({ endpoint: cluster.s3Endpoint, region: 'us-east-1', prefix: '', ...S3 });
  try {
    const row = (await database.db('case_files').where({ id: fileId }).first('storage_key')) as { storage_key: string } | undefined;
    assert.ok(row, 'the file is recorded');
    assert.equal(await bucket.size(row.storage_key), tinyPng().length, 'and stored in the S3 bucket');
  } finally {
    bucket.close();
  }

  // One API process killed: the proxy sends every request to the other (sessions live in PostgreSQL).
  const [first] = cluster.apis;
  assert.ok(first);
  await first.stop();
  for (let i = 0; i < 6; i++) {
    const r = await officer.get<{ id: string }>(`/api/cases/${c.id}`);
    assert.equal(r.status, 200, `request ${i} with one API process down`);
  }
  await cluster.restartApi(0);
  const again = await fetch(`${cluster.url}/readyz`);
  assert.equal(again.status, 200);
});

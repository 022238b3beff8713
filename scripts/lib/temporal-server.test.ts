/**
 * The Temporal server on PostgreSQL, for real: built (or taken from the cache), its two databases and
 * schemas set up by the project's script (twice: the second run changes nothing), started with 8 history
 * shards on free loopback ports; a workflow started there is found through the PostgreSQL visibility store
 * by a platform search attribute, and the server stops on request.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { SA_REGION_CODE } from '../../domain/search-attributes.ts';
import { freePort } from '../../test/support/ports.ts';
import { provisionTemporalServer, setupTemporalDatabases, startTemporalServer } from './temporal-server.ts';
import type { RunningTemporalServer, TemporalDatabases, TemporalServerTools } from './temporal-server.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const run = randomBytes(4).toString('hex');
const admin = new URL(ADMIN_URL);
const dbs: TemporalDatabases = {
  host: admin.hostname,
  port: Number(admin.port || 5432),
  user: `ydym_temporal_${run}`,
  password: randomBytes(12).toString('hex'),
  database: `ydym_temporal_${run}`,
  visibilityDatabase: `ydym_temporal_vis_${run}`,
};
const lines: string[] = [];
let tools: TemporalServerTools;
let server: RunningTemporalServer | undefined;

before(async () => {
  // On a new machine this builds the server (minutes): the progress shows in the test's output.
  tools = await provisionTemporalServer((line) => console.log(line));
});
after(async () => {
  await server?.stop();
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  for (const name of [dbs.database, dbs.visibilityDatabase]) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`DROP ROLE IF EXISTS ${dbs.user}`);
  await client.end();
});

test('schemas set up from nothing, then again with nothing to do; Temporal’s role is no superuser', async () => {
  await setupTemporalDatabases(tools, ADMIN_URL, dbs, (line) => lines.push(line));
  await setupTemporalDatabases(tools, ADMIN_URL, dbs, (line) => lines.push(line));
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const role = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [dbs.user]);
    assert.equal(role.rows[0]?.rolsuper, false);
  } finally {
    await client.end();
  }
  assert.ok(lines.some((l) => l.includes(`visibility schema of ${dbs.visibilityDatabase} is current`)));
});

test('the server starts on PostgreSQL with 8 shards; a workflow is listed by its search attribute from the visibility store', async () => {
  const ports = { frontend: await freePort(), internal: await Promise.all(Array.from({ length: 9 }, () => freePort())) };
  server = await startTemporalServer(tools, { databases: dbs, ports, shards: 8, namespace: 'default', say: (line) => lines.push(line) });
  const connection = await Connection.connect({ address: server.address });
  try {
    const client = new Client({ connection, namespace: 'default' });
    const handle = await client.workflow.start('probeWorkflow', {
      taskQueue: `probe-${run}`,
      workflowId: `probe-${run}`,
      typedSearchAttributes: [{ key: SA_REGION_CODE, value: '441802006' }],
    });
    let found: string[] = [];
    for (let i = 0; i < 60 && found.length === 0; i++) {
      found = [];
      for await (const wf of client.workflow.list({ query: `RegionCode = '441802006' AND WorkflowType = 'probeWorkflow'` }))
        found.push(wf.workflowId);
      if (found.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(found, [`probe-${run}`]);
    await handle.terminate('probe done');
    const shards = new pg.Client({ host: dbs.host, port: dbs.port, user: dbs.user, password: dbs.password, database: dbs.database });
    await shards.connect();
    try {
      assert.equal(Number((await shards.query('SELECT count(*) AS n FROM shards')).rows[0]?.n), 8, 'history shards, fixed at creation');
    } finally {
      await shards.end();
    }
  } finally {
    await connection.close();
  }
  await server.stop();
  server = undefined;
});

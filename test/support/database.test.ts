/**
 * The test runs' databases: what a killed run left behind (its templates, its files' copies) is dropped by
 * the next run, and a run still alive keeps its own. Real PostgreSQL, small empty databases.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { dropStaleRuns, holdRun } from './database.ts';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const names = (run: string) => [`ydym_tpl_${run}_ru`, `ydym_test_${run}_${randomBytes(5).toString('hex')}`];

test('a killed run’s databases are dropped by the next run; a live run’s are kept', async () => {
  const dead = randomBytes(4).toString('hex');
  const alive = randomBytes(4).toString('hex');
  const [deadTemplate, deadCopy] = names(dead) as [string, string];
  const [aliveTemplate, aliveCopy] = names(alive) as [string, string];
  const exists = (name: string) =>
    withAdmin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  await withAdmin(async (c) => {
    for (const name of [deadTemplate, deadCopy, aliveTemplate, aliveCopy]) await c.query(`CREATE DATABASE "${name}"`);
  });
  const hold = await holdRun(alive);
  try {
    assert.ok((await dropStaleRuns()) >= 2);
    assert.deepEqual(
      await Promise.all([deadTemplate, deadCopy, aliveTemplate, aliveCopy].map(exists)),
      [false, false, true, true],
      'the dead run’s two gone, the live run’s two kept',
    );
  } finally {
    await hold.release();
  }
  // Once the run has ended (its lock released, as when its process dies), its leftovers go too.
  assert.ok((await dropStaleRuns()) >= 2);
  assert.deepEqual(await Promise.all([aliveTemplate, aliveCopy].map(exists)), [false, false]);
});

/** The health store against PostgreSQL: the probe answers while the database does, and fails when it does not. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb } from '../db.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseHealthStore } from './database-health.ts';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase({ migrate: false });
});
after(() => database.drop());

test('the probe answers as the application role while the database does', async () => {
  await new DatabaseHealthStore(database.appDb).ping();
});

test('the probe rejects with the database’s error when it cannot reach it', async () => {
  const url = new URL(database.appUrl);
  url.pathname = '/ydym_test_no_such_database';
  const missing = createDb(url.toString(), 1);
  try {
    await assert.rejects(new DatabaseHealthStore(missing).ping(), /does not exist/);
  } finally {
    await missing.destroy();
  }
});

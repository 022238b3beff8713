import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateDownAll, migrateLatest } from '../../domain/migrate.ts';
import { createTestDatabase } from '../support/database.ts';

test('migrations run up, down and up again with data in place', async () => {
  const database = await createTestDatabase({ migrate: false });
  try {
    const first = await migrateLatest(database.db);
    assert.ok(first.length >= 3);
    await database.db('regions').insert({ code: '0', name: '全国', level: 0, parent_code: null });
    await migrateDownAll(database.db);
    const left = await database.db.raw(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'knex_%'`,
    );
    assert.equal(left.rows[0].n, 0);
    assert.deepEqual(await migrateLatest(database.db), first);
    await database.db('regions').insert({ code: '0', name: '全国', level: 0, parent_code: null });
  } finally {
    await database.drop();
  }
});

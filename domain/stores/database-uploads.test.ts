/** The upload store against PostgreSQL, as the application role: rows written pending then keyed, and the purge of unclaimed uploads. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseUploadStore } from './database-uploads.ts';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
});
after(() => database.drop());

const photo = (storageKey: string, hoursAgo: number) => ({
  name: 'p.jpg',
  mime: 'image/jpeg',
  size: 1,
  sha256: 'a'.repeat(64),
  storage_key: storageKey,
  client_hash: 'b'.repeat(64),
  created_at: database.db.raw(`now() - make_interval(hours => ?)`, [hoursAgo]),
});

test('only unclaimed uploads older than the limit are purged, at most `limit` a call, keys returned', async () => {
  await database.db('complaint_files').insert([photo('old-1', 50), photo('old-2', 50), photo('pending', 50), photo('new', 1)]);
  const uploads = new DatabaseUploadStore(database.appDb);
  const first = await uploads.purgeUnclaimed('complaint', 48, 2);
  assert.equal(first.length, 2);
  const rest = await uploads.purgeUnclaimed('complaint', 48, 10);
  assert.deepEqual([...first, ...rest].sort(), ['old-1', 'old-2', 'pending']);
  assert.deepEqual(await uploads.purgeUnclaimed('complaint', 48, 10), []);
  assert.deepEqual(await uploads.purgeUnclaimed('inspection', 48, 10), []);
  assert.deepEqual(
    ((await database.db('complaint_files').select('storage_key')) as { storage_key: string }[]).map((r) => r.storage_key),
    ['new'],
  );
});

test('an upload row is written pending, then given its key; inside a transaction that rolls back, nothing stays', async () => {
  const uploads = new DatabaseUploadStore(database.appDb);
  const file = { name: '照片.jpg', mime: 'image/jpeg', size: 3, sha256: 'c'.repeat(64) };
  const id = await uploads.createPending('complaint_files', { client_hash: 'd'.repeat(64) }, file);
  const row = () => database.db('complaint_files').where({ id }).first('storage_key', 'name', 'size');
  assert.deepEqual(await row(), { storage_key: 'pending', name: '照片.jpg', size: 3 });
  await uploads.setStorageKey('complaint_files', id, `complaints/${id}.jpg`);
  assert.equal((await row()).storage_key, `complaints/${id}.jpg`);

  let inside = '';
  await assert.rejects(
    database.appDb.transaction(async (trx) => {
      inside = await uploads.createPending('complaint_files', { client_hash: 'e'.repeat(64) }, file, trx);
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal(await database.db('complaint_files').where({ id: inside }).first(), undefined);
});

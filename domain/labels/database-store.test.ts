/** The label batch store against PostgreSQL, as the application role: batches scoped by region, selections, chunks once, the sweeper's list. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { buildingCode } from '../buildings/code.ts';
import { DatabaseLabelBatchStore } from './database-store.ts';

const VILLAGE = '441802006001';
const OTHER_VILLAGE = '441802007001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const otherTown = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802007' }));
const district = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_admin', regionCode: '441802' }));

let database: TestDatabase;
let store: DatabaseLabelBatchStore;
let adminId: string;

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseLabelBatchStore(database.appDb);
  adminId = ((await database.db('users').where({ username: 'admin' }).first('id')) as { id: string }).id;
});
after(() => database.drop());

const batch = (regionCode = VILLAGE, codes: string[] | null = null) =>
  store.create({ regionCode, codes, total: codes?.length ?? 1200, chunkSize: 500, createdBy: adminId });

test('a batch is written queued and read back with its region, its author and its chunk count', async () => {
  const id = await batch();
  const found = await store.find(null, id);
  assert.equal(found?.status, 'queued');
  assert.equal(found?.regionCode, VILLAGE);
  assert.ok(found?.regionName);
  assert.equal(found?.createdByName, '林管理');
  assert.equal(found?.chunkCount, 3, '1200 labels in chunks of 500');
  assert.equal(found?.selectionSize, null);
  assert.equal(found?.doneCount, 0);
  assert.equal(await store.find(null, randomUUID()), undefined);
});

test('a reader sees the batches of their region only', async () => {
  const mine = await batch();
  const theirs = await batch(OTHER_VILLAGE);
  assert.ok(await store.find(town, mine));
  assert.equal(await store.find(otherTown, mine), undefined);
  assert.ok(await store.find(otherTown, theirs));
  const listed = await store.list(town, { page: 1, perPage: 100 });
  assert.ok(listed.data.some((b) => b.id === mine));
  assert.ok(listed.data.every((b) => b.regionCode.startsWith('441802006')));
  const filtered = await store.list(district, { page: 1, perPage: 100, regionCode: '441802007' });
  assert.deepEqual(
    filtered.data.map((b) => b.id),
    [theirs],
  );
  assert.equal((await store.list(district, { page: 1, perPage: 100, ids: [mine], status: 'done' })).total, 0);
});

test('a selection keeps its codes in order, read in slices; its size is listed, not its codes', async () => {
  const codes = [1, 2, 3, 4, 5].map((n) => buildingCode(VILLAGE, n));
  const id = await batch(VILLAGE, codes);
  assert.equal((await store.find(null, id))?.selectionSize, 5);
  assert.deepEqual(await store.selectionSlice(id, 0, 2), codes.slice(0, 2));
  assert.deepEqual(await store.selectionSlice(id, 2, 10), codes.slice(2));
  assert.deepEqual(await store.selectionSlice(id, 5, 10), []);
});

test('a chunk is recorded once: a retried activity moves the progress only the first time', async () => {
  const id = await batch();
  const chunk = { chunkNo: 1, fileKey: `labels/${id}/1.pdf`, labelCount: 500, lastCode: buildingCode(VILLAGE, 500) };
  assert.equal(await store.recordChunk(id, chunk), true);
  assert.equal(await store.recordChunk(id, chunk), false);
  assert.equal(await store.recordChunk(id, { ...chunk, chunkNo: 2, fileKey: `labels/${id}/2.pdf` }), true);
  assert.equal((await store.find(null, id))?.doneCount, 1000);
  assert.deepEqual(
    (await store.chunks(id)).map((c) => [c.chunkNo, c.labelCount]),
    [
      [1, 500],
      [2, 500],
    ],
  );
  assert.equal((await store.chunk(id, 2))?.fileKey, `labels/${id}/2.pdf`);
  assert.equal(await store.chunk(id, 3), undefined);
});

test('queued → running → done; a done batch never turns failed, and running only follows queued', async () => {
  const id = await batch();
  await store.markRunning(id);
  assert.equal((await store.find(null, id))?.status, 'running');
  await store.finish(id, `labels/${id}.pdf`);
  await store.markRunning(id);
  await store.fail(id, 'too late');
  const done = await store.find(null, id);
  assert.deepEqual([done?.status, done?.fileKey, done?.error], ['done', `labels/${id}.pdf`, null]);
  assert.ok(done?.finishedAt);

  const failing = await batch();
  await store.fail(failing, 'x'.repeat(3000));
  const failed = await store.find(null, failing);
  assert.equal(failed?.status, 'failed');
  assert.equal(failed?.error?.length, 2000);
});

test('the sweeper lists batches still queued after the grace period, by the database’s clock', async () => {
  const id = await batch();
  await database
    .db('label_batches')
    .where({ id })
    .update({ created_at: database.db.raw(`now() - interval '10 minutes'`) });
  const started = await batch();
  await database
    .db('label_batches')
    .where({ id: started })
    .update({ created_at: database.db.raw(`now() - interval '10 minutes'`) });
  await store.markRunning(started);
  const queued = (await store.queued(60_000)).map((r) => r.id);
  assert.ok(queued.includes(id));
  assert.ok(!queued.includes(started));
  assert.ok(!(await store.queued(3_600_000)).some((r) => r.id === id), 'younger than an hour');
  assert.equal((await store.queued(0, 1)).length, 1);
});

test('the clock is the database’s, and a batch to an unknown region is refused', async () => {
  const now = (await database.db.raw('SELECT now() AS now')) as { rows: { now: Date }[] };
  const clock = await store.clock();
  assert.ok(Math.abs(clock.getTime() - now.rows[0]!.now.getTime()) < 60_000);
  await assert.rejects(batch('441802999999'), /label_batches_region_fk/);
});

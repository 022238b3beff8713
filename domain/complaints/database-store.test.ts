import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { newComplaint } from '../../test/support/complaint-store.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import type { AppAbility } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseComplaintStore } from './database-store.ts';
import type { NewComplaint } from './store.ts';

const VILLAGE = '441802006001';
let database: TestDatabase;
let store: DatabaseComplaintStore;
let house: string;
let officerId: string;
const ability = (role: 'inspector' | 'town_officer', regionCode: string): AppAbility =>
  createAppAbility(rulesFor({ id: '00000000-0000-0000-0000-000000000000', role, regionCode }));

const complaint = (over: Partial<NewComplaint> = {}): NewComplaint => newComplaint({ buildingCode: house, regionCode: VILLAGE }, over);

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseComplaintStore(database.appDb);
  house = await new DatabaseBuildingStore(database.db).create(housesIn(VILLAGE, 1, 7)[0]!, database.db);
  officerId = ((await database.db('users').where({ username: 'inspector' }).first('id')) as { id: string }).id;
});
after(() => database.drop());

test('a written complaint reads back with its tracking number and notices, the complainant masked except in fullContact', async () => {
  const created = await store.create(complaint());
  assert.match(created.trackingNo, /^TS\d{8}ABCD/);
  await store.appendNotice(created.id, 'received', '已受理');
  await store.appendNotice(created.id, 'overdue', '已超期');
  const found = await store.find(null, created.id);
  assert.equal(found?.trackingNo, created.trackingNo);
  assert.deepEqual(
    found?.notifications.map((n) => [n.seq, n.status]),
    [
      [1, 'received'],
      [2, 'overdue'],
    ],
  );
  assert.notEqual(found?.contact.name, '张三丰');
  assert.notEqual(found?.contact.phone, '13912345678');
  assert.deepEqual(await store.fullContact(created.id), { name: '张三丰', phone: '13912345678' });
  const byNumber = await store.byTrackingNo(created.trackingNo.toLowerCase());
  assert.equal(byNumber?.secretHash, 'f'.repeat(64));
  assert.equal(await store.find(null, 'not-a-uuid'), undefined);
});

test('a taken tracking number fails with the unique violation the service retries on', async () => {
  const first = complaint();
  await store.create(first);
  await assert.rejects(store.create({ ...first }), (e: { code?: string; constraint?: string }) => {
    return e.code === '23505' && e.constraint === 'complaints_tracking_no_key';
  });
});

test('lists and finds only what the ability may read, filtered and paged', async () => {
  const own = ability('inspector', VILLAGE);
  const other = ability('town_officer', '441802100');
  const { id } = await store.create(complaint());
  assert.ok(await store.find(own, id));
  assert.equal(await store.find(other, id), undefined);
  const all = await store.list(own, { page: 1, perPage: 2 });
  assert.ok(all.total >= 3);
  assert.equal(all.data.length, 2);
  assert.equal((await store.list(other, { page: 1, perPage: 10 })).total, 0);
  assert.equal((await store.list(own, { page: 1, perPage: 10, status: 'unfounded' })).total, 0);
});

test('markStarted is idempotent and takes the complaint off the sweeper’s list', async () => {
  const { id } = await store.create(complaint());
  assert.ok((await store.unstarted(-60_000, 1000)).some((c) => c.id === id));
  await store.markStarted(id);
  await store.markStarted(id);
  assert.ok(!(await store.unstarted(-60_000, 1000)).some((c) => c.id === id));
});

test('the lookup throttle counts per key and window, and a refund takes a hit back', async () => {
  assert.equal((await store.hitLookup('no:TEST', 2)).allowed, true);
  assert.equal((await store.hitLookup('no:TEST', 2)).allowed, true);
  const third = await store.hitLookup('no:TEST', 2);
  assert.equal(third.allowed, false);
  assert.ok(third.retryAfter >= 1 && third.retryAfter <= 600);
  await store.refundLookup('no:TEST');
  await store.refundLookup('no:TEST');
  assert.equal((await store.hitLookup('no:TEST', 2)).allowed, true);
});

test('sender counts: complaints and photos per sender in the hour, complaints per phone in the day, under a lock', async () => {
  const hash = 'b'.repeat(64);
  await store.create(complaint({ clientHash: hash, contactPhone: '13700000000' }));
  await database
    .db('complaint_files')
    .insert({ name: 'a.jpg', mime: 'image/jpeg', size: 1, sha256: 'c'.repeat(64), storage_key: 'k', client_hash: hash });
  await database.appDb.transaction(async (trx) => {
    await store.lockSenders([`complaint-client:${hash}`], trx);
    assert.equal(await store.sentInLastHour('complaints', hash, trx), 1);
    assert.equal(await store.sentInLastHour('photos', hash, trx), 1);
    assert.equal(await store.filedByPhoneToday('13700000000', trx), 1);
  });
});

test('photos: fresh uploads only if stored and unattached; verification photos only the uploader’s drafts, served once attached', async () => {
  const file = (over: Record<string, unknown>) =>
    database
      .db('complaint_files')
      .insert({
        name: 'a.jpg',
        mime: 'image/jpeg',
        size: 1,
        sha256: 'c'.repeat(64),
        storage_key: 'k',
        client_hash: 'd'.repeat(64),
        ...over,
      })
      .returning('id')
      .then((rows: { id: string }[]) => rows[0]!.id);
  const stored = await file({});
  const pending = await file({ storage_key: 'pending' });
  assert.deepEqual(await store.freshUploads([stored, pending]), [stored]);
  const { id } = await store.create(complaint());
  await store.attachFiles(id, [stored]);
  assert.deepEqual(await store.freshUploads([stored]), []);
  assert.equal((await store.photo('citizen', stored))?.regionCode, VILLAGE);
  assert.equal((await store.find(null, id))?.files.length, 1);

  const [draft] = (await database
    .db('complaint_verification_files')
    .insert({
      complaint_id: id,
      uploaded_by: officerId,
      name: 'v.jpg',
      mime: 'image/jpeg',
      size: 1,
      sha256: 'e'.repeat(64),
      storage_key: 'v',
    })
    .returning('id')) as { id: string }[];
  assert.deepEqual(await store.verificationDrafts(id, officerId, [draft!.id]), [draft!.id]);
  assert.equal(await store.photo('verification', draft!.id), undefined);
  await store.attachVerificationFiles(id, [draft!.id]);
  assert.deepEqual(await store.verificationDrafts(id, officerId, [draft!.id]), []);
  assert.equal((await store.photo('verification', draft!.id))?.storageKey, 'v');
});

test('the verdict and the overdue mark are written once; Open311 reads open and closed requests', async () => {
  const { id, trackingNo } = await store.create(complaint());
  assert.equal(await store.markOverdue(id), true);
  assert.equal(await store.markOverdue(id), false);
  assert.equal((await store.find(null, id))?.overdue, true);
  const open = await store.publicRequests({ trackingNos: [trackingNo], limit: 10 });
  assert.equal(open[0]?.status, 'verifying');
  await database.appDb.transaction(async (trx) => {
    assert.equal((await store.lockForVerification(id, trx))?.buildingCode, house);
    await store.recordVerdict(
      id,
      {
        actor: { id: officerId, name: '李排查' },
        note: null,
        reply: '现场未发现问题',
        position: { latitude: 23.7, longitude: 113.0, accuracy: 12.4 },
        distanceM: 5,
        presence: 'near',
        outcome: { status: 'unfounded' },
      },
      trx,
    );
  });
  const verified = await store.find(null, id);
  assert.equal(verified?.status, 'unfounded');
  assert.equal(verified?.verifyPosition?.accuracy, 12);
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const closed = await store.publicRequests({ limit: 200, status: 'closed', from: since });
  assert.ok(closed.some((r) => r.trackingNo === trackingNo));
  assert.ok(!(await store.publicRequests({ limit: 200, status: 'open', from: since })).some((r) => r.trackingNo === trackingNo));
  assert.equal(closed.find((r) => r.trackingNo === trackingNo)?.names[0], '张三丰');
});

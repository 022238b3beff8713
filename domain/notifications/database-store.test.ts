/** The notification store against PostgreSQL, as the application role: recipients by id and by role and region, once per key, each user's own. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseNotificationStore } from './database-store.ts';
import type { NotifyRequest } from './store.ts';

let database: TestDatabase;
let store: DatabaseNotificationStore;
const ids: Record<string, string> = {};

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseNotificationStore(database.appDb);
  for (const u of (await database.db('users').select('id', 'username')) as { id: string; username: string }[]) ids[u.username] = u.id;
});
after(() => database.drop());

const request = (over: Partial<NotifyRequest> = {}): NotifyRequest => ({
  key: `k-${randomUUID()}`,
  kind: 'task_claimable',
  recipients: {},
  title: '新任务',
  body: '隐患案件待分派',
  link: '/cases/1',
  ...over,
});

test('the users of a role whose region covers the code are notified, others not, and a repeated key adds nothing', async () => {
  const r = request({ recipients: { roles: ['inspector'], regionCode: '441802006001' } });
  assert.equal(await store.notify(r), 2);
  assert.equal(await store.notify(r), 0);
  assert.equal(await store.unreadCount(ids.inspector!), 1);
  assert.equal(await store.unreadCount(ids.inspector2!), 1);
  assert.equal(await store.unreadCount(ids.town!), 0);
  // A town officer's region (a prefix) covers its villages; another town's village is not covered.
  assert.equal(await store.notify(request({ recipients: { roles: ['town_officer'], regionCode: '441802006001' } })), 1);
  assert.equal(await store.notify(request({ recipients: { roles: ['town_officer'], regionCode: '441802007001' } })), 0);
});

test('named users and role recipients together get one notification each; a disabled account none', async () => {
  await database.db('users').where({ username: 'auditor' }).update({ disabled: true });
  const r = request({
    recipients: { userIds: [ids.officer!, ids.auditor!, 'not-a-uuid'], roles: ['district_officer'], regionCode: '441802006' },
  });
  assert.equal(await store.notify(r), 1);
  assert.equal(await store.notify(request({ recipients: {} })), 0);
});

test('a user lists their own notifications newest first, pages them, and marks them read; another user cannot', async () => {
  const user = ids.admin!;
  for (let i = 1; i <= 3; i++) await store.notify(request({ key: `list-${i}`, title: `第${i}条`, recipients: { userIds: [user] } }));
  const page1 = await store.list(user, { page: 1, perPage: 2 });
  assert.equal(page1.total, 3);
  assert.deepEqual(
    page1.data.map((n) => n.title),
    ['第3条', '第2条'],
  );
  assert.deepEqual(
    (await store.list(user, { page: 2, perPage: 2 })).data.map((n) => n.title),
    ['第1条'],
  );
  const newest = page1.data[0]!;
  assert.equal(await store.markRead(ids.inspector!, newest.id), false);
  assert.equal(await store.unreadCount(user), 3);
  assert.equal(await store.markRead(user, newest.id), true);
  assert.equal(await store.unreadCount(user), 2);
  assert.equal((await store.list(user, { page: 1, perPage: 10 }, true)).total, 2);
  assert.equal(await store.markRead(user, 'nonsense'), false);
  assert.equal(await store.markAllRead(user), 2);
  assert.equal(await store.unreadCount(user), 0);
});

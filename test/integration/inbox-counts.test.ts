/**
 * Inbox counts on PostgreSQL: up to EXACT_COUNT_LIMIT always exact and current; above it counted in
 * full and reused for the configured time, per user and view.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedOpenTasks } from '../../bench/open-tasks.ts';
import { DatabaseTaskStore } from '../../domain/cases/database-task-store.ts';
import { EXACT_COUNT_LIMIT } from '../../domain/cases/tasks.ts';
import type { InboxUser } from '../../domain/cases/tasks.ts';
import { seedSyntheticBuildings } from '../../tools/synthetic/seed.ts';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let town: InboxUser;
let inspector: InboxUser;

const userOf = async (username: string): Promise<InboxUser> => {
  const u = (await database.db('users').where({ username }).first()) as { id: string; role: string; region_code: string };
  return { id: u.id, role: u.role, regionCode: u.region_code };
};
/** The user's claimable tasks, by the rule written out here rather than by the store under test. */
const claimable = (user: InboxUser) =>
  database
    .db('tasks')
    .where({ status: 'open' })
    .whereLike('case_region_code', `${user.regionCode}%`)
    .whereRaw('? = ANY(roles)', [user.role]);
const exact = async (user: InboxUser) => ((await claimable(user).count({ n: '*' }).first()) as { n: number }).n;

before(async () => {
  database = await createTestDatabase();
  await seedSyntheticBuildings(database.db, { count: 200, district: '441802' });
  await seedOpenTasks(database.db, 8000);
  town = await userOf('town');
  inspector = await userOf('inspector');
});
after(async () => {
  await database?.drop();
});

test('a count above the exact limit is counted in full, then reused for the configured time; with 0 it is always counted', async () => {
  const cached = new DatabaseTaskStore(database.db, 60_000);
  const fresh = new DatabaseTaskStore(database.db, 0);
  const before = await exact(town);
  assert.ok(before > EXACT_COUNT_LIMIT, `the seed gives the town more than ${EXACT_COUNT_LIMIT} claimable tasks (${before})`);
  assert.equal((await cached.counts(town)).claimable, before);
  assert.equal((await cached.list(town, 'claimable', { page: 1, perPage: 25 } as never)).total, before);

  const [one] = (await claimable(town).limit(1).select('id')) as { id: string }[];
  await database.db('tasks').where({ id: one?.id }).update({ status: 'cancelled' });
  assert.equal(await exact(town), before - 1);
  assert.equal((await cached.counts(town)).claimable, before, 'reused within its time');
  assert.equal((await fresh.counts(town)).claimable, before - 1);
  assert.equal((await fresh.list(town, 'claimable', { page: 1, perPage: 25 } as never)).total, before - 1);
});

test('a count up to the exact limit is always current, even where large counts are reused', async () => {
  const cached = new DatabaseTaskStore(database.db, 60_000);
  const mine = (await cached.counts(inspector)).mine;
  assert.ok(mine > 0 && mine <= EXACT_COUNT_LIMIT, `the seed gives the inspector a few claimed tasks (${mine})`);
  const [claimed] = (await database.db('tasks').where({ status: 'claimed', assignee_id: inspector.id }).limit(1).select('id')) as {
    id: string;
  }[];
  await database
    .db('tasks')
    .where({ id: claimed?.id })
    .update({ status: 'completed', completed_by: inspector.id, completed_at: database.db.fn.now() });
  assert.equal((await cached.counts(inspector)).mine, mine - 1);
  assert.equal((await cached.list(inspector, 'mine', { page: 1, perPage: 25 } as never)).total, mine - 1);
});

/** The import job store against PostgreSQL, as the application role: jobs scoped by the importer's region, problems in report order, the sweeper's list. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseImportJobStore } from './database-store.ts';
import type { NewImportJob } from './jobs.ts';

const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const otherTown = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802007' }));
const district = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_admin', regionCode: '441802' }));

let database: TestDatabase;
let store: DatabaseImportJobStore;

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  store = new DatabaseImportJobStore(database.appDb);
});
after(() => database.drop());

const job = (over: Partial<NewImportJob> = {}): NewImportJob => {
  const id = randomUUID();
  return {
    id,
    file_key: `imports/${id}/source.csv`,
    file_name: '房屋.csv',
    file_kind: 'csv',
    encoding: 'utf-8',
    file_size: 120,
    region_code: '441802006',
    created_by: null,
    actor_name: 'cli',
    chunk_size: 5000,
    ...over,
  };
};

const problem = (line: number, reason = '取值不正确') => ({ line, column: '房屋用途', value: '仓库', reason });

test('a job is written queued with its defaults and read back whole; an id is written once', async () => {
  const input = job();
  await store.insert(input);
  const row = await store.row(input.id);
  assert.deepEqual([row?.status, row?.processed_rows, row?.total_rows, row?.plan, row?.error_report_key], ['queued', 0, null, null, null]);
  assert.equal(row?.file_name, '房屋.csv');
  assert.equal(await store.row(randomUUID()), undefined);
  await assert.rejects(store.insert(input), /import_jobs_pkey/);
  await assert.rejects(store.insert(job({ file_kind: 'pdf' as 'csv' })), /import_jobs_kind_check/);
});

test('a reader sees the jobs of their region only, newest first unless asked otherwise', async () => {
  const older = job({ file_name: 'a.csv' });
  const newer = job({ file_name: 'b.csv' });
  const theirs = job({ region_code: '441802007' });
  await store.insert(older);
  await database
    .db('import_jobs')
    .where({ id: older.id })
    .update({ created_at: database.db.raw(`now() - interval '1 hour'`) });
  await store.insert(newer);
  await store.insert(theirs);
  assert.ok(await store.find(town, older.id));
  assert.equal(await store.find(otherTown, older.id), undefined);
  assert.ok(await store.find(district, theirs.id));
  const listed = await store.list(town, { page: 1, perPage: 100 });
  assert.ok(listed.data.every((j) => j.regionCode === '441802006'));
  const ids = listed.data.map((j) => j.id);
  assert.ok(ids.indexOf(newer.id) < ids.indexOf(older.id), 'newest first');
  const byName = await store.list(town, { page: 1, perPage: 100, sort: 'fileName', order: 'asc' });
  assert.equal(byName.data.find((j) => j.fileName === 'a.csv')?.id, older.id);
  assert.ok(!(await store.list(otherTown, { page: 1, perPage: 100 })).data.some((j) => j.id === older.id));
  assert.equal((await store.list(town, { page: 1, perPage: 100, status: 'done' })).total, 0);
});

test('problems come back in line order, a page at a time and all at once in pages, values cut to 1000 characters', async () => {
  const input = job();
  await store.insert(input);
  await store.addProblems(input.id, [problem(9), problem(3), { ...problem(5), value: 'x'.repeat(1500) }]);
  await store.addProblems(input.id, [problem(3, '重复')]);
  const page = await store.problems(input.id, { page: 1, perPage: 2 });
  assert.equal(page.total, 4);
  assert.deepEqual(
    page.data.map((p) => [p.line, p.reason]),
    [
      [3, '取值不正确'],
      [3, '重复'],
    ],
  );
  assert.equal(typeof page.data[0]?.id, 'string');
  const all = [];
  for await (const p of store.allProblems(input.id, 2)) all.push(p);
  assert.deepEqual(
    all.map((p) => p.line),
    [3, 3, 5, 9],
  );
  assert.equal(all[2]?.value.length, 1000);
  assert.deepEqual((await store.problems(randomUUID(), { page: 1, perPage: 10 })).total, 0);
});

test('problems written inside a transaction that rolls back are gone with it', async () => {
  const input = job();
  await store.insert(input);
  await assert.rejects(
    database.appDb.transaction(async (trx) => {
      await store.addProblems(input.id, [problem(2)], trx);
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal((await store.problems(input.id, { page: 1, perPage: 10 })).total, 0);
});

test('a failed job keeps the first file-level message', async () => {
  const input = job();
  await store.insert(input);
  await store.fail(input.id, '文件不是表格');
  await store.fail(input.id, '第二个原因');
  const row = await store.row(input.id);
  assert.deepEqual([row?.status, row?.error], ['failed', '文件不是表格']);
});

test('the sweeper lists jobs still queued after the grace period', async () => {
  const waiting = job();
  const failed = job();
  await store.insert(waiting);
  await store.insert(failed);
  await database
    .db('import_jobs')
    .whereIn('id', [waiting.id, failed.id])
    .update({ created_at: database.db.raw(`now() - interval '10 minutes'`) });
  await store.fail(failed.id, 'x');
  const queued = (await store.queued(60_000)).map((r) => r.id);
  assert.ok(queued.includes(waiting.id));
  assert.ok(!queued.includes(failed.id));
  assert.ok(!(await store.queued(3_600_000)).some((r) => r.id === waiting.id));
  assert.equal((await store.queued(0, 1)).length, 1);
});

/**
 * retriedTransaction on a real PostgreSQL: two transactions locking two rows in opposite orders
 * deadlock (PostgreSQL aborts one after deadlock_timeout); retried, both commit and every write counts
 * once. Plain db.transaction loses one of them, which is what the users of a village saw as a 503
 * when two of them registered cases at once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../test/support/database.ts';
import type { TestDatabase } from '../test/support/database.ts';
import { createDb, isTransactionConflict, prepared, retriedTransaction, runPrepared } from './db.ts';
import type { Db } from './db.ts';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase({ migrate: false });
  await database.db.raw('CREATE TABLE counters (name text PRIMARY KEY, n integer NOT NULL)');
});
after(() => database.drop());

/** Resolves once `count` callers have arrived. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === count) open();
    return opened;
  };
}

/**
 * Two transactions, each adding one to `a` and to `b` in opposite orders, meeting after their first
 * update on their first try (so they deadlock); `begin` runs each. Answers what each settled to and
 * the tries made.
 */
async function opposite(begin: (work: (trx: Db) => Promise<void>) => Promise<void>) {
  const db = database.db;
  await db('counters').delete();
  await db('counters').insert([
    { name: 'a', n: 0 },
    { name: 'b', n: 0 },
  ]);
  const met = barrier(2);
  let tries = 0;
  const add = (trx: Db, name: string) => trx('counters').where({ name }).increment('n', 1);
  const run = (first: string, second: string) =>
    begin(async (trx) => {
      const attempt = ++tries;
      await add(trx, first);
      if (attempt <= 2) await met();
      await add(trx, second);
    });
  const settled = await Promise.allSettled([run('a', 'b'), run('b', 'a')]);
  const counts = Object.fromEntries(
    ((await db('counters').select('name', 'n')) as { name: string; n: number }[]).map((r) => [r.name, r.n]),
  );
  return { settled, tries, counts };
}

test('without retrying, a deadlock loses one of the two transactions', async () => {
  const { settled, counts } = await opposite((work) => database.db.transaction(work));
  const failed = settled.filter((s) => s.status === 'rejected');
  assert.equal(failed.length, 1);
  assert.ok(isTransactionConflict((failed[0] as PromiseRejectedResult).reason), 'the loser is told 40P01');
  assert.deepEqual(counts, { a: 1, b: 1 });
});

test('retried, both transactions commit once each after the deadlock', async () => {
  const { settled, tries, counts } = await opposite((work) => retriedTransaction(database.db, work));
  assert.deepEqual(
    settled.map((s) => s.status),
    ['fulfilled', 'fulfilled'],
  );
  assert.equal(tries, 3, 'the one PostgreSQL aborted ran again, once');
  assert.deepEqual(counts, { a: 2, b: 2 }, 'each write counted once');
});

test('any other failure is not retried', async () => {
  let tries = 0;
  await assert.rejects(
    retriedTransaction(database.db, async (trx) => {
      tries++;
      await trx('counters').insert({ name: 'c', n: 1 });
      await trx('counters').insert({ name: 'c', n: 2 });
    }),
    (error: { code?: string }) => error.code === '23505',
  );
  assert.equal(tries, 1);
});

test('a query marked prepared is a named statement of its connection, in a transaction too, and answers as before', async () => {
  await database.db('counters').insert([
    { name: 'p1', n: 1 },
    { name: 'p2', n: 2 },
  ]);
  const kept = async (trx: Db) =>
    (
      (await trx.raw(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'ydym\\_%'`)) as { rows: { statement: string }[] }
    ).rows.map((r) => r.statement);
  await database.db.transaction(async (trx) => {
    assert.deepEqual(await kept(trx), []);
    for (const name of ['p1', 'p2', 'p1']) {
      const row = (await prepared(trx('counters').where({ name }).first('n'))) as { n: number };
      assert.equal(row.n, name === 'p1' ? 1 : 2);
    }
    // A query built another way is another statement; an unmarked one is not kept.
    assert.deepEqual(await prepared(trx('counters').whereIn('name', ['p1', 'p2']).orderBy('name').pluck('n')), [1, 2]);
    await trx('counters').where({ name: 'p2' }).first('n');
    const statements = await kept(trx);
    assert.equal(statements.length, 2, statements.join('\n'));
    assert.ok(statements.every((s) => s.includes('"counters"')));
    // Run on, a lookup by key is no longer planned each time: PostgreSQL switches to its kept plan.
    for (let i = 0; i < 6; i++) await prepared(trx('counters').where({ name: 'p1' }).first('n'));
    const plans = (await trx.raw(`SELECT generic_plans FROM pg_prepared_statements WHERE statement LIKE '%"name" = $1%'`)) as {
      rows: { generic_plans: number }[];
    };
    assert.ok((plans.rows[0]?.generic_plans ?? 0) > 0, JSON.stringify(plans.rows));
  });
});

test('a kept statement selecting * goes on answering after a migration adds a column, outside and inside a transaction', async () => {
  // One connection, so every query below meets the statements kept before the column was added (as a
  // long-running API process does when another process migrates the database under it).
  const db = createDb(database.url, 1);
  try {
    await db.raw('CREATE TABLE houses_kept (code text PRIMARY KEY, floors integer)');
    await db('houses_kept').insert({ code: 'h1', floors: 2 });
    const read = (q: Db) => runPrepared<Record<string, unknown>>(q('houses_kept').where({ code: 'h1' }).select('*'));
    const readIn = (trx: Db) => prepared(trx('houses_kept').where({ code: 'h1' }).first('*')) as Promise<Record<string, unknown>>;
    assert.deepEqual(await read(db), [{ code: 'h1', floors: 2 }]);
    await db.transaction(async (trx) => assert.deepEqual(await readIn(trx), { code: 'h1', floors: 2 }));

    await db.raw(`ALTER TABLE houses_kept ADD COLUMN use text NOT NULL DEFAULT '住宅'`);
    // Outside a transaction the query is prepared again at once and answers with the new column.
    assert.deepEqual(await read(db), [{ code: 'h1', floors: 2, use: '住宅' }]);
    // Inside one, PostgreSQL has aborted the transaction by then; the statement is replaced for the next.
    await assert.rejects(
      db.transaction((trx) => readIn(trx)),
      (error: Error & { code?: string }) => error.code === '0A000',
    );
    await db.transaction(async (trx) => assert.deepEqual(await readIn(trx), { code: 'h1', floors: 2, use: '住宅' }));
    assert.deepEqual(await read(db), [{ code: 'h1', floors: 2, use: '住宅' }]);
  } finally {
    await db.destroy();
  }
});

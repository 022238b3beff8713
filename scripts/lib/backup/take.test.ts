/**
 * The copy of the Temporal dev server's SQLite file, against the real SQLite shell: while another
 * connection holds the database locked past the copy's busy timeout, the copy is tried again and
 * succeeds once the lock is gone; a failure of another kind is not tried again.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { run, sqliteShell } from './tools.ts';
import { vacuumInto } from './take.ts';

let dir: string;
let sqlite: string;
let file: string;

before(async () => {
  sqlite = sqliteShell();
  dir = mkdtempSync(join(tmpdir(), 'ydym-vacuum-'));
  file = join(dir, 'state.sqlite');
  await run(sqlite, [file, 'CREATE TABLE t (n integer)', 'INSERT INTO t VALUES (1), (2)']).done;
});
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Takes an exclusive lock on the file (a rollback-journal database: readers wait) and gives it up after
 * `ms`; answers once it is taken, with a promise of its release (wrapped: an async function's promise
 * of a promise would wait for the release itself).
 */
async function holdLock(ms: number): Promise<{ released: Promise<void> }> {
  const holder = spawn(sqlite, [file], { stdio: ['pipe', 'pipe', 'inherit'] });
  holder.stdin.write('BEGIN EXCLUSIVE;\n.print locked\n');
  await new Promise<void>((resolve) => holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve()));
  const released = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  setTimeout(() => holder.stdin.end('COMMIT;\n.quit\n'), ms);
  return { released };
}

test('a copy refused as locked past its busy timeout is tried again and made once the lock is gone', async () => {
  const { released } = await holdLock(1500);
  const copy = join(dir, 'copy-1.sqlite');
  const t0 = Date.now();
  await vacuumInto(sqlite, file, copy, { attempts: 6, busyTimeoutMs: 200 });
  console.log('TOOK', Date.now() - t0);
  await released;
  assert.ok(existsSync(copy));
});

test('without tries left, the lock is the error', async () => {
  const { released } = await holdLock(1500);
  await assert.rejects(vacuumInto(sqlite, file, join(dir, 'copy-2.sqlite'), { attempts: 1, busyTimeoutMs: 200 }), /database is locked/);
  await released;
});

test('a failure of another kind is not tried again', async () => {
  const started = Date.now();
  await assert.rejects(vacuumInto(sqlite, join(dir, 'missing', 'none.sqlite'), join(dir, 'copy-3.sqlite'), { attempts: 3 }));
  // Three tries would pause 0.5 s and then 1 s between them.
  assert.ok(Date.now() - started < 1400, 'no pause for a retry');
});

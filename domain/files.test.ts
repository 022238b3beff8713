/**
 * The folder store: a file appears whole or not at all, and two writers of one key at once (a retried
 * activity beside its first attempt, in one process) both finish, leaving one whole file and no leftovers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { LocalFileStore } from './files.ts';

const root = mkdtempSync(join(tmpdir(), 'ydym-files-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('two writes of one key at once in one process both succeed and leave one whole file', async () => {
  const store = new LocalFileStore(root);
  const body = Buffer.alloc(256 * 1024, 7);
  await Promise.all([
    store.put('same/key.bin', body),
    store.put('same/key.bin', Readable.from([body.subarray(0, 1000), body.subarray(1000)])),
    store.put('same/key.bin', body),
  ]);
  assert.deepEqual(readFileSync(join(root, 'same/key.bin')), body);
  assert.deepEqual(readdirSync(join(root, 'same')), ['key.bin']);
});

test('a source failing midway leaves neither the file nor a partial one', async () => {
  const store = new LocalFileStore(root);
  const failing = new Readable({
    read() {
      this.destroy(new Error('source broke'));
    },
  });
  await assert.rejects(store.put('broken/file.bin', failing), /source broke/);
  assert.deepEqual(readdirSync(join(root, 'broken')), []);
});

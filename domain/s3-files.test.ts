/**
 * The S3 file store against a real S3-compatible server (SeaweedFS's S3 gateway, built and started by the
 * test): whole and ranged reads, a streamed upload in parts, sizes, removal, a missing object, bad keys;
 * the migration from the folder store (resumable, verified, the half-written files left out); a
 * backup's listing of the objects and their copy out and back; and the configuration refusing
 * FILE_STORE=s3 without its keys.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { backupFiles, restoreFiles, verifyFiles } from '../scripts/lib/backup/files.ts';
import { copyFolderToStore } from '../scripts/lib/copy-files.ts';
import { provisionSeaweedfs, seaweedPorts, startSeaweedfs } from '../scripts/lib/seaweedfs.ts';
import type { RunningSeaweedfs } from '../scripts/lib/seaweedfs.ts';
import { freePort } from '../test/support/ports.ts';
import { openFileStore } from './file-stores.ts';
import { LocalFileStore } from './files.ts';
import { S3FileStore } from './s3-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'ydym-s3-'));
let seaweed: RunningSeaweedfs;
let store: S3FileStore;
const settings = () => ({
  endpoint: seaweed.endpoint,
  region: 'us-east-1',
  bucket: 'ydym-test',
  prefix: 'district/',
  accessKeyId: 'test',
  secretAccessKey: 'test-secret',
});

async function text(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

before(async () => {
  // On a new machine this builds weed (minutes): the progress shows in the test's output.
  const weed = await provisionSeaweedfs((line) => console.log(line));
  seaweed = await startSeaweedfs(weed, join(dir, 'weed'), await seaweedPorts(freePort));
  store = new S3FileStore(settings());
  await store.ensureBucket();
  await store.ensureBucket();
});
after(async () => {
  store?.close();
  await seaweed?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('an object written whole is read whole and from an offset; its size is known; removed, it is gone', async () => {
  await store.put('photos/2026/a.jpg', Buffer.from('0123456789'));
  assert.equal((await text(store.read('photos/2026/a.jpg'))).toString(), '0123456789');
  assert.equal((await text(store.read('photos/2026/a.jpg', 7))).toString(), '789');
  assert.equal(await store.size('photos/2026/a.jpg'), 10);
  assert.equal(store.where('photos/2026/a.jpg'), 's3://ydym-test/district/photos/2026/a.jpg');
  await store.remove('photos/2026/a.jpg');
  assert.equal(await store.size('photos/2026/a.jpg'), undefined);
  await assert.rejects(text(store.read('photos/2026/a.jpg')), /NoSuchKey|not exist|NotFound/i);
});

test('a stream of unknown length larger than one part goes up in parts and comes back the same', async () => {
  const bytes = randomBytes(11 * 1024 * 1024);
  const parts = [bytes.subarray(0, 4_000_000), bytes.subarray(4_000_000, 9_000_000), bytes.subarray(9_000_000)];
  await store.put('labels/batch.pdf', Readable.from(parts));
  assert.equal(await store.size('labels/batch.pdf'), bytes.length);
  const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  assert.equal(digest(await text(store.read('labels/batch.pdf'))), digest(bytes));
});

test('keys the platform would never make are refused before any request', async () => {
  for (const key of ['../etc/passwd', '/abs', 'a b', '']) assert.throws(() => store.where(key), /bad file key/);
  await assert.rejects(store.put('x/../../y', 'z'), /bad file key/);
});

test('the folder store moves into S3: every file once, verified, resumable; half-written files stay behind', async () => {
  const root = join(dir, 'files');
  const folder = new LocalFileStore(root);
  await folder.put('inspections/1/a.jpg', randomBytes(1000));
  await folder.put('imports/b.csv', 'code,address\n');
  mkdirSync(join(root, 'imports'), { recursive: true });
  writeFileSync(join(root, 'imports', 'c.csv.partial-123'), 'half');
  writeFileSync(join(root, 'imports', 'd.csv.partial-123-0a1b2c3d4e5f'), 'half');
  const first = await copyFolderToStore(root, store, () => undefined);
  assert.deepEqual([first.copied, first.skipped, first.failed], [2, 0, []]);
  const again = await copyFolderToStore(root, store, () => undefined);
  assert.deepEqual([again.copied, again.skipped], [0, 2], 'run again: nothing copied twice');
  assert.deepEqual(await text(store.read('inspections/1/a.jpg')), await text(folder.read('inspections/1/a.jpg')));
  assert.equal(await store.size('imports/c.csv.partial-123'), undefined);
  assert.equal(await store.size('imports/d.csv.partial-123-0a1b2c3d4e5f'), undefined);
});

test('FILE_STORE=s3 without its keys is refused, naming them', async () => {
  const config = {
    fileStore: 's3' as const,
    dataDir: dir,
    s3Endpoint: seaweed.endpoint,
    s3Region: 'us-east-1',
    s3Bucket: 'b',
    s3Prefix: '',
    s3AccessKeyId: '',
    s3SecretAccessKey: '',
  };
  await assert.rejects(openFileStore(config), /S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: must be set when FILE_STORE=s3/);
  const folder = await openFileStore({ ...config, fileStore: 'folder' });
  assert.ok(folder instanceof LocalFileStore);
});

test('a backup lists every object under the store’s prefix, page after page, and copies it out and back', async () => {
  const other = new S3FileStore({ ...settings(), prefix: 'elsewhere/' });
  await other.put('photos/not-ours.jpg', 'x');
  const keys = ['backup/a.jpg', 'backup/b/c.pdf', 'backup/d.png'];
  for (const [i, key] of keys.entries()) await store.put(key, `content ${i}`);
  const listed: string[] = [];
  for await (const key of store.keys(2)) listed.push(key);
  for (const key of keys) assert.ok(listed.includes(key), `${key} not listed`);
  assert.ok(!listed.some((k) => k.includes('not-ours')));
  other.close();

  const out = join(dir, 'backup-out');
  mkdirSync(out, { recursive: true });
  const { count } = await backupFiles(store, out);
  assert.equal(count, listed.length);
  const folder = new LocalFileStore(join(dir, 'backup-restored'));
  await restoreFiles(out, await verifyFiles(out), folder);
  assert.equal((await text(folder.read('backup/b/c.pdf'))).toString(), 'content 1');
});

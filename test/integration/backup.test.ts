/**
 * Backup and restore on real PostgreSQL and a real Temporal dev server keeping its state in SQLite (as
 * `npm start` does): a backup taken while cases are being stepped, restored into a new database, a new
 * data folder and a new dev server on the restored file; the audit trail and its anchors verify, every
 * case (the one waiting on its rectification timer, those stepped during the backup) goes on to its
 * close from the restored state, and the evidence photo is there. Then the refusals: a missing folder,
 * a corrupt manifest, a part that does not match its checksum, a target that is not empty.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { anchorFilePath, appendAnchorFile, readAnchorFile } from '../../domain/cases/anchor-file.ts';
import { verifyAnchors, writeAnchor } from '../../domain/cases/anchors.ts';
import { verifyCaseChain } from '../../domain/cases/chain.ts';
import { fileStoreFor } from '../../domain/files.ts';
import type { ListableFileStore } from '../../domain/files.ts';
import { BackupError, readManifest, verifyParts } from '../../scripts/lib/backup/manifest.ts';
import type { Manifest } from '../../scripts/lib/backup/manifest.ts';
import { restoreBackup } from '../../scripts/lib/backup/restore.ts';
import type { RestoreOptions } from '../../scripts/lib/backup/restore.ts';
import { takeBackup } from '../../scripts/lib/backup/take.ts';
import { devServerStateFile } from '../../scripts/lib/backup/targets.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase, tinyPng, upload, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { freePort, startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

interface Users {
  officer: ApiClient;
  town: ApiClient;
  inspector: ApiClient;
  inspector2: ApiClient;
}

async function users(baseUrl: string): Promise<Users> {
  const [officer, town, inspector, inspector2] = await Promise.all(
    ['officer', 'town', 'inspector', 'inspector2'].map((name) => loggedIn(baseUrl, name)),
  );
  return { officer: officer!, town: town!, inspector: inspector!, inspector2: inspector2! };
}

/** Completes the case's next open task as the user whose task it is; the case as it is then. */
async function step(u: Users, c: CaseInfo): Promise<CaseInfo> {
  c = await waitForCase(u.town, c.id, (x) => x.status === 'closed' || x.openTasks.length > 0);
  const task = c.openTasks[0];
  if (!task) return c;
  switch (task.step) {
    case 'assign':
      return complete(u.town, task.id, ASSIGN_FORM);
    case 'control':
      return complete(u.inspector, task.id, {
        measuresTaken: ['stopped_use', 'evacuated', 'barrier', 'warning_sign'],
        fileIds: [await upload(u.inspector, c.id)],
      });
    case 'rectify':
      return complete(u.inspector, task.id, { description: '已加固', fileIds: [await upload(u.inspector, c.id)] });
    case 'recheck':
      return complete(u.inspector2, task.id, { result: 'pass' });
    case 'close':
      return complete(u.town, task.id, { signRemoved: true });
    default:
      throw new Error(`no form for the step ${task.step}`);
  }
}

async function stepToClose(u: Users, c: CaseInfo): Promise<CaseInfo> {
  for (let i = 0; i < 10 && c.status !== 'closed'; i++) c = await step(u, c);
  assert.equal(c.status, 'closed', `case ${c.number} did not close`);
  return c;
}

/** What audit:verify checks: every case's chain, and the anchors against the exported copy. */
async function auditProblems(stack: Stack, anchorFile: string): Promise<string[]> {
  const problems: string[] = [];
  for (const { id, number } of (await stack.db('cases').select('id', 'number')) as { id: string; number: string }[]) {
    const verdict = await verifyCaseChain(stack.db, id);
    if (!verdict.ok) problems.push(`${number}: ${JSON.stringify(verdict.brokenAt)}`);
  }
  const copy = await readAnchorFile(anchorFile);
  const anchors = await verifyAnchors(stack.db, copy.anchors);
  assert.ok(anchors.anchors > 0, 'no anchor was checked');
  return [...problems, ...copy.problems, ...anchors.problems];
}

const work = mkdtempSync(join(tmpdir(), 'ydym-backup-'));
const backupDir = join(work, 'backup');
let first: Stack | undefined;
let restored: Stack | undefined;
let spare: TestDatabase | undefined;
let manifest: Manifest;
/** The case waiting on its rectification (a timer) during the backup, with its photo's id and bytes. */
let waiting: CaseInfo;
let photo: { id: string; bytes: Buffer };
let loadCases: CaseInfo[] = [];

let backupSteps = 0;
before(async () => {
  first = await startStack({}, { persistTemporal: true });
  const u = await users(first.baseUrl);
  const house = await createHouse(u.officer);
  waiting = await step(u, await registerCase(u.officer, house));
  openTask(waiting, 'rectify');
  const bytes = Buffer.concat([tinyPng(), Buffer.from('backup-test-photo')]);
  photo = { id: await upload(u.inspector, waiting.id, bytes, '整改前照片.png'), bytes };
  const anchorFile = anchorFilePath(first.config.dataDir);
  await writeAnchor(first.db);
  await appendAnchorFile(first.db, anchorFile);

  // The load: four cases registered and stepped one task after another while the backup runs.
  const cases = await Promise.all([1, 2, 3, 4].map(() => registerCase(u.officer, house)));
  let stop = false;
  const stepped: number[] = [];
  const load = Promise.all(
    cases.map(async (c) => {
      for (let i = 0; i < 3 && !stop; i++) {
        c = await step(u, c);
        stepped.push(Date.now());
      }
      return c;
    }),
  );
  await new Promise((r) => setTimeout(r, 300));
  const backupStarted = Date.now();
  manifest = await takeBackup({
    to: backupDir,
    ownerUrl: first.config.databaseOwnerUrl!,
    temporal: { kind: 'sqlite', file: devServerStateFile(first.config.dataDir) },
    files: first.files as ListableFileStore,
    fileStore: 'folder',
    anchorFile,
    appVersion: 'test',
    say: () => undefined,
  });
  stop = true;
  backupSteps = stepped.filter((t) => t >= backupStarted).length;
  loadCases = await load;
  await first.stop();
  first = undefined;

  const database = await createTestDatabase({ migrate: false });
  const dataDir = join(work, 'restored');
  await restoreBackup(restoreOptions(database, dataDir));
  restored = await startStack({}, { database, dataDir, persistTemporal: true });
});

after(async () => {
  await first?.stop();
  await restored?.stop();
  await spare?.drop();
  rmSync(work, { recursive: true, force: true });
});

function restoreOptions(database: TestDatabase, dataDir: string, over: Partial<RestoreOptions> = {}): RestoreOptions {
  return {
    from: backupDir,
    ownerUrl: database.url,
    appUrl: database.appUrl,
    temporal: { kind: 'sqlite', file: devServerStateFile(dataDir) },
    files: fileStoreFor(dataDir) as ListableFileStore,
    anchorFile: anchorFilePath(dataDir),
    force: false,
    say: () => undefined,
    ...over,
  };
}

describe('a backup taken under load, restored into fresh databases', () => {
  test('the manifest lists every part with its checksum, the migration level and when Temporal was copied', () => {
    assert.deepEqual(manifest.parts.map((p) => p.name).sort(), ['anchors', 'files', 'platform', 'temporal']);
    assert.match(manifest.migration, /^\d{8}_\d{4}_.+\.ts$/);
    assert.equal(manifest.temporal.kind, 'sqlite');
    assert.ok(manifest.parts.every((p) => /^[0-9a-f]{64}$/.test(p.sha256) && p.bytes >= 0));
    assert.ok((manifest.parts.find((p) => p.name === 'files')?.count ?? 0) >= 1);
    assert.ok(backupSteps > 0, 'no case was stepped while the backup ran');
  });

  test('audit:verify finds the restored trail and anchors clean', async () => {
    assert.deepEqual(await auditProblems(restored!, anchorFilePath(restored!.config.dataDir)), []);
  });

  test('the evidence photo is there, byte for byte', async () => {
    const u = await users(restored!.baseUrl);
    const res = await fetch(`${restored!.baseUrl}/api/cases/${waiting.id}/files/${photo.id}`, {
      headers: { Cookie: u.town.cookieHeader() },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), photo.bytes);
  });

  test('the case waiting on its rectification, and every case stepped during the backup, go on to close', async () => {
    const u = await users(restored!.baseUrl);
    let c = await waitForCase(u.town, waiting.id, (x) => x.openTasks.some((t) => t.step === 'rectify'));
    c = await complete(u.inspector, openTask(c, 'rectify').id, { description: '已加固', fileIds: [photo.id] });
    await stepToClose(u, c);
    // Cases the sweeper may have to start again (registered while Temporal was copied) get a minute's sweep.
    for (const l of loadCases) await stepToClose(u, await waitForCase(u.town, l.id, () => true));
    assert.deepEqual(await auditProblems(restored!, anchorFilePath(restored!.config.dataDir)), []);
  });
});

describe('the commands', () => {
  const env = () => ({
    ...process.env,
    DATABASE_URL: restored!.config.databaseUrl,
    DATABASE_OWNER_URL: restored!.config.databaseOwnerUrl,
    DATA_DIR: restored!.config.dataDir,
    LOG_LEVEL: 'silent',
  });

  test('npm run backup of the running restored platform writes a backup whose parts verify', async () => {
    const to = join(work, 'second');
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', '--to', to], { encoding: 'utf8', env: env() });
    assert.equal(out.status, 0, out.stdout + out.stderr);
    assert.match(out.stdout, /backup: .*4 parts.*copy it off this machine/);
    await verifyParts(to, await readManifest(to));
  });
});

describe('restore refuses bad input and leaves nothing half done', () => {
  const expectRefusal = async (options: RestoreOptions, message: RegExp) => {
    await assert.rejects(restoreBackup(options), (error: Error) => error instanceof BackupError && message.test(error.message));
  };

  test('a missing folder, a corrupt manifest, a part that does not match: named, and the target database stays empty', async () => {
    spare = await createTestDatabase({ migrate: false });
    const dataDir = join(work, 'spare');
    await expectRefusal(restoreOptions(spare, dataDir, { from: join(work, 'nothing') }), /no such backup folder/);

    const corrupt = join(work, 'corrupt');
    cpSync(backupDir, corrupt, { recursive: true });
    writeFileSync(join(corrupt, 'manifest.json'), '{"format": "ydym-backup", ');
    await expectRefusal(restoreOptions(spare, dataDir, { from: corrupt }), /manifest\.json is corrupt/);

    const tampered = join(work, 'tampered');
    cpSync(backupDir, tampered, { recursive: true });
    const dump = readFileSync(join(tampered, 'platform.dump'));
    dump.writeUInt8(dump.readUInt8(dump.length - 10) ^ 0xff, dump.length - 10);
    writeFileSync(join(tampered, 'platform.dump'), dump);
    await expectRefusal(restoreOptions(spare, dataDir, { from: tampered }), /part "platform".*SHA-256/);

    const photoCopy = join(tampered, 'files', readFileSync(join(backupDir, 'files.index'), 'utf8').split('\n')[0]!.split(' ')[2]!);
    cpSync(backupDir, tampered, { recursive: true });
    writeFileSync(photoCopy, 'not the photo');
    await expectRefusal(restoreOptions(spare, dataDir, { from: tampered }), /part "files":.*does not match/);

    const tables = await spare.db.raw(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    assert.equal((tables as { rows: { n: number }[] }).rows[0]?.n, 0);
  });

  test('a part that fails while being written undoes the parts written before it, and says which failed', async () => {
    const dataDir = join(work, 'undone');
    const store = fileStoreFor(dataDir) as ListableFileStore;
    const failing: ListableFileStore = {
      keys: () => store.keys(),
      put: () => Promise.reject(new Error('no space left on device')),
      read: (key, start) => store.read(key, start),
      size: (key) => store.size(key),
      remove: (key) => store.remove(key),
      where: (key) => store.where(key),
    };
    await expectRefusal(
      restoreOptions(spare!, dataDir, { files: failing }),
      /restoring the part "files" failed: no space left on device\n\s+undone: .*platform/,
    );
    const tables = await spare!.db.raw(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    assert.equal((tables as { rows: { n: number }[] }).rows[0]?.n, 0);
    assert.equal(existsSync(devServerStateFile(dataDir)), false);
  });

  test('a database that is not empty is not overwritten without --force; the command says so and exits non-zero', async () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', '--from', backupDir], {
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_URL: restored!.config.databaseUrl,
        DATABASE_OWNER_URL: restored!.config.databaseOwnerUrl,
        DATA_DIR: join(work, 'cli'),
        // No dev server of this machine's (npm start) may answer: the restore would rightly refuse for that.
        TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
        LOG_LEVEL: 'silent',
      },
    });
    assert.equal(out.status, 1, out.stdout + out.stderr);
    assert.match(out.stderr, /the platform database \S+ \(\d+ tables and sequences\) is not empty: .*--force/);
  });
});

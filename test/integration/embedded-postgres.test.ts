import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { connectDatabase, prepareDatabase } from '../../domain/boot.ts';
import { loadConfig } from '../../domain/config.ts';
import { embeddedDataDir, ensureDatabaseServer, startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres/index.ts';
import { stopPid } from '../../scripts/lib/embedded-postgres/pid-file.ts';
import { freePort, portFree } from '../support/ports.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The machine's own server, which nothing here may touch. */
const MACHINE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const USER = 'ydym-postgres';

async function startedAt(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>('SELECT pg_postmaster_start_time()::text AS t');
    return rows[0]!.t;
  } finally {
    await client.end();
  }
}

/** Processes whose parent is `pid` or whose command line names `dataDir`: what a stopped server must not leave. */
function leftovers(pid: number, dataDir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (Number(entry) === pid || new RegExp(`^PPid:\\s+${pid}$`, 'm').test(status) || cmdline.includes(dataDir))
        found.push(`${entry}: ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const uidOf = (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

let dir: string;
let machineStart: string;
before(async () => {
  machineStart = await startedAt(MACHINE);
  dir = mkdtempSync(join(tmpdir(), 'ydym-embedded-pg-'));
  // As root the server runs as USER, who must be able to enter the folder (mkdtemp makes it 0700).
  chmodSync(dir, 0o755);
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  assert.equal(await startedAt(MACHINE), machineStart, "the machine's PostgreSQL was restarted");
});

test('the bundled PostgreSQL takes the migrations as its superuser, serves the application as a plain role, stops without a trace and keeps its cluster', async () => {
  const dataDir = join(dir, 'unit', 'postgres');
  const port = await freePort();
  const say = () => undefined;
  const config = loadConfig({
    DATABASE_URL: `postgres://ydym_app@127.0.0.1:${port}/ydym`,
    DATABASE_OWNER_URL: `postgres://postgres@127.0.0.1:${port}/ydym`,
  });

  const first = await startEmbeddedPostgres({ dataDir, port, user: USER, say });
  try {
    assert.match(first.version, /^17\.\d+$/);
    if (process.getuid?.() === 0) {
      assert.notEqual(uidOf(first.pid), 0, 'runs as a user other than root');
      assert.notEqual(statSync(dataDir).uid, 0, 'the cluster belongs to that user');
    }
    const applied = await prepareDatabase(config, say);
    assert.ok(applied.length > 10, `migrations applied: ${applied.length}`);
    const db = await connectDatabase(config); // refuses a superuser or a table owner
    try {
      const { rows } = (await db.raw('SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user')) as {
        rows: { name: string; rolsuper: boolean }[];
      };
      assert.deepEqual(rows, [{ name: 'ydym_app', rolsuper: false }]);
    } finally {
      await db.destroy();
    }
  } finally {
    await first.stop();
  }
  assert.deepEqual(leftovers(first.pid, dataDir), [], 'no process left after stop');
  assert.equal(await portFree(port), true);

  // A crash left its lock behind, and the pid in it now belongs to another program (pid 1 here).
  assert.equal(existsSync(join(dataDir, 'postmaster.pid')), false, 'a clean stop removes postmaster.pid');
  writeFileSync(join(dataDir, 'postmaster.pid'), `1\n${dataDir}\n1765000000\n${port}\n\n127.0.0.1\n  1234567     98304\nready   \n`);

  const second = await startEmbeddedPostgres({ dataDir, port, user: USER, say });
  try {
    assert.deepEqual(await prepareDatabase(config, say), [], 'the same cluster: nothing left to migrate');
    // A start while this one runs on the default address takes it over rather than starting another.
    const adopted = await ensureDatabaseServer(loadConfig({ DATA_DIR: join(dir, 'unit'), EMBEDDED_POSTGRES_PORT: String(port) }), say);
    assert.ok(adopted);
    assert.equal(adopted.pid, second.pid);
    await adopted.stop();
  } finally {
    await second.stop();
  }
  assert.deepEqual(leftovers(second.pid, dataDir), []);
});

/** `npm start` as a child, its output collected. */
function npmStart(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const waitFor = async (pattern: RegExp, ms: number) => {
    const deadline = Date.now() + ms;
    while (!pattern.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    return pattern.exec(out);
  };
  return { child, exit, waitFor, output: () => out };
}

/** Waits until no process is left of the server `pid` on `dataDir` (its own fast shutdown takes a moment). */
async function allGone(pid: number, dataDir: string): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  while (leftovers(pid, dataDir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return leftovers(pid, dataDir);
}

test('npm start with nothing at the default address runs the bundled PostgreSQL, and Ctrl-C stops it with the rest, also while starting', async () => {
  const [port, temporalPort, uiPort, simPort, smsPort, pgPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = join(dir, 'start');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    SUPERVISION_SIM_PORT: String(simPort),
    SMS_SIM_PORT: String(smsPort),
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_UI_PORT: String(uiPort),
    // The default address (no DATABASE_URL) moved to a port where nothing listens.
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    DATA_DIR: dataDir,
    // The demo houses are start.test.ts's concern; without them this start takes half the time.
    DEMO_DATA: 'false',
  };
  for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'EMBEDDED_POSTGRES']) delete env[name];
  const cluster = embeddedDataDir({ dataDir });
  const serverLine = new RegExp(`Bundled PostgreSQL 17\\.\\d+ on 127\\.0\\.0\\.1:${pgPort} \\(pid (\\d+)\\)`);
  const pids: number[] = [];
  try {
    // Ctrl-C while the rest is still starting.
    const early = npmStart(env);
    const up = await early.waitFor(serverLine, 60_000);
    assert.ok(up, early.output());
    assert.match(early.output(), new RegExp(`PostgreSQL not found at 127\\.0\\.0\\.1:${pgPort}`));
    pids.push(Number(up[1]));
    early.child.kill('SIGINT');
    assert.equal(await early.exit, 130, early.output());
    assert.deepEqual(await allGone(pids[0]!, cluster), [], 'no PostgreSQL process left after Ctrl-C while starting');

    // The whole start on the same cluster, then Ctrl-C.
    const start = npmStart(env);
    try {
      assert.ok(await start.waitFor(/Ready in/, 120_000), start.output());
      pids.push(Number(serverLine.exec(start.output())?.[1]));
      assert.doesNotMatch(start.output(), /Creating the PostgreSQL cluster/, 'the cluster is made once');
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      start.child.kill('SIGINT');
      assert.equal(await start.exit, 0, start.output());
    } finally {
      if (start.child.exitCode === null) start.child.kill('SIGKILL');
    }
    for (const p of [port, temporalPort, uiPort, simPort, smsPort, pgPort])
      assert.equal(await portFree(p), true, `port ${p} still open after Ctrl-C`);
    assert.deepEqual(leftovers(pids[1]!, cluster), [], 'no PostgreSQL process left');
  } finally {
    for (const pid of pids) if (pid > 0) await stopPid(pid);
  }
});

test('a URL someone set, or EMBEDDED_POSTGRES=never, gets no bundled server even when nothing answers', async () => {
  const dead = await freePort();
  const DATA_DIR = join(dir, 'explicit');
  const say = (line: string) => assert.fail(`nothing to say, got: ${line}`);
  assert.equal(
    await ensureDatabaseServer(loadConfig({ DATABASE_URL: `postgres://ydym_app@127.0.0.1:${dead}/ydym`, DATA_DIR }), say),
    undefined,
  );
  assert.equal(
    await ensureDatabaseServer(loadConfig({ DATABASE_OWNER_URL: `postgres://postgres@127.0.0.1:${dead}/ydym`, DATA_DIR }), say),
    undefined,
  );
  assert.equal(
    await ensureDatabaseServer(loadConfig({ EMBEDDED_POSTGRES: 'never', EMBEDDED_POSTGRES_PORT: String(dead), DATA_DIR }), say),
    undefined,
  );
  assert.equal(existsSync(DATA_DIR), false);
});

import assert from 'node:assert/strict';
import { DEMO_USERS } from '../../domain/demo-accounts.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';
import { freePort, portFree } from '../support/ports.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

function run(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exit, output: () => out };
}

let database: TestDatabase;
let dataDir: string;
before(async () => {
  database = await createTestDatabase({ migrate: false });
  dataDir = mkdtempSync(join(tmpdir(), 'ydym-start-'));
});
after(async () => {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm start brings everything up on an empty database, prints URLs and logins, and Ctrl-C leaves nothing running', async () => {
  const [port, temporalPort, uiPort, simPort, smsPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env = {
    PORT: String(port),
    SUPERVISION_SIM_PORT: String(simPort),
    SMS_SIM_PORT: String(smsPort),
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_UI_PORT: String(uiPort),
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.url,
    DATA_DIR: dataDir,
  };
  for (const round of ['first', 'second']) {
    const start = run('scripts/start.ts', env);
    const deadline = Date.now() + 120_000;
    while (!start.output().includes('Ready in') && Date.now() < deadline && start.child.exitCode === null)
      await new Promise((r) => setTimeout(r, 250));
    assert.match(start.output(), /Ready in/, `${round} start:\n${start.output()}`);
    assert.match(start.output(), new RegExp(`http://localhost:${port}`));
    assert.match(start.output(), new RegExp(`Temporal Web UI: +http://127.0.0.1:${uiPort}`));
    assert.match(start.output(), /admin +区住建局系统管理员/);
    assert.match(start.output(), new RegExp(`Supervision system: +http://127.0.0.1:${simPort} \\(simulator`));
    assert.match(start.output(), new RegExp(`SMS provider: +http://127.0.0.1:${smsPort} \\(simulator`));
    assert.match(await (await fetch(`http://127.0.0.1:${smsPort}/`)).text(), /短信平台（模拟器）/);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(ready.status, 200, await ready.text());
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Ydym@2026' }),
    });
    assert.equal(login.status, 200);
    start.child.kill('SIGINT');
    assert.equal(await start.exit, 0, start.output());
    for (const p of [port, temporalPort, uiPort, simPort, smsPort])
      assert.equal(await portFree(p), true, `port ${p} still open after Ctrl-C`);
  }
  const users = await database.db('users').count({ n: '*' }).first();
  assert.equal(Number(users?.n), DEMO_USERS.length, 'demo users loaded once, not twice');
});

test('a wrong or unreachable setting stops start-up with a message naming it', async () => {
  const badPort = run('api/main.ts', { PORT: 'eighty' });
  assert.equal(await badPort.exit, 1);
  assert.match(badPort.output(), /PORT="eighty": must be an integer/);
  const noDb = run('api/main.ts', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/ydym' });
  assert.equal(await noDb.exit, 1);
  assert.match(noDb.output(), /PostgreSQL refused the connection at 127\.0\.0\.1:1\/ydym .*\[DATABASE_URL\]/);
  const asOwner = run('api/main.ts', { DATABASE_URL: database.url });
  assert.equal(await asOwner.exit, 1);
  assert.match(
    asOwner.output(),
    /DATABASE_URL must name the application role, not the owner: the role "postgres" is a superuser .*\[DATABASE_URL\]/,
  );
  const noTemporal = run('workers/main.ts', { DATABASE_URL: database.appUrl, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
  assert.equal(await noTemporal.exit, 1);
  assert.match(noTemporal.output(), /Temporal is unreachable at 127\.0\.0\.1:\d+ \[TEMPORAL_ADDRESS\]/);
});

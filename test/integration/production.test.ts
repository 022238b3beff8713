import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';
import { freePort } from '../support/ports.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Runs an entry point to its exit; production refusals happen before anything listens. */
function runToExit(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.drop();
});

const production = async () => ({
  NODE_ENV: 'production',
  PORT: String(await freePort()),
  PUBLIC_BASE_URL: 'https://ydym.example.gov.cn',
  SUPERVISION_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
  SMS_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
  CLIENT_HASH_SECRET: randomBytes(32).toString('hex'),
  // Nothing listens there: the checks must refuse before Temporal is ever called.
  TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
});

for (const entry of ['api/main.ts', 'workers/main.ts'])
  test(`${entry} in production refuses the published demo secret, naming SUPERVISION_SECRET`, async () => {
    const env: Record<string, string> = { ...(await production()), DATABASE_URL: database.appUrl };
    delete env.SUPERVISION_SECRET;
    const { code, output } = await runToExit(entry, env);
    assert.equal(code, 1, output);
    assert.match(output, /SUPERVISION_SECRET: must be set in production/);
  });

test('the API in production refuses accounts that still have the demo password, naming each, and starts once none has', async () => {
  const refused = await runToExit('api/main.ts', { ...(await production()), DATABASE_URL: database.appUrl });
  assert.equal(refused.code, 1, refused.output);
  assert.match(refused.output, /user admin: still has the published demo password/);
  assert.match(refused.output, /user auditor: still has the published demo password/);

  await database.db('users').update({ disabled: true });
  const passed = await runToExit('api/main.ts', { ...(await production()), DATABASE_URL: database.appUrl });
  // Past every production check, it goes on to Temporal, which nothing answers here.
  assert.equal(passed.code, 1, passed.output);
  assert.doesNotMatch(passed.output, /production mode/);
  assert.match(passed.output, /Temporal is unreachable/);
});

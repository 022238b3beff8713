/**
 * `npm run replay`: the running workflows of a real server replay on the current code (exit 0), a
 * changed workflow is caught and named (the check before a deployment), and bad arguments are refused.
 * The histories kept in test/fixtures/histories, recorded by earlier code, replay on today's.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { replayFiles, replayFromServer, runningOn } from '../../workers/replay.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const run = promisify(execFile);
const CHANGED = fileURLToPath(new URL('../support/changed-workflows.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/histories', import.meta.url));
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(FIXTURES, f));

let stack: Stack;
let running: CaseInfo;

/** The operator's command against the test's servers; resolves with its exit code and output. */
async function replay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: stack.config.databaseUrl, TEMPORAL_ADDRESS: stack.temporal.address, LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/replay.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

before(async () => {
  stack = await startStack();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const town = await loggedIn(stack.baseUrl, 'town');
  running = await registerCase(officer, await createHouse(officer));
  running = await complete(town, openTask(running, 'assign').id, ASSIGN_FORM);
});
after(async () => {
  await stack?.stop();
});

describe('replay before a deployment', () => {
  test('the running workflows replay on the current code', async () => {
    const out = await replay();
    assert.equal(out.code, 0, out.stderr + out.stdout);
    // The case, the housekeeping schedule's and the sweeper's runs may be running too.
    const count = Number(/replay: (\d+) 个工作流，全部重放通过/.exec(out.stdout)?.[1]);
    assert.ok(count >= 1, out.stdout);
  });

  test('a changed workflow is named, with the reason, before it reaches a running case', async () => {
    const report = await replayFromServer(stack.temporal.client, {
      query: `WorkflowId = 'case-${running.id}'`,
      workflowsPath: CHANGED,
    });
    assert.equal(report.replayed, 1);
    assert.equal(report.failures.length, 1);
    assert.equal(report.failures[0]?.workflowId, `case-${running.id}`);
    assert.ok(report.failures[0]?.error, 'the failure says why');

    const same = await replayFromServer(stack.temporal.client, { query: runningOn(stack.config.temporalTaskQueue), limit: 1 });
    assert.equal(same.replayed, 1, 'the limit is kept');
    assert.deepEqual(same.failures, []);
  });

  test('a bad limit or query is refused with the argument named', async () => {
    const limit = await replay('--limit', 'many');
    assert.equal(limit.code, 2);
    assert.match(limit.stderr, /--limit 应为正整数/);
    const query = await replay('--query', 'WorkflowType = ');
    assert.equal(query.code, 2, query.stderr + query.stdout);
    assert.match(query.stderr, /--query 有误/);
  });

  test('histories kept from earlier code replay on the current code, from files as the CLI exports them', async () => {
    assert.ok(fixtures.length >= 5, fixtures.join());
    const report = await replayFiles(fixtures);
    assert.equal(report.replayed, fixtures.length);
    assert.deepEqual(report.failures, []);

    const one = await replay(fixtures[0] as string);
    assert.equal(one.code, 0, one.stderr + one.stdout);
    assert.match(one.stdout, /replay: 1 个工作流，全部重放通过/);
    const changed = await replayFiles(
      fixtures.filter((f) => f.includes('--case-')),
      CHANGED,
    );
    assert.ok(changed.failures.length > 0 && changed.failures.length === changed.replayed, 'every case history fails on the changed code');

    const missing = await replay('no-such-history.json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /历史文件不存在：no-such-history\.json/);
  });
});

/**
 * `npm test`: type-check, lint, format check, then unit, integration and browser tests on real parts.
 * Provisions what the tests need first (the Temporal CLI, PostgreSQL running, Chromium, the UI build)
 * and says what is missing when it cannot. `npm test -- <file>…` runs only those test files.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestTools } from './lib/test-tools.ts';
import { runMain } from '../domain/run-main.ts';
import { ensurePostgres } from './lib/postgres.ts';
import { provisionTemporalCli } from './lib/temporal-cli.ts';
import { buildUi } from './lib/ui-build.ts';
import { dropStaleRuns, dropTemplates, holdRun } from '../test/support/database.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', 'data', 'test-artifacts', '.git']);
const say = (line: string) => process.stdout.write(`[test] ${line}\n`);

function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (/\.test\.tsx?$/.test(entry)) out.push(relative(ROOT, path));
  }
  return out;
}

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  say(`${name}: ${command === process.execPath ? 'node' : command} ${args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        say(`${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new Error(`${name} failed (exit ${code})`));
    });
  });
}

const bin = (name: string, script: string) => join(ROOT, 'node_modules', name, script);

runMain('test', async () => {
  const started = Date.now();
  const only = process.argv.slice(2);
  await step('type-check', process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  await step('lint', process.execPath, [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0']);
  await step('format', process.execPath, [bin('prettier', 'bin/prettier.cjs'), '--check', '.', '--log-level', 'warn']);

  const files = only.length ? only : findTests(ROOT).sort();
  const needsTools = files.some((f) => f.startsWith('test/'));
  const cli = await provisionTemporalCli(say, process.env.TEMPORAL_CLI_PATH || undefined);
  await ensurePostgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', say);
  // The run's name: its test files copy their databases from templates made once for it (test/support/database.ts).
  const run = randomBytes(4).toString('hex');
  // What a killed run left (its templates, its files' databases) goes first; this run marks itself alive.
  const stale = await dropStaleRuns();
  if (stale) say(`dropped ${stale} databases left by test runs that were killed`);
  const hold = await holdRun(run);
  const env: NodeJS.ProcessEnv = { ...process.env, TEMPORAL_CLI_PATH: cli, NODE_ENV: 'test', YDYM_TEST_RUN: run };
  if (needsTools) {
    env.CHROMIUM_PATH = await ensureTestTools(say);
    await buildUi({ force: true, say });
  }
  say(`${files.length} test files`);
  // Each file starts its own Temporal dev server, database and, for some, a browser; two at a time keep
  // both cores busy while one waits (TEST_CONCURRENCY=1: one at a time).
  const concurrency = Number(process.env.TEST_CONCURRENCY || 2);
  try {
    await step(
      'tests',
      process.execPath,
      ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
      env,
    );
  } finally {
    await dropTemplates(run).catch((error: unknown) => say(`could not drop the run's template databases: ${String(error)}`));
    await hold.release();
  }
  say(`all passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
});

/**
 * `npm run fuzz -- [--seed N] [--runs N] [--seconds N]`: the API fuzzer of the test suite, run longer
 * against a fresh stack (its own database and Temporal dev server). Prints each finding with the seed
 * and index that replay it, and exits 1 when there is any.
 */
import { parseArgs } from 'node:util';
import { fuzzApi, seedForeignTown } from '../test/support/fuzz.ts';
import { startStack } from '../test/support/stack.ts';
import { runMain } from '../domain/run-main.ts';
import { ensurePostgres } from './lib/postgres.ts';
import { provisionTemporalCli } from './lib/temporal-cli.ts';

runMain('fuzz', async () => {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: String(Date.now() % 1_000_000) },
      runs: { type: 'string', default: '5000' },
      seconds: { type: 'string', default: '600' },
    },
  });
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  const seconds = Number(values.seconds);
  if (![seed, runs, seconds].every((n) => Number.isInteger(n) && n >= 0))
    throw new Error('--seed, --runs and --seconds take whole numbers');
  const say = (line: string) => process.stdout.write(`[fuzz] ${line}\n`);
  process.env.TEMPORAL_CLI_PATH = await provisionTemporalCli(say, process.env.TEMPORAL_CLI_PATH || undefined);
  await ensurePostgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', say);
  say(`seed ${seed}, up to ${runs} requests or ${seconds} s; starting a stack`);
  const stack = await startStack();
  try {
    const known = await seedForeignTown(stack.baseUrl, stack.db);
    const { sent, findings, byStatus } = await fuzzApi(stack.baseUrl, stack.db, known, { seed, runs, budgetMs: seconds * 1000, log: say });
    say(`${sent} requests; answers by status: ${JSON.stringify(byStatus)}`);
    for (const f of findings)
      say(
        `#${f.index} ${f.request.role} ${f.request.method} ${f.request.url.slice(0, 300)} → ${f.status} ${f.problem}\n    ${f.answer.slice(0, 300)}`,
      );
    say(findings.length ? `${findings.length} findings (replay: --seed ${seed} --runs ${runs})` : 'no findings');
    if (findings.length) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
});

/**
 * The API fuzzer (test/support/fuzz.ts) with a fixed seed and a modest budget, against the real
 * stack: no 5xx, one error shape for every 4xx, no record of another town shown to a town officer or
 * an inspector, no row left by a refused request. `npm run fuzz` runs it longer with other seeds.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fuzzApi, seedForeignTown } from '../support/fuzz.ts';
import type { Known } from '../support/fuzz.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const SEED = 14;
let stack: Stack;
let known: Known;

before(async () => {
  stack = await startStack();
  known = await seedForeignTown(stack.baseUrl, stack.db);
});
after(async () => {
  await stack.stop();
});

test('requests drawn from the OpenAPI document, as every role and as nobody, find no 5xx, leak or partial write', async (t) => {
  const { sent, findings, byStatus } = await fuzzApi(stack.baseUrl, stack.db, known, { seed: SEED, runs: 600, budgetMs: 15_000 });
  t.diagnostic(`${sent} requests, answers by status: ${JSON.stringify(byStatus)}`);
  assert.ok(sent >= 50, `only ${sent} requests sent`);
  assert.ok(
    Object.keys(byStatus).some((s) => Number(s) < 300),
    `no request succeeded: ${JSON.stringify(byStatus)}`,
  );
  assert.deepEqual(
    findings.map(
      (f) =>
        `#${f.index} ${f.request.role} ${f.request.method} ${f.request.url.slice(0, 200)} → ${f.status} ${f.problem}: ${f.answer.slice(0, 200)}`,
    ),
    [],
  );
});

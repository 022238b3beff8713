import assert from 'node:assert/strict';
import { test } from 'node:test';
import vm from 'node:vm';
import { withStackTraceLimit } from './stack-traces.ts';

const contextLimit = () => vm.runInContext('Error.stackTraceLimit', vm.createContext({})) as number;

test('contexts made inside withStackTraceLimit take its limit; before and after, the default; this realm keeps its own', async () => {
  assert.equal(contextLimit(), 10);
  const inside = await withStackTraceLimit(0, async () => {
    await Promise.resolve();
    return contextLimit();
  });
  assert.equal(inside, 0);
  assert.equal(contextLimit(), 10);
  assert.equal(Error.stackTraceLimit, 10);
});

test('the limit is restored when making fails', async () => {
  await assert.rejects(
    withStackTraceLimit(3, async () => {
      throw new Error('bundle failed');
    }),
    /bundle failed/,
  );
  assert.equal(contextLimit(), 10);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startMissing } from './sweep.ts';
import type { StartableKind } from './startable.ts';

/** A kind over a list held in memory: started rows leave the list, as a store's mark does. */
function fakeKind(kind: string, rows: string[], log: string[]): StartableKind<string> {
  const waiting = [...rows];
  return {
    kind,
    unstarted: async (olderThanMs) => {
      log.push(`${kind}? ${olderThanMs}`);
      return [...waiting];
    },
    start: async (row) => {
      log.push(`${kind} ${row}`);
      waiting.splice(waiting.indexOf(row), 1);
    },
  };
}

test('a sweep visits the registered kinds in order, starts each row found, and counts them by kind', async () => {
  const log: string[] = [];
  const kinds = [fakeKind('cases', ['c1', 'c2'], log), fakeKind('labelBatches', [], log), fakeKind('complaints', ['t1'], log)];
  assert.deepEqual(await startMissing(kinds, 30_000), { cases: 2, labelBatches: 0, complaints: 1 });
  assert.deepEqual(log, ['cases? 30000', 'cases c1', 'cases c2', 'labelBatches? 30000', 'complaints? 30000', 'complaints t1']);
  assert.deepEqual(await startMissing(kinds, 30_000), { cases: 0, labelBatches: 0, complaints: 0 }, 'a started row is not swept again');
});

test('a start that fails stops the sweep there (the activity is retried, and starting again is harmless)', async () => {
  const log: string[] = [];
  const broken: StartableKind<string> = {
    kind: 'imports',
    unstarted: async () => ['j1'],
    start: async () => {
      throw new Error('Temporal away');
    },
  };
  await assert.rejects(startMissing([broken, fakeKind('campaigns', ['k1'], log)], 1), /Temporal away/);
  assert.deepEqual(log, []);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { percentileOf, ratio } from './percentile.ts';

describe('percentile from a histogram', () => {
  test('nearest rank: the median and p90 are days some task took', () => {
    // 1,1,2,2,2,3,5,8,13,30 (ten tasks)
    const h = [
      { days: 30, n: 1 },
      { days: 2, n: 3 },
      { days: 1, n: 2 },
      { days: 3, n: 1 },
      { days: 5, n: 1 },
      { days: 8, n: 1 },
      { days: 13, n: 1 },
    ];
    assert.equal(percentileOf(h, 0.5), 2);
    assert.equal(percentileOf(h, 0.9), 13);
    assert.equal(percentileOf(h, 1), 30);
    assert.equal(percentileOf(h, 0.01), 1);
  });

  test('agrees with sorting the values themselves', () => {
    const values = Array.from({ length: 97 }, (_, i) => (i * 37) % 23);
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const h = [...counts].map(([days, n]) => ({ days, n }));
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) assert.equal(percentileOf(h, p), sorted[Math.ceil(p * values.length) - 1], `p=${p}`);
  });

  test('one value; no values; empty buckets', () => {
    assert.equal(percentileOf([{ days: 4, n: 1 }], 0.5), 4);
    assert.equal(percentileOf([], 0.5), null);
    assert.equal(percentileOf([{ days: 4, n: 0 }], 0.9), null);
    assert.throws(() => percentileOf([], 0));
  });

  test('ratio', () => {
    assert.equal(ratio(1, 3), 0.3333);
    assert.equal(ratio(0, 0), null);
  });
});

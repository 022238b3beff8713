/** The pass's plan for one village: the cap holds per inspector, the urgent houses go first, work is shared. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planAssignments } from './plan.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => `item-${String(i).padStart(2, '0')}`);

describe('planning one village’s pass', () => {
  it('never gives an inspector more than the cap, counting what they hold already', () => {
    const plan = planAssignments(items(10), [{ id: 'a', name: '甲', load: 1 }], 3);
    assert.deepEqual(
      plan.map((p) => p.itemId),
      ['item-00', 'item-01'],
    );
  });

  it('an inspector at the cap gets nothing; the urgent houses wait for the next day', () => {
    assert.deepEqual(planAssignments(items(5), [{ id: 'a', name: '甲', load: 3 }], 3), []);
  });

  it('shares the houses between the village’s inspectors, the one with more room first', () => {
    const plan = planAssignments(
      items(5),
      [
        { id: 'b', name: '乙', load: 2 },
        { id: 'a', name: '甲', load: 0 },
      ],
      3,
    );
    const by = (id: string) => plan.filter((p) => p.inspectorId === id).map((p) => p.itemId);
    assert.deepEqual(by('a'), ['item-00', 'item-01', 'item-02']);
    assert.deepEqual(by('b'), ['item-03']);
  });

  it('with no inspector, nobody gets anything', () => {
    assert.deepEqual(planAssignments(items(3), [], 3), []);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FunnelStep } from '../../../domain/statistics/api.ts';
import { funnelHeat } from './funnelHeat.ts';

const step = (id: string, elementIds: string[], medianDays: number | null, open: number, overdue = 0): FunnelStep => ({
  step: id,
  label: id,
  elementIds,
  open: { value: open },
  overdueOpen: { value: overdue },
  completed: medianDays === null ? 0 : 3,
  medianDays,
  p90Days: medianDays,
  lateShare: null,
});

describe('the funnel heatmap', () => {
  test('fills every element of a step by its median relative to the slowest, one badge per step', () => {
    const { fills, badges, max } = funnelHeat(
      [
        step('assign', ['Task_assign', 'Timer_assign'], 1, 2),
        step('rectify', ['Task_rectify'], 4, 1, 1),
        step('close', ['Task_close'], null, 0),
      ],
      (s) => `${s.step}:${s.open.value}`,
    );
    assert.equal(max, 4);
    assert.equal(fills.Task_assign, 'hsl(90, 75%, 80%)');
    assert.equal(fills.Timer_assign, 'hsl(90, 75%, 80%)');
    assert.equal(fills.Task_rectify, 'hsl(0, 75%, 80%)');
    assert.equal(fills.Task_close, undefined);
    assert.deepEqual(Object.keys(badges).sort(), ['Task_assign', 'Task_rectify']);
    assert.equal(badges.Task_rectify?.[0]?.tone, 'overdue');
    assert.equal(badges.Task_assign?.[0]?.text, 'assign:2');
  });
});

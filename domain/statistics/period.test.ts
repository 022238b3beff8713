import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, beijingDay, intervals, monthEnd, monthSpan, periodDates, periodProblem, resolvePeriod, weekStart } from './period.ts';

describe('the statistics calendar', () => {
  test('the Beijing day of an instant', () => {
    assert.equal(beijingDay(new Date('2026-12-06T15:59:59Z')), '2026-12-06');
    assert.equal(beijingDay(new Date('2026-12-06T16:00:00Z')), '2026-12-07');
  });

  test('default period: the last 12 months with the current one; from alone runs 12 months but not past now', () => {
    assert.deepEqual(resolvePeriod({}, '2026-12-07'), { from: '2026-01', to: '2026-12' });
    assert.deepEqual(resolvePeriod({ to: '2026-03' }, '2026-12-07'), { from: '2025-04', to: '2026-03' });
    assert.deepEqual(resolvePeriod({ from: '2026-06' }, '2026-12-07'), { from: '2026-06', to: '2026-12' });
    assert.deepEqual(resolvePeriod({ from: '2024-01' }, '2026-12-07'), { from: '2024-01', to: '2024-12' });
    assert.deepEqual(resolvePeriod({ from: '2027-05' }, '2026-12-07'), { from: '2027-05', to: '2027-05' });
  });

  test('months, their ends and spans; the refusals name the field', () => {
    assert.equal(addMonths('2026-11', 3), '2027-02');
    assert.equal(addMonths('2026-01', -1), '2025-12');
    assert.equal(monthEnd('2028-02'), '2028-02-29');
    assert.equal(monthSpan('2024-01', '2026-12'), 36);
    assert.deepEqual(periodDates({ from: '2026-01', to: '2026-02' }), { from: '2026-01-01', to: '2026-02-28' });
    assert.equal(periodProblem('2024-01', '2026-12'), null);
    assert.equal(periodProblem('2023-12', '2026-12')?.field, 'query.from');
    assert.equal(periodProblem('2026-02', '2026-01')?.field, 'query.to');
  });

  test('weeks start on Monday and are clipped to the period; months too', () => {
    assert.equal(weekStart('2026-12-06'), '2026-11-30');
    assert.equal(weekStart('2026-11-30'), '2026-11-30');
    const weeks = intervals({ from: '2026-11-01', to: '2026-11-30' }, 'week');
    assert.deepEqual(weeks[0], { start: '2026-10-26', from: '2026-11-01', to: '2026-11-01' });
    assert.deepEqual(weeks.at(-1), { start: '2026-11-30', from: '2026-11-30', to: '2026-11-30' });
    assert.equal(weeks.length, 6);
    assert.deepEqual(
      intervals({ from: '2026-01-01', to: '2026-03-31' }, 'month').map((i) => [i.start, i.to]),
      [
        ['2026-01-01', '2026-01-31'],
        ['2026-02-01', '2026-02-28'],
        ['2026-03-01', '2026-03-31'],
      ],
    );
  });
});

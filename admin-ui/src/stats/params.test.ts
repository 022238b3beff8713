import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, beijingMonth, days, defaultPeriod, heatColour, isMonth, percent, statsQuery } from './params.ts';

describe('months', () => {
  test('recognises YYYY-MM only', () => {
    assert.ok(isMonth('2026-01'));
    assert.ok(isMonth('2026-12'));
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', null, 202601]) assert.ok(!isMonth(bad), String(bad));
  });

  test('adds months across years', () => {
    assert.equal(addMonths('2026-12', 1), '2027-01');
    assert.equal(addMonths('2026-01', -1), '2025-12');
    assert.equal(addMonths('2026-03', -11), '2025-04');
    assert.equal(addMonths('2026-03', 0), '2026-03');
  });

  test('this month is Beijing’s: 1 December 00:30 in Beijing is still 30 November in UTC', () => {
    assert.equal(beijingMonth(Date.parse('2026-11-30T16:30:00Z')), '2026-12');
    assert.deepEqual(defaultPeriod(Date.parse('2026-11-30T16:30:00Z')), { from: '2026-01', to: '2026-12' });
  });
});

describe('statsQuery', () => {
  test('leaves out what is empty and flattens the dimension filters', () => {
    assert.deepEqual(
      statsQuery({
        region: '441802',
        from: '2026-01',
        to: '2026-06',
        measure: 'houses',
        rows: 'region',
        cols: null,
        filters: { riskTier: 'red', use: '' },
      }),
      { region: '441802', from: '2026-01', to: '2026-06', measure: 'houses', rows: 'region', riskTier: 'red' },
    );
    assert.deepEqual(statsQuery({}), {});
    assert.deepEqual(statsQuery({ coverageDays: 90, interval: 'week' }), { coverageDays: '90', interval: 'week' });
  });
});

describe('formatting', () => {
  test('rates as percentages with one decimal, none as —', () => {
    assert.equal(percent(0.5), '50.0%');
    assert.equal(percent(1), '100.0%');
    assert.equal(percent(0.12345), '12.3%');
    assert.equal(percent(null), '—');
    assert.equal(percent(Number.NaN), '—');
  });

  test('days with one decimal', () => {
    assert.equal(days(2), '2.0');
    assert.equal(days(2.26), '2.3');
    assert.equal(days(null), '—');
  });

  test('the heatmap runs from green (quick) to red (slowest); no value, no colour', () => {
    assert.equal(heatColour(0, 10), 'hsl(120, 75%, 80%)');
    assert.equal(heatColour(10, 10), 'hsl(0, 75%, 80%)');
    assert.equal(heatColour(5, 10), 'hsl(60, 75%, 80%)');
    assert.equal(heatColour(null, 10), null);
    assert.equal(heatColour(3, 0), null);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChildRow } from '../../../domain/statistics/api.ts';
import { cellText, dimensionApplies, pivotSettings } from './pivotModel.ts';
import { sortRanking } from './ranking.ts';

describe('the pivot settings', () => {
  test('default to houses by region and risk tier', () => {
    assert.deepEqual(pivotSettings(new URLSearchParams()), { measure: 'houses', rows: 'region', cols: 'riskTier', filters: {} });
  });

  test('case dimensions do not apply to a count of houses, and are dropped from rows, columns and filters', () => {
    assert.ok(!dimensionApplies('category', 'houses'));
    assert.ok(dimensionApplies('category', 'hazardsFound'));
    assert.ok(dimensionApplies('riskTier', 'hazardsOpen'));
    const settings = pivotSettings(new URLSearchParams('measure=houses&rows=category&cols=severity&severity=serious&riskTier=red'));
    assert.deepEqual(settings, { measure: 'houses', rows: 'region', cols: null, filters: { riskTier: 'red' } });
  });

  test('keeps hazard settings, drops unknown values and a column equal to the rows', () => {
    const settings = pivotSettings(new URLSearchParams('measure=hazardsOpen&rows=category&cols=category&severity=serious&use=castle'));
    assert.deepEqual(settings, { measure: 'hazardsOpen', rows: 'category', cols: null, filters: { severity: 'serious' } });
    assert.equal(pivotSettings(new URLSearchParams('cols=none')).cols, null);
    assert.equal(pivotSettings(new URLSearchParams('measure=bogus')).measure, 'houses');
  });

  test('shows rates as percentages and counts as numbers', () => {
    assert.equal(cellText(0.756, 'rectificationRate'), '75.6%');
    assert.equal(cellText(12345, 'houses'), '12,345');
    assert.equal(cellText(null, 'houses'), '—');
  });
});

describe('the ranking', () => {
  const row = (code: string, rate: number | null, overdue: number): ChildRow => ({
    region: { code, name: code, level: 'town' },
    houses: { value: 1 },
    red: { value: 0 },
    openHazards: { value: 0 },
    overdue: { value: overdue },
    found: { value: 0 },
    closed: { value: 0 },
    rectificationRate: rate,
    coverageRate: null,
  });
  const rows = [row('b', 0.5, 3), row('a', null, 1), row('c', 0.9, 3)];

  test('sorts by a rate, regions without one last either way', () => {
    assert.deepEqual(
      sortRanking(rows, 'rectificationRate', 'desc').map((r) => r.region.code),
      ['c', 'b', 'a'],
    );
    assert.deepEqual(
      sortRanking(rows, 'rectificationRate', 'asc').map((r) => r.region.code),
      ['b', 'c', 'a'],
    );
  });

  test('sorts by a count, ties by region code', () => {
    assert.deepEqual(
      sortRanking(rows, 'overdue', 'desc').map((r) => r.region.code),
      ['b', 'c', 'a'],
    );
    assert.deepEqual(
      sortRanking(rows, 'region', 'asc').map((r) => r.region.code),
      ['a', 'b', 'c'],
    );
  });
});

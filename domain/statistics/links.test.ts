import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FLOORS_BANDS, YEAR_BANDS, floorsBand, yearBand } from './dimensions.ts';
import { caseFilter, houseFilter } from './links.ts';

/** Whether a house passes the registry's floor and year filters as the list applies them. */
function passes(f: Record<string, unknown>, floors: number, year: number | null): boolean {
  if (typeof f.minFloors === 'number' && floors < f.minFloors) return false;
  if (typeof f.maxFloors === 'number' && floors > f.maxFloors) return false;
  if (f.yearUnknown === true && year !== null) return false;
  if (typeof f.yearFrom === 'number' && (year === null || year < f.yearFrom)) return false;
  if (typeof f.yearTo === 'number' && (year === null || year > f.yearTo)) return false;
  return true;
}

describe('the list filters behind a dimension value', () => {
  test('each floors band selects exactly the houses the band function puts in it', () => {
    for (let floors = 1; floors <= 60; floors++) {
      for (const band of FLOORS_BANDS)
        assert.equal(passes(houseFilter('floorsBand', band.id), floors, 2000), floorsBand(floors) === band.id, `${floors} in ${band.id}`);
    }
  });

  test('each year band selects exactly the houses the band function puts in it, unknown years included', () => {
    for (const year of [null, 1800, 1950, 1980, 1981, 2000, 2001, 2010, 2011, 2026]) {
      for (const band of YEAR_BANDS)
        assert.equal(passes(houseFilter('yearBand', band.id), 3, year), yearBand(year) === band.id, `${year} in ${band.id}`);
    }
  });

  test('the other dimensions are the registry filters of the same name; a region is regionCode', () => {
    assert.deepEqual(houseFilter('region', '441802006'), { regionCode: '441802006' });
    assert.deepEqual(houseFilter('riskTier', 'red'), { riskTier: 'red' });
    assert.deepEqual(houseFilter('appraisalGrade', 'none'), { appraisalGrade: 'none' });
    assert.deepEqual(houseFilter('latestJudgement', 'not_inspected'), { latestJudgement: 'not_inspected' });
    assert.throws(() => houseFilter('floorsBand', '7-9'));
  });

  test('a month is its Beijing dates, clipped to the period', () => {
    const period = { from: '2026-01-15', to: '2026-03-10' };
    assert.deepEqual(caseFilter('month', '2026-02', period), { createdFrom: '2026-02-01', createdTo: '2026-02-28' });
    assert.deepEqual(caseFilter('month', '2026-01', period), { createdFrom: '2026-01-15', createdTo: '2026-01-31' });
    assert.deepEqual(caseFilter('month', '2026-03', period), { createdFrom: '2026-03-01', createdTo: '2026-03-10' });
    assert.deepEqual(caseFilter('origin', 'special', period), { origin: 'special' });
  });
});

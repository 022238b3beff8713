import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countFilter } from './campaignForm.ts';

test('the house count is asked for the area and the conditions given, before a deadline is picked', () => {
  assert.equal(countFilter({}), null);
  assert.equal(countFilter({ regionCode: '441802006001' }), null, 'a village is not a campaign area');
  assert.deepEqual(countFilter({ regionCode: '441802006', filters: { use: 'business', minFloors: 3, yearFrom: null } }), {
    use: 'business',
    minFloors: 3,
    regionCode: '441802006',
  });
  assert.equal(countFilter({ regionCode: '441802006', filters: { yearFrom: 2000, yearTo: 1990 } }), null);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRegionCodeShape, isWithinRegion, parentRegionCode, regionAncestry, regionLevel } from './regions.ts';

test('region codes nest by prefix from the national root to a village', () => {
  assert.deepEqual(regionAncestry('441802006001'), ['0', '44', '4418', '441802', '441802006', '441802006001']);
  assert.equal(parentRegionCode('441802006'), '441802');
  assert.equal(parentRegionCode('0'), null);
  assert.equal(regionLevel('441802006'), 'town');
  assert.equal(regionLevel('0'), 'national');
});

test('a region is within itself, its ancestors, and the national root; never within a sibling', () => {
  assert.ok(isWithinRegion('441802006001', '441802006'));
  assert.ok(isWithinRegion('441802006', '441802006'));
  assert.ok(isWithinRegion('441802006', '0'));
  assert.ok(!isWithinRegion('441802007001', '441802006'));
});

test('only the six code lengths are region codes', () => {
  for (const ok of ['0', '44', '4418', '441802', '441802006', '441802006001']) assert.ok(isRegionCodeShape(ok), ok);
  for (const bad of ['', '4', '441', '4418020', '4418020060011', 'abc']) assert.ok(!isRegionCodeShape(bad), bad);
});

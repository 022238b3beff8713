import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRESENCE_RADIUS_M, distanceM, presenceOf } from './presence.ts';

const house = { latitude: 23.7005, longitude: 113.0312 };

test('distance: one thousandth of a degree of latitude is about 111 m', () => {
  const d = distanceM(house, { latitude: house.latitude + 0.001, longitude: house.longitude });
  assert.ok(Math.abs(d - 111.2) < 0.5, String(d));
  assert.equal(distanceM(house, house), 0);
});

test('presence: near within 200 m, far beyond, missing without a position, unverifiable without house coordinates', () => {
  assert.deepEqual(presenceOf({ latitude: 23.7012, longitude: 113.0312 }, house), { presence: 'near', distanceM: 78, flagged: false });
  const far = presenceOf({ latitude: 23.7035, longitude: 113.0312 }, house);
  assert.equal(far.presence, 'far');
  assert.ok((far.distanceM ?? 0) > PRESENCE_RADIUS_M);
  assert.equal(far.flagged, true);
  assert.deepEqual(presenceOf(null, house), { presence: 'missing', distanceM: null, flagged: true });
  assert.deepEqual(presenceOf(house, { latitude: null, longitude: null }), { presence: 'unverifiable', distanceM: null, flagged: false });
});
